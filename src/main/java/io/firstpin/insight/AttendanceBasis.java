package io.firstpin.insight;

import java.util.Locale;

/** What an event's attendees are counted from: its check-ins, or, for an event without any, its confirmed registrants. */
public enum AttendanceBasis {
    CHECKIN,
    REGISTRATION;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
