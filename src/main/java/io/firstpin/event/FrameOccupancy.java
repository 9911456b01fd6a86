package io.firstpin.event;

import java.util.Collection;
import java.util.Map;

/**
 * How full an event's frames are. Registrations are another module's business; it answers this question for the
 * event pages and for the rule that a frame cannot shrink below its confirmed registrations.
 */
public interface FrameOccupancy {

    /** Counts per frame id; frames without registrations may be missing from the map. */
    Map<Long, Counts> ofEvent(long eventId);

    /** Counts per event id, all frames together; events without registrations may be missing from the map. */
    Map<Long, Counts> ofEvents(Collection<Long> eventIds);

    record Counts(int confirmed, int waitlisted, int applied) {

        public static final Counts NONE = new Counts(0, 0, 0);

        public int total() {
            return confirmed + waitlisted + applied;
        }
    }
}
