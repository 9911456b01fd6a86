package io.firstpin.history;

/** Where a running import is; the staff page shows it as a progress bar. */
public enum ImportStage {
    READING,
    PEOPLE,
    REGISTRATIONS,
    ATTENDANCE;

    /** Percent done when this stage begins. */
    public int percent() {
        return ordinal() * 100 / values().length;
    }
}
