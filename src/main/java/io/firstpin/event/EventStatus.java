package io.firstpin.event;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where an event stands. A draft is for staff alone; a published event is public and announced; a hidden one is off
 * every public page with its registrations kept; a cancelled (中止) or postponed (延期) one stays public and says so.
 * Held and closed are not states but times: the event has started, or ended.
 */
public enum EventStatus {
    DRAFT,
    PUBLISHED,
    HIDDEN,
    CANCELLED,
    POSTPONED;

    /** Whether anyone may see the event: its page, calendar entry, feed entry and listing. */
    public boolean isPublic() {
        return this == PUBLISHED || this == CANCELLED || this == POSTPONED;
    }

    /**
     * Whether the event counts in its community's KPIs: a draft is no event yet and a cancelled one never takes
     * place; a hidden or postponed event still does.
     */
    public boolean counts() {
        return this != DRAFT && this != CANCELLED;
    }

    /** The statuses that count, as stored, for the KPI queries. */
    public static List<String> counted() {
        return Arrays.stream(values()).filter(EventStatus::counts).map(Enum::name).toList();
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
