package io.firstpin.insight;

/**
 * What one member did in a community (or a community with its branches), counted as the KPIs count it: events
 * attended (checked in, or confirmed where the event has no check-in; never waitlisted or cancelled), outputs linked
 * to its events, and talks (lightning talks and case studies) given at them.
 *
 * @param eventsSince events attended since the day asked for
 * @param eventsEver events attended in all
 * @param outputs distinct outputs the member wrote, linked (not unlinked) to an event of the scope
 * @param talks lightning talks and case studies the member gave at events of the scope
 */
public record MemberActivity(long memberId, boolean staff, int eventsSince, int eventsEver, int outputs,
        int talks) {
}
