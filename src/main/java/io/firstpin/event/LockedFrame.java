package io.firstpin.event;

/**
 * A frame as it is under its lock ({@link FrameLocks}).
 *
 * @param capacity null: unlimited
 * @param registrationOpen whether its event takes a registration now, as {@link EventSummary#registrationOpen} says
 * @param onlineUrl the event's join URL, for the confirmation of a seat taken under this lock; null if none
 */
public record LockedFrame(Integer capacity, FrameMode mode, boolean registrationOpen, String onlineUrl) {

    public boolean hasSeatFor(int confirmed) {
        return capacity == null || confirmed < capacity;
    }
}
