package io.firstpin.insight.web;

import io.firstpin.insight.Period;
import java.time.LocalDate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the dashboard's pickers sent: the period, the community of the tree to show (its slug; empty for the community
 * itself) and whether its branches are included.
 */
record DashboardQuery(String from, String to, String branch, Boolean branches) {

    Period period(LocalDate today) {
        return Period.parse(from, to, today);
    }

    boolean withBranches() {
        return branches != null && branches;
    }

    DashboardQuery withPeriod(Period period) {
        return new DashboardQuery(period.from().toString(), period.to().toString(), branch, branches);
    }

    /** The same choice as query parameters, for the CSV links. */
    String asQueryString(String subject) {
        return UriComponentsBuilder.newInstance()
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("branch", subject)
                .queryParam("branches", withBranches())
                .build().encode().toUriString();
    }
}
