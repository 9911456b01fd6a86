package io.firstpin.event;

import io.firstpin.platform.InvalidInputException;
import java.time.Instant;

/**
 * A frame as the organizer wants it. {@code id} names an existing frame to change; null opens a new one.
 * A null capacity means unlimited. Fields are named within the frame; the caller names the frame's place.
 */
public record FramePlan(Long id, String name, Integer capacity, FrameMode mode, Instant lotteryAt) {

    public FramePlan {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("name", "event.frame.name-required");
        }
        if (name.strip().length() > 100) {
            throw InvalidInputException.of("name", "validation.too-long", 100);
        }
        if (capacity != null && capacity < 1) {
            throw InvalidInputException.of("capacity", "validation.capacity");
        }
        name = name.strip();
        mode = mode == null ? FrameMode.FIFO : mode;
    }

    /** The frame every event gets when the organizer names none: general admission without a limit. */
    public static FramePlan general(String name) {
        return new FramePlan(null, name, null, FrameMode.FIFO, null);
    }
}
