package io.firstpin.audit.web;

import io.firstpin.audit.AuditEntry;
import io.firstpin.audit.AuditFilter;
import io.firstpin.audit.AuditLog;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organization's audit log for its admins, newest first; the total is in the X-Total-Count header. */
@RestController
@Tag(name = "Audit")
class AuditApiController {

    private final Organizations organizations;
    private final AuditLog log;

    AuditApiController(Organizations organizations, AuditLog log) {
        this.organizations = organizations;
        this.log = log;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "The audit log of one organization (organization admins of all of it): who did what, when, "
            + "from where; filter by action, actor (account 12, token 5, system) and days from/to (UTC, inclusive)")
    ResponseEntity<List<EntryResponse>> list(@RequestParam String organization,
            @RequestParam(required = false) String action, @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Organization org = organizations.open(organization, Role.ORGANIZATION_ADMIN);
        AuditLog.Page found = log.page(org.id(), new AuditFilter(action, actor, from, to), page, size);
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(found.total()))
                .body(found.entries().stream().map(EntryResponse::of).toList());
    }

    record EntryResponse(long id, Instant at, String action, String target, String details, String actor,
            String clientAddress) {

        static EntryResponse of(AuditEntry entry) {
            return new EntryResponse(entry.id(), entry.occurredAt(), entry.action(), entry.target(), entry.details(),
                    entry.actor(), entry.clientAddress());
        }
    }
}
