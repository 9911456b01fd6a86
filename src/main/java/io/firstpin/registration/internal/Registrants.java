package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.REGISTRATION;

import io.firstpin.event.Events;
import io.firstpin.identity.CommunityParticipants;
import java.util.Collection;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Members who registered (in any state, imported ones too) for an event of the communities. */
@Component
class Registrants implements CommunityParticipants {

    private final Events events;

    Registrants(Events events) {
        this.events = events;
    }

    @Override
    public Select<? extends Record1<Long>> memberIds(long organizationId, Collection<Long> communityIds) {
        return DSL.select(REGISTRATION.MEMBER_ID)
                .from(REGISTRATION)
                .where(REGISTRATION.ORGANIZATION_ID.eq(organizationId))
                .and(REGISTRATION.EVENT_ID.in(events.idsIn(organizationId, communityIds)));
    }
}
