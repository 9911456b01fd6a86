package io.firstpin.leadership;

import io.firstpin.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A member's organizer role (リーダー / 運営) in one community: held from {@code startedOn} through {@code endedOn}, both
 * inclusive; an open role has no end yet.
 */
@Table("leader_role")
public class LeaderRole {

    @Id
    private Long id;
    private final long organizationId;
    private final long communityId;
    private final long memberId;
    private final LocalDate startedOn;
    private LocalDate endedOn;
    private final Instant createdAt;

    @PersistenceCreator
    LeaderRole(Long id, long organizationId, long communityId, long memberId, LocalDate startedOn, LocalDate endedOn,
            Instant createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.communityId = communityId;
        this.memberId = memberId;
        this.startedOn = startedOn;
        this.endedOn = endedOn;
        this.createdAt = createdAt;
    }

    /** A role from {@code startedOn}, open, or already ended on {@code endedOn} when a past leader is recorded. */
    static LeaderRole appoint(long organizationId, long communityId, long memberId, LocalDate startedOn,
            LocalDate endedOn, Instant now) {
        if (startedOn == null) {
            throw InvalidInputException.of("startedOn", "leader.started-on.required");
        }
        LeaderRole role = new LeaderRole(null, organizationId, communityId, memberId, startedOn, null, now);
        if (endedOn != null) {
            role.stepDown(endedOn);
        }
        return role;
    }

    /** Ends the role on {@code lastDay}, the last day it is held; a role ends once and never before it started. */
    void stepDown(LocalDate lastDay) {
        if (lastDay == null) {
            throw InvalidInputException.of("endedOn", "leader.ended-on.required");
        }
        if (endedOn != null) {
            throw InvalidInputException.of("endedOn", "leader.already-ended");
        }
        if (lastDay.isBefore(startedOn)) {
            throw InvalidInputException.of("endedOn", "leader.ended-before-start");
        }
        this.endedOn = lastDay;
    }

    /** Whether the role is held on {@code day}. */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(startedOn) && (endedOn == null || !day.isAfter(endedOn));
    }

    /** Whether this role and one held from {@code from} to {@code to} (open when null) share a day. */
    boolean overlaps(LocalDate from, LocalDate to) {
        boolean startsBeforeOtherEnds = to == null || !startedOn.isAfter(to);
        boolean otherStartsBeforeThisEnds = endedOn == null || !from.isAfter(endedOn);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    /** Days from the first day to the last day held, or to {@code today} while the role is open. */
    public long tenureDays(LocalDate today) {
        LocalDate last = endedOn != null ? endedOn : today;
        return Math.max(0, ChronoUnit.DAYS.between(startedOn, last));
    }

    /** Whole months of {@link #tenureDays(LocalDate)}. */
    public long tenureMonths(LocalDate today) {
        LocalDate last = endedOn != null ? endedOn : today;
        return Math.max(0, ChronoUnit.MONTHS.between(startedOn, last));
    }

    public boolean ended() {
        return endedOn != null;
    }

    public Long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public long communityId() {
        return communityId;
    }

    public long memberId() {
        return memberId;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
