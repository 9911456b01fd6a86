package io.firstpin.history;

import java.time.Instant;

/**
 * A prepared file of a bulk import as read: its site ({@code generic} for a CSV of no site Firstpin knows, null for
 * bytes that are no CSV), its encoding, its rows (null when it cannot be read, or is generic and not mapped yet) or how
 * many problems it has, whether a column mapping is remembered for its header, and the event proposed for it or the
 * new event's title and start.
 */
public record BulkProposal(int position, String fileName, ImportFormat format, String encoding, Integer rows,
        int problems, boolean mapped, Long eventId, String title, Instant startsAt) {

    /** A generic file whose columns staff must map before the job can start. */
    public boolean needsMapping() {
        return format == ImportFormat.GENERIC && !mapped;
    }
}
