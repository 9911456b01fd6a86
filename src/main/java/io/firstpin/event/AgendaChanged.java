package io.firstpin.event;

/**
 * Published inside the transaction that planned an event or changed it, for modules that follow its agenda (the
 * output module counts speakers' slides and videos as outputs).
 */
public record AgendaChanged(long eventId) {
}
