package io.firstpin.attendance.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.EVENT;

import io.firstpin.identity.CommunityParticipants;
import java.util.Collection;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Members checked in at an event of the communities, also those without a registration (imported walk-ins). */
@Component
class CheckedInMembers implements CommunityParticipants {

    @Override
    public Select<? extends Record1<Long>> memberIds(long organizationId, Collection<Long> communityIds) {
        return DSL.select(ATTENDANCE.MEMBER_ID)
                .from(ATTENDANCE)
                .join(EVENT).on(EVENT.ID.eq(ATTENDANCE.EVENT_ID))
                .where(EVENT.ORGANIZATION_ID.eq(organizationId))
                .and(EVENT.COMMUNITY_ID.in(communityIds));
    }
}
