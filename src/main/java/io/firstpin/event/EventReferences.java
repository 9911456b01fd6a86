package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * What a post can name an event by (its time, hashtag and connpass page), for the rules that link members' outputs to
 * events: one statement each, without loading the events whole.
 */
@Component
public class EventReferences {

    private final DSLContext db;

    EventReferences(DSLContext db) {
        this.db = db;
    }

    /** The organization's events that overlap [from, to], in start order. */
    public List<Reference> overlapping(long organizationId, Instant from, Instant to) {
        return where(EVENT.ORGANIZATION_ID.eq(organizationId)
                .and(EVENT.STARTS_AT.le(to.atOffset(ZoneOffset.UTC)))
                .and(EVENT.ENDS_AT.ge(from.atOffset(ZoneOffset.UTC))));
    }

    /** Every event of the communities, in start order. */
    public List<Reference> inCommunities(Collection<Long> communityIds) {
        return communityIds.isEmpty() ? List.of() : where(EVENT.COMMUNITY_ID.in(communityIds));
    }

    private List<Reference> where(Condition which) {
        return db.select(EVENT.ID, EVENT.STARTS_AT, EVENT.ENDS_AT, EVENT.HASHTAG, EVENT.CONNPASS_URL)
                .from(EVENT)
                .where(which)
                .orderBy(EVENT.STARTS_AT, EVENT.ID)
                .fetch(row -> new Reference(row.value1(), row.value2().toInstant(), row.value3().toInstant(),
                        blankAsNull(row.value4()), blankAsNull(row.value5())));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * @param hashtag without its {@code #}; null when the event has none
     * @param connpassUrl null unless the event was imported from connpass
     */
    public record Reference(long eventId, Instant startsAt, Instant endsAt, String hashtag, String connpassUrl) {
    }
}
