package io.firstpin.output;

import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An output's link to an event, part of the {@link Output} aggregate. A link staff removed stays, with
 * {@code unlinkedAt}, so that the linking rules do not bring it back. A report a registrant or member submitted is
 * {@code awaitingReview} until staff approve it (or its author's attendance is confirmed, where the organization
 * chose so): until then only its author and staff see it, and no KPI counts it.
 */
@Table("output_link")
public record OutputLink(long eventId, LinkedBy linkedBy, Instant linkedAt, Instant unlinkedAt,
        boolean awaitingReview) {

    public boolean active() {
        return unlinkedAt == null;
    }

    /** Whether the public event page lists it and the KPIs count it. */
    public boolean published() {
        return active() && !awaitingReview;
    }

    OutputLink removed(Instant now) {
        return new OutputLink(eventId, linkedBy, linkedAt, now, awaitingReview);
    }

    OutputLink approved() {
        return new OutputLink(eventId, linkedBy, linkedAt, unlinkedAt, false);
    }

    static OutputLink of(long eventId, LinkedBy linkedBy, Instant now) {
        return new OutputLink(eventId, linkedBy, now, null, false);
    }

    static OutputLink forReview(long eventId, LinkedBy linkedBy, Instant now) {
        return new OutputLink(eventId, linkedBy, now, null, true);
    }
}
