package io.firstpin.event.web;

import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.FrameOccupancy;
import java.util.List;
import java.util.Map;

/** What the public and staff event pages show: the event, its community, frames with their counts, speaker names. */
public record EventPage(Event event, Community community, List<FrameLine> frames, Map<Long, String> speakerNames) {

    static EventPage of(Event event, Community community, Events events) {
        Map<Long, FrameOccupancy.Counts> counts = events.occupancy(event.id());
        List<FrameLine> lines = events.frames(event.id()).stream()
                .map(f -> new FrameLine(f, counts.getOrDefault(f.id(), FrameOccupancy.Counts.NONE)))
                .toList();
        return new EventPage(event, community, lines, events.speakerNames(event));
    }

    public String zone() {
        return community.timeZoneId();
    }

    public String speakers(List<Long> ids) {
        return String.join(", ", ids.stream().map(id -> speakerNames.getOrDefault(id, "")).filter(n -> !n.isBlank()).toList());
    }

    public record FrameLine(Frame frame, FrameOccupancy.Counts counts) {

        public boolean full() {
            return frame.capacity() != null && counts.confirmed() >= frame.capacity();
        }

        public Integer seatsLeft() {
            return frame.seatsLeft(counts.confirmed()).stream().boxed().findFirst().orElse(null);
        }
    }
}
