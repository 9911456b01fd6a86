package io.firstpin.event;

import java.time.Instant;
import java.util.List;

/**
 * An agenda item as the organizer typed it: speakers by display name, to be matched to members.
 *
 * @param startsAt when the session starts, or null when the agenda gives only its order
 */
public record SessionPlan(SessionKind kind, String title, Integer durationMinutes, List<String> speakerNames,
        List<Material> materials, Instant startsAt) {

    /** A session without a start time of its own. */
    public SessionPlan(SessionKind kind, String title, Integer durationMinutes, List<String> speakerNames,
            List<Material> materials) {
        this(kind, title, durationMinutes, speakerNames, materials, null);
    }

    public SessionPlan {
        kind = kind == null ? SessionKind.LIGHTNING_TALK : kind;
        speakerNames = speakerNames == null ? List.of()
                : speakerNames.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).distinct().toList();
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
