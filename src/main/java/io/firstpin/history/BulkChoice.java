package io.firstpin.history;

import java.time.Instant;

/**
 * What staff chose for one file of a bulk import: its site, and an existing event or the title and start of a new
 * one; for a generic file the column mapping, when not the one remembered for its header.
 */
public record BulkChoice(int position, ImportFormat format, Long eventId, String title, Instant startsAt,
        ColumnMapping mapping) {

    /** A choice that reads a generic file with the mapping remembered for its header. */
    public BulkChoice(int position, ImportFormat format, Long eventId, String title, Instant startsAt) {
        this(position, format, eventId, title, startsAt, null);
    }

    BulkChoice withFormat(ImportFormat recognized) {
        return new BulkChoice(position, recognized, eventId, title, startsAt, mapping);
    }
}
