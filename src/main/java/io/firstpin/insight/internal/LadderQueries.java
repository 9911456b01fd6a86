package io.firstpin.insight.internal;

import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;

import io.firstpin.event.EventReads;
import io.firstpin.event.TalkReads;
import io.firstpin.member.MemberReads;
import io.firstpin.output.OutputReads;
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
        EventReads e = EventReads.events();
        return db.select(TalkReads.speakerId(), TalkReads.kind(), min(e.startsAt()), max(e.startsAt()))
                .from(TalkReads.talks())
                .join(e.table()).on(e.id().eq(TalkReads.eventId()))
                .where(TalkReads.kind().in(kinds))
                .and(e.communityId().in(communityIds))
                .and(e.startsAt().lt(at(before)))
                .groupBy(TalkReads.speakerId(), TalkReads.kind())
                .fetch(r -> new Talks(r.value1(), r.value2(), r.value3().toInstant(), r.value4().toInstant()));
    }

    /**
     * Per author, the first and latest date of their outputs linked (and not unlinked) to the scope's events starting
     * before {@code before}: an output's date is its publication, or its event's start where that is unknown; outputs
     * dated {@code before} or later are left out.
     */
    public List<Written> outputs(Collection<Long> communityIds, Instant before) {
        EventReads e = EventReads.events();
        Field<OffsetDateTime> dated = OutputReads.dated(e.startsAt());
        return db.select(OutputReads.authorId(), min(dated), max(dated))
                .from(OutputReads.links())
                .join(e.table()).on(e.id().eq(OutputReads.linkedEventId()))
                .where(OutputReads.countsForAuthor())
                .and(e.communityId().in(communityIds))
                .and(e.startsAt().lt(at(before)))
                .and(dated.lt(at(before)))
                .groupBy(OutputReads.authorId())
                .fetch(r -> new Written(r.value1(), r.value2().toInstant(), r.value3().toInstant()));
    }

    /** The organization's staff members (社員). */
    public Set<Long> staff(long organizationId) {
        return new HashSet<>(db.select(MemberReads.id()).from(MemberReads.members())
                .where(MemberReads.organizationId().eq(organizationId))
                .and(MemberReads.isStaff())
                .fetch(MemberReads.id()));
    }

    /** The display names of these members. */
    public Map<Long, String> names(Collection<Long> memberIds) {
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = new ArrayList<>(memberIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            names.putAll(db.select(MemberReads.id(), MemberReads.displayName()).from(MemberReads.members())
                    .where(MemberReads.id().in(ids.subList(i, Math.min(ids.size(), i + CHUNK))))
                    .fetchMap(MemberReads.id(), MemberReads.displayName()));
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
