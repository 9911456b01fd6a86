package io.firstpin.member;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The communities whose events each member attended, by the attendee rule. Declared here for merge suggestions and
 * answered by the module that owns the rule, which depends on this one.
 */
public interface AttendedCommunities {

    /** Per member (those without any attendance left out), the communities they attended an event of. */
    Map<Long, Set<Long>> of(Collection<Long> memberIds);
}
