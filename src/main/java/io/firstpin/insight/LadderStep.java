package io.firstpin.insight;

import java.util.Locale;
import java.util.Optional;

/**
 * The steps of the ladder of docs/kpis.md, in order: attendee (one event attended), repeater (two or more), output
 * author, LT speaker, case-study speaker, organizer. Definitions in docs/insight.md.
 */
public enum LadderStep {
    ATTENDEE,
    REPEATER,
    OUTPUT_AUTHOR,
    LT_SPEAKER,
    CASE_STUDY_SPEAKER,
    ORGANIZER;

    /** The step a talk in a session of this kind reaches: an LT or a case study; none for other kinds. */
    public static Optional<LadderStep> ofSession(String kind) {
        return switch (kind) {
            case "LIGHTNING_TALK" -> Optional.of(LT_SPEAKER);
            case "CASE_STUDY" -> Optional.of(CASE_STUDY_SPEAKER);
            default -> Optional.empty();
        };
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The step below this one; none below the first. */
    public Optional<LadderStep> previous() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** The step above this one; none above the last. */
    public Optional<LadderStep> next() {
        return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
