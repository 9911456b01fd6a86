package io.firstpin.insight.internal;

import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.EVENT_SESSION;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_LINK;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * The ladder's queries beyond attendance (which {@link KpiQueries} answers with the attendee rule of every KPI): talks
 * given, outputs written, who is staff, and names. Each is one grouped statement for the whole scope.
 */
@Component
public class LadderQueries {

    /** Names are read in chunks, so that a long list never meets a database's limit on bind values. */
    private static final int CHUNK = 1000;

    private final DSLContext db;

    LadderQueries(DSLContext db) {
        this.db = db;
    }

    /**
     * Per speaker and session kind of {@code kinds}, the first and latest start of the scope's events starting before
     * {@code before} where they gave such a talk.
     */
    public List<Talks> talks(Collection<Long> communityIds, Collection<String> kinds, Instant before) {
        return db.select(SESSION_SPEAKER.MEMBER_ID, EVENT_SESSION.KIND, min(EVENT.STARTS_AT), max(EVENT.STARTS_AT))
                .from(SESSION_SPEAKER)
                .join(EVENT_SESSION).on(EVENT_SESSION.ID.eq(SESSION_SPEAKER.EVENT_SESSION_ID))
                .join(EVENT).on(EVENT.ID.eq(EVENT_SESSION.EVENT_ID))
                .where(EVENT_SESSION.KIND.in(kinds))
                .and(EVENT.COMMUNITY_ID.in(communityIds))
                .and(EVENT.STARTS_AT.lt(at(before)))
                .groupBy(SESSION_SPEAKER.MEMBER_ID, EVENT_SESSION.KIND)
                .fetch(r -> new Talks(r.value1(), r.value2(), r.value3().toInstant(), r.value4().toInstant()));
    }

    /**
     * Per author, the first and latest date of their outputs linked (and not unlinked) to the scope's events starting
     * before {@code before}: an output's date is its publication, or its event's start where that is unknown; outputs
     * dated {@code before} or later are left out.
     */
    public List<Written> outputs(Collection<Long> communityIds, Instant before) {
        Field<OffsetDateTime> dated = coalesce(OUTPUT.PUBLISHED_AT, EVENT.STARTS_AT);
        return db.select(OUTPUT.AUTHOR_MEMBER_ID, min(dated), max(dated))
                .from(OUTPUT_LINK)
                .join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                .join(EVENT).on(EVENT.ID.eq(OUTPUT_LINK.EVENT_ID))
                .where(countedOutput())
                .and(EVENT.COMMUNITY_ID.in(communityIds))
                .and(EVENT.STARTS_AT.lt(at(before)))
                .and(dated.lt(at(before)))
                .groupBy(OUTPUT.AUTHOR_MEMBER_ID)
                .fetch(r -> new Written(r.value1(), r.value2().toInstant(), r.value3().toInstant()));
    }

    /**
     * An output link that counts for its author, in every KPI that counts outputs: not unlinked by staff, not awaiting
     * review, and the output has an author.
     */
    public static Condition countedOutput() {
        return OUTPUT_LINK.UNLINKED_AT.isNull().and(OUTPUT_LINK.AWAITING_REVIEW.isFalse())
                .and(OUTPUT.AUTHOR_MEMBER_ID.isNotNull());
    }

    /** The organization's staff members (社員). */
    public Set<Long> staff(long organizationId) {
        return new HashSet<>(db.select(MEMBER.ID).from(MEMBER)
                .where(MEMBER.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER.STAFF.isTrue())
                .fetch(MEMBER.ID));
    }

    /** The display names of these members. */
    public Map<Long, String> names(Collection<Long> memberIds) {
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = new ArrayList<>(memberIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            names.putAll(db.select(MEMBER.ID, MEMBER.DISPLAY_NAME).from(MEMBER)
                    .where(MEMBER.ID.in(ids.subList(i, Math.min(ids.size(), i + CHUNK))))
                    .fetchMap(MEMBER.ID, MEMBER.DISPLAY_NAME));
        }
        return names;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public record Talks(long memberId, String kind, Instant firstAt, Instant lastAt) {
    }

    public record Written(long memberId, Instant firstAt, Instant lastAt) {
    }
}
