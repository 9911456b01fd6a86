package io.firstpin.attendee.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.REGISTRATION;

import io.firstpin.attendee.AttendeeRule;
import io.firstpin.member.AttendedCommunities;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** The rule over the history itself, so that a caller in a transaction sees its own writes. */
@Component
class AttendedCommunitiesQuery implements AttendedCommunities {

    private static final int CHUNK = 1000;

    private final DSLContext db;

    AttendedCommunitiesQuery(DSLContext db) {
        this.db = db;
    }

    @Override
    public Map<Long, Set<Long>> of(Collection<Long> memberIds) {
        List<Long> ids = new ArrayList<>(memberIds);
        Map<Long, Set<Long>> byMember = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            var tookPart = DSL.select(REGISTRATION.MEMBER_ID.as("member_id"), REGISTRATION.EVENT_ID.as("event_id"))
                    .from(REGISTRATION).where(REGISTRATION.MEMBER_ID.in(chunk))
                    .union(DSL.select(ATTENDANCE.MEMBER_ID, ATTENDANCE.EVENT_ID)
                            .from(ATTENDANCE).where(ATTENDANCE.MEMBER_ID.in(chunk)))
                    .asTable("took_part");
            var member = tookPart.field("member_id", Long.class);
            var event = tookPart.field("event_id", Long.class);
            db.selectDistinct(member, EVENT.COMMUNITY_ID)
                    .from(tookPart)
                    .join(EVENT).on(EVENT.ID.eq(event))
                    .where(AttendeeRule.attended(event, member))
                    .forEach(row -> byMember.computeIfAbsent(row.value1(), id -> new HashSet<>()).add(row.value2()));
        }
        return byMember;
    }
}
