package io.firstpin.output;

import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An output's link to an event, part of the {@link Output} aggregate. A link staff removed stays, with
 * {@code unlinkedAt}, so that the linking rules do not bring it back.
 */
@Table("output_link")
public record OutputLink(long eventId, LinkedBy linkedBy, Instant linkedAt, Instant unlinkedAt) {

    public boolean active() {
        return unlinkedAt == null;
    }

    OutputLink removed(Instant now) {
        return new OutputLink(eventId, linkedBy, linkedAt, now);
    }

    static OutputLink of(long eventId, LinkedBy linkedBy, Instant now) {
        return new OutputLink(eventId, linkedBy, now, null);
    }
}
