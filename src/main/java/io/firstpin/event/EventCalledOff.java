package io.firstpin.event;

/**
 * An event was cancelled (中止) or postponed (延期): everyone registered hears of it once. Registered by the
 * {@link Event} aggregate in the transaction that changed its status, which only one request can do.
 *
 * @param cancelled true for 中止, false for 延期
 */
public record EventCalledOff(long eventId, boolean cancelled) {
}
