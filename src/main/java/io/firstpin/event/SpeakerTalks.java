package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT_SESSION;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;

import org.jooq.Field;
import org.jooq.impl.DSL;

/** A member's talks as a query part, for another module's list of people with their history, in one statement. */
public final class SpeakerTalks {

    private SpeakerTalks() {
    }

    /** How many sessions of the kind the member spoke at, for the member id of an enclosing query. */
    public static Field<Integer> given(Field<Long> memberId, SessionKind kind) {
        return DSL.field(DSL.selectCount().from(SESSION_SPEAKER)
                .join(EVENT_SESSION).on(EVENT_SESSION.ID.eq(SESSION_SPEAKER.EVENT_SESSION_ID))
                .where(SESSION_SPEAKER.MEMBER_ID.eq(memberId))
                .and(EVENT_SESSION.KIND.eq(kind.name())));
    }
}
