package io.firstpin.event;

/**
 * An event was copied to a new date: the modules that keep something per event (registration questions, survey
 * settings) copy theirs from the source, in the same transaction.
 */
public record EventCopied(long organizationId, long sourceEventId, long copyId) {
}
