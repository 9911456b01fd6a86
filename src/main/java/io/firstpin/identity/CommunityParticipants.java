package io.firstpin.identity;

import java.util.Collection;
import org.jooq.Record1;
import org.jooq.Select;

/**
 * Port to the modules that know who took part in a community: a grant for a community sees a member of the organization
 * only when one of these answers them for the granted communities. Each module answers from its own tables (a
 * registration, a check-in, a talk, a leader role), as a subquery so that lists filter in the database.
 */
public interface CommunityParticipants {

    /** A query of member ids (one column) known in any of these communities of the organization. */
    Select<? extends Record1<Long>> memberIds(long organizationId, Collection<Long> communityIds);
}
