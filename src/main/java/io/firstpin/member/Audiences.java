package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER_AUDIENCE;

import io.firstpin.platform.ConflictException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' outside audiences (reach, docs/kpis.md): each size staff or an integration tells us is kept as an
 * observation, and a member's reach is the sum of the latest one per channel (docs/insight.md).
 */
@Service
public class Audiences {

    private static final int LOOKUP_CHUNK = 1000;
    // a member has no time zone of its own; "today" is that of the member pages' dates
    private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private final DSLContext db;
    private final Members members;
    private final Clock clock;

    Audiences(DSLContext db, Members members, Clock clock) {
        this.db = db;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Records the given audience sizes of the member, each problem reported on {@code audiences[i].<field>}; a size
     * equal to the latest known one of its channel on the same day is not recorded again, so repeating a call changes
     * nothing. Answers the member's reach afterwards.
     */
    @Transactional
    public Reach record(long organizationId, long memberId, List<AudienceInput> inputs, AudienceSource source) {
        Member member = members.inOrganization(organizationId, memberId);
        if (member.mergedIntoId().isPresent()) {
            throw new ConflictException("member", "member.merged", member.mergedIntoId().get());
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        List<Audience> given = AudienceInput.check(inputs, "audiences", source, today);
        Map<AudienceChannel, Audience> latest = new HashMap<>();
        reach(memberId, null).channels().forEach(a -> latest.put(a.channel(), a));
        for (Audience audience : given) {
            Audience known = latest.get(audience.channel());
            if (known != null && known.size() == audience.size() && known.asOf().equals(audience.asOf())) {
                continue;
            }
            db.insertInto(MEMBER_AUDIENCE)
                    .set(MEMBER_AUDIENCE.ORGANIZATION_ID, organizationId)
                    .set(MEMBER_AUDIENCE.MEMBER_ID, memberId)
                    .set(MEMBER_AUDIENCE.CHANNEL, audience.channel().name())
                    .set(MEMBER_AUDIENCE.AUDIENCE_SIZE, audience.size())
                    .set(MEMBER_AUDIENCE.AS_OF, audience.asOf())
                    .set(MEMBER_AUDIENCE.SOURCE, source.name())
                    .set(MEMBER_AUDIENCE.RECORDED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .execute();
        }
        return reach(memberId, null);
    }

    /** The member's reach today. */
    @Transactional(readOnly = true)
    public Reach reachOf(long organizationId, long memberId) {
        members.inOrganization(organizationId, memberId);
        return reach(memberId, null);
    }

    /**
     * The reach of each of these members of the organization as known on {@code asOf} (observations of later days
     * left out; null for everything known); members with none are {@link Reach#UNKNOWN}.
     */
    @Transactional(readOnly = true)
    public Map<Long, Reach> reachOf(long organizationId, Collection<Long> memberIds, LocalDate asOf) {
        Map<Long, List<Audience>> rows = new HashMap<>();
        List<Long> ids = List.copyOf(memberIds);
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            db.select(MEMBER_AUDIENCE.MEMBER_ID, MEMBER_AUDIENCE.CHANNEL, MEMBER_AUDIENCE.AUDIENCE_SIZE,
                            MEMBER_AUDIENCE.AS_OF, MEMBER_AUDIENCE.SOURCE)
                    .from(MEMBER_AUDIENCE)
                    .where(MEMBER_AUDIENCE.ORGANIZATION_ID.eq(organizationId))
                    .and(MEMBER_AUDIENCE.MEMBER_ID.in(ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK))))
                    .and(asOf == null ? MEMBER_AUDIENCE.AS_OF.isNotNull() : MEMBER_AUDIENCE.AS_OF.le(asOf))
                    .orderBy(MEMBER_AUDIENCE.AS_OF, MEMBER_AUDIENCE.ID)
                    .forEach(r -> rows.computeIfAbsent(r.value1(), m -> new ArrayList<>()).add(new Audience(
                            AudienceChannel.valueOf(r.value2()), r.value3(), r.value4(),
                            AudienceSource.valueOf(r.value5()))));
        }
        Map<Long, Reach> reach = new LinkedHashMap<>();
        for (Long id : memberIds) {
            reach.put(id, latestPerChannel(rows.getOrDefault(id, List.of())));
        }
        return reach;
    }

    private Reach reach(long memberId, LocalDate asOf) {
        List<Audience> rows = db.select(MEMBER_AUDIENCE.CHANNEL, MEMBER_AUDIENCE.AUDIENCE_SIZE, MEMBER_AUDIENCE.AS_OF,
                        MEMBER_AUDIENCE.SOURCE)
                .from(MEMBER_AUDIENCE)
                .where(MEMBER_AUDIENCE.MEMBER_ID.eq(memberId))
                .and(asOf == null ? MEMBER_AUDIENCE.AS_OF.isNotNull() : MEMBER_AUDIENCE.AS_OF.le(asOf))
                .orderBy(MEMBER_AUDIENCE.AS_OF, MEMBER_AUDIENCE.ID)
                .fetch(r -> new Audience(AudienceChannel.valueOf(r.value1()), r.value2(), r.value3(),
                        AudienceSource.valueOf(r.value4())));
        return latestPerChannel(rows);
    }

    /** Rows in (as of, recorded) order: the last of each channel wins. */
    private static Reach latestPerChannel(List<Audience> ordered) {
        Map<AudienceChannel, Audience> latest = new LinkedHashMap<>();
        ordered.forEach(a -> latest.put(a.channel(), a));
        return new Reach(latest.values().stream().sorted(Comparator.comparing(Audience::channel)).toList());
    }
}
