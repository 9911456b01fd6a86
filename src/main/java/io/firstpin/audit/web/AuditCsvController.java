package io.firstpin.audit.web;

import io.firstpin.audit.AuditEntry;
import io.firstpin.audit.AuditFilter;
import io.firstpin.audit.AuditLog;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.web.CsvAttachment;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The organization's audit log as CSV, with the page's filters; organization admins of all of it. */
@Controller
class AuditCsvController {

    private static final int MAX_ROWS = 100_000;

    private final Organizations organizations;
    private final AuditLog log;

    AuditCsvController(Organizations organizations, AuditLog log) {
        this.organizations = organizations;
        this.log = log;
    }

    @GetMapping("/manage/{org}/audit.csv")
    void csv(@PathVariable String org, @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        AuditFilter filter = new AuditFilter(action, actor, from, to);
        try (CSVPrinter csv = CsvAttachment.open(response, "audit-" + organization.slug() + ".csv")) {
            csv.printRecord("at", "action", "target", "details", "actor", "client-address");
            int page = 0;
            int written = 0;
            AuditLog.Page found;
            do {
                found = log.page(organization.id(), filter, page++, AuditLog.MAX_PAGE_SIZE);
                for (AuditEntry e : found.entries()) {
                    csv.printRecord(e.occurredAt(), CsvAttachment.cell(e.action()), CsvAttachment.cell(e.target()),
                            CsvAttachment.cell(e.details()), CsvAttachment.cell(e.actor()),
                            CsvAttachment.cell(e.clientAddress()));
                }
                written += found.entries().size();
            } while (found.hasNext() && written < MAX_ROWS);
        }
    }
}
