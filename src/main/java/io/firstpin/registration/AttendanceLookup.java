package io.firstpin.registration;

import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * Who checked in at an event; attendance answers it. The conditions are parts of an enclosing query over
 * registration's own tables, so that a count over registrations and check-ins stays one statement.
 */
public interface AttendanceLookup {

    Set<Long> checkedInRegistrations(long eventId);

    /** Whether the member checked in at the event. */
    Condition checkedIn(Field<Long> eventId, Field<Long> memberId);

    /** Whether anyone checked in at the event: only then does the event say who came and who did not. */
    Condition anyoneCheckedIn(Field<Long> eventId);
}
