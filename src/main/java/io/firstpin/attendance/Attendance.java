package io.firstpin.attendance;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** That a member was at an event. One per member and event. */
@Table("attendance")
public class Attendance extends AbstractAggregateRoot<Attendance> {

    @Id
    private Long id;
    private final long organizationId;
    private final long eventId;
    private final long memberId;
    private final Long registrationId;
    private final CheckInMethod method;
    private final Instant checkedInAt;

    @PersistenceCreator
    Attendance(Long id, long organizationId, long eventId, long memberId, Long registrationId, CheckInMethod method,
            Instant checkedInAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.eventId = eventId;
        this.memberId = memberId;
        this.registrationId = registrationId;
        this.method = method;
        this.checkedInAt = checkedInAt;
    }

    static Attendance checkIn(long organizationId, long eventId, long memberId, Long registrationId,
            CheckInMethod method, Instant now) {
        Attendance attendance = new Attendance(null, organizationId, eventId, memberId, registrationId, method, now);
        attendance.registerEvent(new CheckedIn(eventId, memberId));
        return attendance;
    }

    /** Takes the check-in back: the answer is what to delete, with the news for whoever counts attendees. */
    Attendance undo() {
        registerEvent(new CheckInUndone(eventId, memberId));
        return this;
    }

    public Long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public long eventId() {
        return eventId;
    }

    public long memberId() {
        return memberId;
    }

    public Long registrationId() {
        return registrationId;
    }

    public CheckInMethod method() {
        return method;
    }

    public Instant checkedInAt() {
        return checkedInAt;
    }
}
