package io.firstpin.insight.web;

import io.firstpin.insight.Period;
import io.firstpin.insight.PeriodPreset;
import java.time.LocalDate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the dashboard's pickers sent: the period (a preset such as {@code this-quarter}, or the dates), the community of
 * the tree to show (its slug; empty for the community itself) and whether its branches are included.
 */
record DashboardQuery(String from, String to, String branch, Boolean branches, String preset) {

    /** The preset's period when one is named, else the dates'. */
    Period period(LocalDate today) {
        return PeriodPreset.parse(preset).map(p -> p.period(today)).orElseGet(() -> Period.parse(from, to, today));
    }

    boolean withBranches() {
        return branches != null && branches;
    }

    /**
     * The same choice with the branches included when nobody said otherwise and there are some: the dashboard of a
     * community with branches opens on the whole of it.
     */
    DashboardQuery branchesByDefault(boolean hasBranches) {
        return branches != null ? this : new DashboardQuery(from, to, branch, hasBranches, preset);
    }

    /** The same choice over these dates, no preset: links made from it keep showing the same days. */
    DashboardQuery withPeriod(Period period) {
        return new DashboardQuery(period.from().toString(), period.to().toString(), branch, branches, null);
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
