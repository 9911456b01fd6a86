/**
 * Attendees: who counts as an attendee of each event by the attendee rule of docs/kpis.md, and each member's walk through the events of
 * every community scope, kept as rows in step with every write that can change them, for the KPIs to read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attendee")
package io.firstpin.attendee;
