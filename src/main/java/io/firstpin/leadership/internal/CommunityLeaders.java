package io.firstpin.leadership.internal;

import static io.firstpin.platform.db.Tables.LEADER_ROLE;

import io.firstpin.identity.CommunityParticipants;
import java.util.Collection;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Members who hold or held a leader role in one of the communities. */
@Component
class CommunityLeaders implements CommunityParticipants {

    @Override
    public Select<? extends Record1<Long>> memberIds(long organizationId, Collection<Long> communityIds) {
        return DSL.select(LEADER_ROLE.MEMBER_ID)
                .from(LEADER_ROLE)
                .where(LEADER_ROLE.ORGANIZATION_ID.eq(organizationId))
                .and(LEADER_ROLE.COMMUNITY_ID.in(communityIds));
    }
}
