package io.firstpin.audit;

import java.time.LocalDate;

/** What an admin asks of the log: an action, an actor, a date range (inclusive, UTC days), any of them left empty. */
public record AuditFilter(String action, String actor, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }
}
