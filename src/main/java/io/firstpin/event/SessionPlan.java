package io.firstpin.event;

import java.util.List;

/** An agenda item as the organizer typed it: speakers by display name, to be matched to members. */
public record SessionPlan(SessionKind kind, String title, Integer durationMinutes, List<String> speakerNames,
        List<Material> materials) {

    public SessionPlan {
        kind = kind == null ? SessionKind.LIGHTNING_TALK : kind;
        speakerNames = speakerNames == null ? List.of()
                : speakerNames.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).distinct().toList();
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
