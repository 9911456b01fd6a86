package io.firstpin.event;

/**
 * Published inside the transaction that revised an event's frames: a capacity may have grown, so waiting registrants
 * may move up.
 */
public record FramesRevised(long eventId) {
}
