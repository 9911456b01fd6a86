package io.firstpin.insight;

/**
 * Who took part in the period's events.
 *
 * @param uniqueParticipants distinct attendees of the events starting in the period, staff left out
 * @param repeaters those of them who attended two events or more in the period
 * @param staffParticipants distinct staff members who attended, shown apart
 */
public record Participation(int uniqueParticipants, int repeaters, int staffParticipants) {
}
