package io.firstpin.member;

import java.time.LocalDate;

/**
 * What the staff member list narrows to beyond the text search; every part is optional (null).
 *
 * @param community slug of a community: only members active there (with its branches), counted there
 * @param lastAttendedFrom last attended on this day or later
 * @param lastAttendedBefore last attended before this day (so attended at least once)
 * @param minEvents at least this many events attended
 * @param maxEvents at most this many events attended
 * @param step the highest ladder step reached, by name
 */
public record ActivityFilter(String community, LocalDate lastAttendedFrom, LocalDate lastAttendedBefore,
        Integer minEvents, Integer maxEvents, String step) {

    /** Whether anything here narrows the members by what they did (a community counts: only its active members). */
    public boolean narrowsByActivity() {
        return community != null || lastAttendedFrom != null || lastAttendedBefore != null || minEvents != null
                || maxEvents != null || step != null;
    }

    public static ActivityFilter none() {
        return new ActivityFilter(null, null, null, null, null, null);
    }
}
