package io.firstpin.attendance.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;

import io.firstpin.event.Events;
import io.firstpin.identity.CommunityParticipants;
import java.util.Collection;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Members checked in at an event of the communities, also those without a registration (imported walk-ins). */
@Component
class CheckedInMembers implements CommunityParticipants {

    private final Events events;

    CheckedInMembers(Events events) {
        this.events = events;
    }

    @Override
    public Select<? extends Record1<Long>> memberIds(long organizationId, Collection<Long> communityIds) {
        return DSL.select(ATTENDANCE.MEMBER_ID)
                .from(ATTENDANCE)
                .where(ATTENDANCE.ORGANIZATION_ID.eq(organizationId))
                .and(ATTENDANCE.EVENT_ID.in(events.idsIn(organizationId, communityIds)));
    }
}
