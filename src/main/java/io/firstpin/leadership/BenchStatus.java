package io.firstpin.leadership;

import java.util.Locale;

/** A community's active leaders against the target: none, one alone (a bottleneck), fewer than the target, enough. */
public enum BenchStatus {
    NO_LEADER,
    ONE_PERSON_OPERATION,
    BELOW_TARGET,
    AT_TARGET;

    public static BenchStatus of(int activeLeaders, int target) {
        if (activeLeaders == 0) {
            return NO_LEADER;
        }
        if (activeLeaders == 1 && target > 1) {
            return ONE_PERSON_OPERATION;
        }
        return activeLeaders < target ? BELOW_TARGET : AT_TARGET;
    }

    public boolean flagged() {
        return this == NO_LEADER || this == ONE_PERSON_OPERATION;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
