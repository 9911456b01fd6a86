package io.firstpin.insight.web;

import io.firstpin.identity.Role;
import io.firstpin.insight.OrganizationOverview;
import io.firstpin.insight.OrganizationOverview.Column;
import io.firstpin.insight.Period;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization's communities side by side, sortable by each column on the server: a click on a column header asks
 * htmx for the table sorted by it.
 */
@Controller
@RequestMapping("/manage/{org}/insight")
class OverviewPagesController {

    private final Organizations organizations;
    private final OrganizationOverview overview;

    OverviewPagesController(Organizations organizations, OrganizationOverview overview) {
        this.organizations = organizations;
        this.overview = overview;
    }

    @GetMapping
    String overview(@PathVariable String org, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        Organization organization = organizations.open(org, Role.VIEWER);
        Period period;
        try {
            period = Period.parse(from, to, overview.today(organization.id()));
        } catch (InvalidInputException e) {
            model.addAttribute("periodError", e.problems().get(0).code());
            period = Period.lastTwelveMonths(overview.today(organization.id()));
        }
        Column column = Column.parse(sort);
        boolean descending = "desc".equals(dir);
        response.addHeader("Vary", "HX-Request");
        model.addAttribute("org", organization);
        model.addAttribute("period", period);
        model.addAttribute("sort", column);
        model.addAttribute("descending", descending);
        model.addAttribute("columns", Arrays.asList(Column.values()));
        OrganizationOverview.Table table = overview.table(organization.id(), period, column, descending);
        model.addAttribute("rows", table.rows());
        model.addAttribute("total", table.total());
        return htmx != null ? "insight/overview :: table" : "insight/overview";
    }
}
