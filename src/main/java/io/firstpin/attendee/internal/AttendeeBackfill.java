package io.firstpin.attendee.internal;

import static io.firstpin.platform.db.Tables.ATTENDEE_STATE;
import static io.firstpin.platform.db.Tables.ORGANIZATION;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the attendees of a history that existed before they were kept, once, at startup. Instances starting together
 * wait for the first on the state row's lock, then find the work done.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttendeeBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AttendeeBackfill.class);

    private final DSLContext db;
    private final AttendeeRefresh refresh;

    AttendeeBackfill(DSLContext db, AttendeeRefresh refresh) {
        this.db = db;
        this.refresh = refresh;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean built = db.select(ATTENDEE_STATE.BUILT).from(ATTENDEE_STATE).where(ATTENDEE_STATE.ID.eq(1))
                .forUpdate().fetchSingle(ATTENDEE_STATE.BUILT);
        if (built) {
            return;
        }
        long started = System.nanoTime();
        for (long organizationId : db.select(ORGANIZATION.ID).from(ORGANIZATION).fetch(ORGANIZATION.ID)) {
            refresh.rebuild(organizationId);
        }
        db.update(ATTENDEE_STATE).set(ATTENDEE_STATE.BUILT, true).where(ATTENDEE_STATE.ID.eq(1)).execute();
        log.info("Attendees of the existing history counted in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
