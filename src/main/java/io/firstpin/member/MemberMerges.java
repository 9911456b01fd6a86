package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_MERGE;
import static io.firstpin.platform.db.Tables.MEMBER_MERGE_CHANGE;

import io.firstpin.member.internal.MergeLedger;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record8;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two members known to be one person, and undoes such a merge. Merging {@code from} into {@code into} moves
 * everything that points at {@code from} (identities, registrations, check-ins, outputs, feeds, talks, survey responses,
 * nudges, imported rows) to {@code into} in one transaction, recording each change ({@link MergeLedger}); the merged
 * member stays, hidden, pointing at the other, so that its old identities find the other and undoing brings it back
 * with its very rows. Both members are locked for the merge, so the same merge asked twice at once is done once and
 * the second is refused.
 */
@Service
public class MemberMerges {

    public static final int MAX_PAGE_SIZE = 200;

    private final DSLContext db;
    private final MergeLedger ledger;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MemberMerges(DSLContext db, MergeLedger ledger, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.db = db;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Merges {@code fromId} into {@code intoId}; the merged person is staff if either was.
     *
     * @throws NotFoundException when either is not a member of the organization
     * @throws ConflictException when either was merged already
     * @throws InvalidInputException when both are the same member
     */
    @Transactional
    public MemberMerge merge(long organizationId, long intoId, long fromId) {
        if (intoId == fromId) {
            throw InvalidInputException.of("from", "member.merge.same");
        }
        Map<Long, Record> locked = lock(organizationId, intoId, fromId);
        Record into = locked.get(intoId);
        Record from = locked.get(fromId);
        if (into.get(MEMBER.MERGED_INTO_ID) != null || from.get(MEMBER.MERGED_INTO_ID) != null) {
            throw new ConflictException("from", "member.merge.already-merged");
        }
        if (into.get(MEMBER.ERASED_AT) != null || from.get(MEMBER.ERASED_AT) != null) {
            // an erased person stays anonymous: nobody's identities may be joined to them
            throw new ConflictException("from", "member.erased");
        }
        boolean intoWasStaff = into.get(MEMBER.STAFF);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        long mergeId = db.insertInto(MEMBER_MERGE)
                .set(MEMBER_MERGE.ORGANIZATION_ID, organizationId)
                .set(MEMBER_MERGE.INTO_MEMBER_ID, intoId)
                .set(MEMBER_MERGE.FROM_MEMBER_ID, fromId)
                .set(MEMBER_MERGE.INTO_WAS_STAFF, intoWasStaff)
                .set(MEMBER_MERGE.MERGED_AT, now)
                .returning(MEMBER_MERGE.ID)
                .fetchOne(MEMBER_MERGE.ID);
        ledger.merge(mergeId, organizationId, intoId, fromId);
        events.publishEvent(new MembersMerged(organizationId, mergeId, intoId, fromId));
        db.update(MEMBER)
                .set(MEMBER.STAFF, intoWasStaff || from.get(MEMBER.STAFF))
                .where(MEMBER.ID.eq(intoId))
                .execute();
        db.update(MEMBER).set(MEMBER.MERGED_INTO_ID, intoId).where(MEMBER.ID.eq(fromId)).execute();
        return inOrganization(organizationId, mergeId);
    }

    /**
     * Undoes the merge: the merged member comes back with every row it had, and the other member loses the staff flag
     * the merge gave it.
     *
     * @throws NotFoundException when the merge is not one of the organization's
     * @throws ConflictException when it was undone already, when the member it went into has been merged into yet
     *         another (undo that first), or when a row it moved has changed since; nothing is undone then
     */
    @Transactional
    public MemberMerge undo(long organizationId, long mergeId) {
        Record merge = db.selectFrom(MEMBER_MERGE)
                .where(MEMBER_MERGE.ID.eq(mergeId))
                .and(MEMBER_MERGE.ORGANIZATION_ID.eq(organizationId))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("merge", mergeId));
        if (merge.get(MEMBER_MERGE.UNDONE_AT) != null) {
            throw new ConflictException("merge", "member.merge.undo.undone");
        }
        long intoId = merge.get(MEMBER_MERGE.INTO_MEMBER_ID);
        long fromId = merge.get(MEMBER_MERGE.FROM_MEMBER_ID);
        Map<Long, Record> locked = lock(organizationId, intoId, fromId);
        if (locked.get(intoId).get(MEMBER.MERGED_INTO_ID) != null) {
            throw new ConflictException("merge", "member.merge.undo.into-merged");
        }
        if (locked.get(intoId).get(MEMBER.ERASED_AT) != null) {
            // the record of what the merge moved went with the erasure
            throw new ConflictException("merge", "member.erased");
        }
        ledger.undo(mergeId, organizationId, intoId, fromId);
        events.publishEvent(new MemberMergeUndone(organizationId, mergeId, intoId, fromId));
        boolean intoWasStaff = merge.get(MEMBER_MERGE.INTO_WAS_STAFF);
        if (!intoWasStaff && locked.get(fromId).get(MEMBER.STAFF)) {
            db.update(MEMBER).set(MEMBER.STAFF, false).where(MEMBER.ID.eq(intoId)).execute();
        }
        db.update(MEMBER).setNull(MEMBER.MERGED_INTO_ID).where(MEMBER.ID.eq(fromId)).execute();
        db.update(MEMBER_MERGE)
                .set(MEMBER_MERGE.UNDONE_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(MEMBER_MERGE.ID.eq(mergeId))
                .execute();
        return inOrganization(organizationId, mergeId);
    }

    /** A merge of the organization; another organization's is not found. */
    public MemberMerge inOrganization(long organizationId, long mergeId) {
        return merges(organizationId).and(MEMBER_MERGE.ID.eq(mergeId))
                .fetchOptional(MemberMerges::toMerge)
                .orElseThrow(() -> NotFoundException.of("merge", mergeId));
    }

    /** The organization's merges, latest first; {@code page} counts from 0. */
    public List<MemberMerge> recent(long organizationId, int page, int size) {
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        return merges(organizationId)
                .orderBy(MEMBER_MERGE.MERGED_AT.desc(), MEMBER_MERGE.ID.desc())
                .limit(pageSize)
                .offset((long) Math.max(0, page) * pageSize)
                .fetch(MemberMerges::toMerge);
    }

    /** The merges that went into or came from this member, latest first. */
    public List<MemberMerge> involving(long organizationId, long memberId) {
        return merges(organizationId)
                .and(MEMBER_MERGE.INTO_MEMBER_ID.eq(memberId).or(MEMBER_MERGE.FROM_MEMBER_ID.eq(memberId)))
                .orderBy(MEMBER_MERGE.MERGED_AT.desc(), MEMBER_MERGE.ID.desc())
                .fetch(MemberMerges::toMerge);
    }

    private org.jooq.SelectConditionStep<Record8<Long, Long, String, Long, String, OffsetDateTime, OffsetDateTime,
            Integer>> merges(long organizationId) {
        io.firstpin.platform.db.tables.Member into = MEMBER.as("into_member");
        io.firstpin.platform.db.tables.Member from = MEMBER.as("from_member");
        SelectJoinStep<Record8<Long, Long, String, Long, String, OffsetDateTime, OffsetDateTime, Integer>> select = db
                .select(MEMBER_MERGE.ID, into.ID, into.DISPLAY_NAME, from.ID, from.DISPLAY_NAME, MEMBER_MERGE.MERGED_AT,
                        MEMBER_MERGE.UNDONE_AT,
                        DSL.field(DSL.selectCount().from(MEMBER_MERGE_CHANGE)
                                .where(MEMBER_MERGE_CHANGE.MERGE_ID.eq(MEMBER_MERGE.ID))))
                .from(MEMBER_MERGE);
        return select
                .join(into).on(into.ID.eq(MEMBER_MERGE.INTO_MEMBER_ID))
                .join(from).on(from.ID.eq(MEMBER_MERGE.FROM_MEMBER_ID))
                .where(MEMBER_MERGE.ORGANIZATION_ID.eq(organizationId));
    }

    private static MemberMerge toMerge(Record8<Long, Long, String, Long, String, OffsetDateTime, OffsetDateTime,
            Integer> row) {
        return new MemberMerge(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                row.value6().toInstant(), Optional.ofNullable(row.value7()).map(OffsetDateTime::toInstant).orElse(null),
                row.value8());
    }

    /** Both members, locked in id order so that two merges of the same pair cannot deadlock. */
    private Map<Long, Record> lock(long organizationId, long first, long second) {
        Map<Long, Record> locked = db.select(MEMBER.ID, MEMBER.STAFF, MEMBER.MERGED_INTO_ID, MEMBER.ERASED_AT)
                .from(MEMBER)
                .where(MEMBER.ID.in(first, second))
                .and(MEMBER.ORGANIZATION_ID.eq(organizationId))
                .orderBy(MEMBER.ID)
                .forUpdate()
                .fetch()
                .stream()
                .collect(Collectors.toMap(r -> r.get(MEMBER.ID), r -> (Record) r));
        for (long id : List.of(first, second)) {
            if (!locked.containsKey(id)) {
                throw NotFoundException.of("member", id);
            }
        }
        return locked;
    }
}
