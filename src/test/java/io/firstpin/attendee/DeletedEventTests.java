package io.firstpin.attendee;

import static io.firstpin.platform.db.Tables.ATTENDEE_CHANGE;
import static io.firstpin.platform.db.Tables.ATTENDEE_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.EventLifecycle;
import io.firstpin.event.Events;
import io.firstpin.event.RegistrationWindow;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Deleting an event leaves no kept row of it, whatever of its changes is still to be applied. */
@DatabaseTest
@SpringBootTest
class DeletedEventTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    Events events;
    @Autowired
    EventLifecycle lifecycle;
    @Autowired
    Attendees attendees;
    @Autowired
    DSLContext db;

    @Test
    void aChangeStillRecordedForAnEventDeletedSinceIsAppliedWithoutARowOfIt() {
        TestTenant tenant = TestTenant.found(context, "deleted-event", "JAWS-UG 東京");
        Event draft = events.planDraft(tenant.community(), new EventDetails("消す下書き", null, EventKind.STUDY_SESSION,
                Instant.now().plus(7, ChronoUnit.DAYS), null, null, false, null, Optional.empty()), List.of(),
                List.of(), "一般枠", RegistrationWindow.UNTIL_THE_EVENT_ENDS);
        attendees.catchUp();
        db.insertInto(ATTENDEE_CHANGE).set(ATTENDEE_CHANGE.KIND, "EVENT").set(ATTENDEE_CHANGE.SUBJECT_ID, draft.id())
                .execute();

        lifecycle.delete(tenant.id(), draft.id());
        attendees.catchUp();

        assertThat(events.find(draft.id())).isEmpty();
        assertThat(db.fetchCount(ATTENDEE_EVENT, ATTENDEE_EVENT.EVENT_ID.eq(draft.id()))).isZero();
        assertThat(db.fetchCount(ATTENDEE_CHANGE, ATTENDEE_CHANGE.SUBJECT_ID.eq(draft.id()))).isZero();
    }
}
