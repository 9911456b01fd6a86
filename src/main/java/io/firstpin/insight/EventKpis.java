package io.firstpin.insight;

import io.firstpin.event.EventKind;
import java.time.Instant;

/**
 * The KPIs of one event in scope. Staff members are not among the attendees, newcomers or returning; they are counted
 * apart in {@code staffAttendees}.
 *
 * @param newToOrganization newcomers who also attended no earlier event of any community of the organization: a
 *     member's first visit to a branch makes them a newcomer there, and new to the organization only if it is their
 *     first event of all (equal to {@code newcomers} for the whole tree of an organization with one top-level community)
 * @param returningFromPrevious attendees who also attended the previous event in scope; null for the first event
 * @param previousAttendees attendees of the previous event in scope; null for the first event
 * @param confirmed confirmed registrations, staff included, for the no-show rate
 * @param noShows confirmed registrants who did not check in; null for an event without check-ins
 * @param kind what kind of event it was: the newcomer band applies to some kinds only
 */
public record EventKpis(long id, long communityId, String title, Instant startsAt, String prefectureCode, String city,
        AttendanceBasis attendanceBy, int attendees, int newcomers, int newToOrganization, Integer returningFromPrevious,
        Integer previousAttendees, int staffAttendees, int confirmed, Integer noShows, int outputs,
        int outputAuthors, EventKind kind) {

    public int returning() {
        return attendees - newcomers;
    }

    public Double newcomerRatio() {
        return Ratio.of(newcomers, attendees);
    }

    /** Share of the previous event's attendees who came again; null for the first event or after an empty one. */
    public Double returnRate() {
        return previousAttendees == null ? null : Ratio.of(returningFromPrevious, previousAttendees);
    }

    /** Confirmed but not checked in, over confirmed; null without check-in data, where nobody can be told absent. */
    public Double noShowRate() {
        return noShows == null ? null : Ratio.of(noShows, confirmed);
    }

    public NewcomerBand.Position against(NewcomerBand band) {
        return band.of(newcomerRatio());
    }

    /** Whether the band applies to the event's kind and its newcomer ratio lies outside it. */
    public boolean outside(NewcomerBand band) {
        return NewcomerBand.appliesTo(kind) && against(band).outside();
    }
}
