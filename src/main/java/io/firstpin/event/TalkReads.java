package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT_SESSION;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;

import org.jooq.Field;
import org.jooq.Table;

/**
 * Who spoke in which session, as query parts for the KPIs' statements: one row per speaker of a session, with the
 * session's kind ({@link SessionKind}, by name), title and event. Join {@link EventReads} on {@link #eventId()} for the
 * event.
 */
public final class TalkReads {

    private TalkReads() {
    }

    /** Speakers with their sessions. */
    public static Table<?> talks() {
        return SESSION_SPEAKER.join(EVENT_SESSION).on(EVENT_SESSION.ID.eq(SESSION_SPEAKER.EVENT_SESSION_ID));
    }

    public static Field<Long> speakerId() {
        return SESSION_SPEAKER.MEMBER_ID;
    }

    public static Field<String> kind() {
        return EVENT_SESSION.KIND;
    }

    public static Field<String> sessionTitle() {
        return EVENT_SESSION.TITLE;
    }

    public static Field<Long> eventId() {
        return EVENT_SESSION.EVENT_ID;
    }
}
