package io.firstpin.attendance;

import static io.firstpin.platform.db.Tables.ATTENDANCE;

import io.firstpin.platform.BulkWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Check-ins of past events as another site recorded them, for imports. */
@Service
public class PastCheckIns {

    private final DSLContext db;
    private final BulkWriter bulk;
    private final ApplicationEventPublisher events;

    PastCheckIns(DSLContext db, BulkWriter bulk, ApplicationEventPublisher events) {
        this.db = db;
        this.bulk = bulk;
        this.events = events;
    }

    /**
     * Records that these people were at the event, as {@link CheckInMethod#IMPORT}; whoever is checked in already keeps
     * that check-in, as at the door.
     *
     * @return how many were recorded now
     */
    @Transactional
    public int record(long organizationId, long eventId, List<PastCheckIn> checkIns) {
        Set<Long> present = new HashSet<>(db.select(ATTENDANCE.MEMBER_ID)
                .from(ATTENDANCE)
                .where(ATTENDANCE.EVENT_ID.eq(eventId))
                .fetch(ATTENDANCE.MEMBER_ID));
        List<PastCheckIn> missing = checkIns.stream().filter(c -> present.add(c.memberId())).toList();
        bulk.insert(ATTENDANCE, List.of(ATTENDANCE.ORGANIZATION_ID, ATTENDANCE.EVENT_ID, ATTENDANCE.MEMBER_ID,
                ATTENDANCE.REGISTRATION_ID, ATTENDANCE.METHOD, ATTENDANCE.CHECKED_IN_AT), missing.stream()
                .map(checkIn -> new Object[] {organizationId, eventId, checkIn.memberId(), checkIn.registrationId(),
                        CheckInMethod.IMPORT.name(), checkIn.checkedInAt().atOffset(ZoneOffset.UTC)})
                .toList());
        events.publishEvent(new PastCheckInsRecorded(eventId));
        return missing.size();
    }

    public record PastCheckIn(long memberId, Long registrationId, Instant checkedInAt) {
    }
}
