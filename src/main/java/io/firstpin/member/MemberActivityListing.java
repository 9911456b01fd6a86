package io.firstpin.member;

import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;

/**
 * Port to the module that counts what members did (attendance by the attendee rule, outputs, talks, leader roles and
 * the ladder step they add up to): the staff member list pages through it, since that module depends on this one and
 * not the other way round.
 */
public interface MemberActivityListing {

    /** The organization's communities a list can be narrowed to (each with its branches), in tree order. */
    List<Scope> scopes(long organizationId);

    /** The ladder's steps, lowest first, by name. */
    List<String> steps();

    /**
     * One page of the members {@code among} keeps (a condition on {@code member}) that match the filter, in name order,
     * with their activity, and how many match in all; one query.
     */
    Slice page(long organizationId, Condition among, ActivityFilter filter, int offset, int limit);

    /** A community to narrow to, indented by its depth in the tree. */
    record Scope(String slug, String name, int depth) {
    }

    /**
     * One member's activity in the scope: events attended, the first and last of them (days in the scope's time
     * zone, null before any), outputs linked to its events, and the highest ladder step reached (null for none).
     */
    record Activity(long memberId, int events, LocalDate firstAttended, LocalDate lastAttended, int outputs,
            String step) {
    }

    record Slice(List<Activity> rows, long total) {

        public Slice {
            rows = List.copyOf(rows);
        }
    }
}
