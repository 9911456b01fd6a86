package io.firstpin.event;

/**
 * A draft or an event nobody registered for is about to be deleted, in this transaction: the modules that keep rows
 * about every event (settings, counts, announcements) remove theirs before the event goes.
 */
public record EventDeleting(long organizationId, long eventId) {
}
