package io.firstpin.event.internal;

import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.EVENT_SESSION;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;

import io.firstpin.identity.CommunityParticipants;
import java.util.Collection;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Members who speak in a session of an event of the communities. */
@Component
class EventSpeakers implements CommunityParticipants {

    @Override
    public Select<? extends Record1<Long>> memberIds(long organizationId, Collection<Long> communityIds) {
        return DSL.select(SESSION_SPEAKER.MEMBER_ID)
                .from(SESSION_SPEAKER)
                .join(EVENT_SESSION).on(EVENT_SESSION.ID.eq(SESSION_SPEAKER.EVENT_SESSION_ID))
                .join(EVENT).on(EVENT.ID.eq(EVENT_SESSION.EVENT_ID))
                .where(EVENT.ORGANIZATION_ID.eq(organizationId))
                .and(EVENT.COMMUNITY_ID.in(communityIds));
    }
}
