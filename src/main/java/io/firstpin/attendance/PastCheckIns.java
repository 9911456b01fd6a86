package io.firstpin.attendance;

import static io.firstpin.platform.db.Tables.ATTENDANCE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Check-ins of past events as another site recorded them, for imports. */
@Service
public class PastCheckIns {

    private static final int CHUNK = 1000;

    private final DSLContext db;

    PastCheckIns(DSLContext db) {
        this.db = db;
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
        for (int from = 0; from < missing.size(); from += CHUNK) {
            var insert = db.insertInto(ATTENDANCE, ATTENDANCE.ORGANIZATION_ID, ATTENDANCE.EVENT_ID,
                    ATTENDANCE.MEMBER_ID, ATTENDANCE.REGISTRATION_ID, ATTENDANCE.METHOD, ATTENDANCE.CHECKED_IN_AT);
            for (PastCheckIn checkIn : missing.subList(from, Math.min(missing.size(), from + CHUNK))) {
                insert = insert.values(organizationId, eventId, checkIn.memberId(), checkIn.registrationId(),
                        CheckInMethod.IMPORT.name(), checkIn.checkedInAt().atOffset(ZoneOffset.UTC));
            }
            insert.execute();
        }
        return missing.size();
    }

    public record PastCheckIn(long memberId, Long registrationId, Instant checkedInAt) {
    }
}
