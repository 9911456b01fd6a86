package io.firstpin.audit.web;

import io.firstpin.audit.AuditFilter;
import io.firstpin.audit.AuditLog;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization's audit log as a page for its admins: filtered by action, actor and days, newest first, a page at a
 * time, with the same filters as a CSV. An htmx request gets the results only.
 */
@Controller
class AuditPagesController {

    private static final int PAGE_SIZE = 50;

    private final Organizations organizations;
    private final AuditLog log;

    AuditPagesController(Organizations organizations, AuditLog log) {
        this.organizations = organizations;
        this.log = log;
    }

    @GetMapping("/manage/{org}/audit")
    String log(@PathVariable String org, @Valid @ModelAttribute("filter") FilterForm filter, BindingResult binding,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        if (!binding.hasErrors() && filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            binding.rejectValue("to", "audit.to.before-from");
        }
        AuditFilter applied = binding.hasErrors() ? AuditFilter.none() : filter.filter();
        model.addAttribute("org", organization);
        model.addAttribute("found", log.page(organization.id(), applied, page, PAGE_SIZE));
        model.addAttribute("applied", applied);
        return htmx != null ? "audit/log :: results" : "audit/log";
    }

    /** What the filter form sends; every field may be empty. */
    record FilterForm(@Size(max = 64) String action, @Size(max = 64) String actor,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

        AuditFilter filter() {
            return new AuditFilter(action, actor, from, to);
        }
    }
}
