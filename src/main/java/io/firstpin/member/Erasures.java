package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;
import static io.firstpin.platform.db.Tables.REGISTRATION;

import io.firstpin.member.internal.ErasureLedger;
import io.firstpin.member.internal.ErasureLedger.Erased;
import io.firstpin.member.internal.People;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure (GDPR art. 17, APPI's 利用停止・消去): a person's name, email addresses, handles, free text, answers, reach,
 * feeds, private links, email history and the uploaded files that name them are removed for good, in one transaction.
 * The member row stays as an anonymous person ({@code (退会ユーザー)}, as connpass shows one), so whatever they took part
 * in is counted exactly as before by every KPI, ladder and chart. The person is the member, every member merged into
 * it, and every provisional member that registered under one of its addresses; the same address registering later
 * is a new member. Written to the audit log ({@link MemberErased}) without anything erased.
 */
@Service
public class Erasures {

    private final DSLContext db;
    private final Members members;
    private final People people;
    private final ErasureLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Erasures(DSLContext db, Members members, People people, ErasureLedger ledger, ApplicationEventPublisher events,
            Clock clock) {
        this.db = db;
        this.members = members;
        this.people = people;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Erases the person a member of the organization is (a merged member stands for the member it became). Erasing an
     * erased member again changes nothing.
     *
     * @param byMember the person asked for it themselves, rather than staff
     * @throws io.firstpin.platform.NotFoundException when the member is not the organization's
     */
    @Transactional
    public MemberErased erase(long organizationId, long memberId, boolean byMember) {
        long person = people.becameOf(members.inOrganization(organizationId, memberId).id());
        Set<Long> erasing = people.withMerged(organizationId, person);
        // one erasure at a time per person, and no merge or proof moves rows between them meanwhile
        db.select(MEMBER.ID).from(MEMBER).where(MEMBER.ID.in(erasing)).orderBy(MEMBER.ID).forUpdate().fetch();
        Set<String> emails = people.emailsOf(erasing);
        erasing.addAll(people.claimants(organizationId, emails, erasing));
        emails.addAll(people.emailsOf(erasing));
        Set<String> traces = new TreeSet<>(emails);
        traces.addAll(db.select(MEMBER_IDENTITY.IDENTITY_VALUE).from(MEMBER_IDENTITY)
                .where(MEMBER_IDENTITY.MEMBER_ID.in(erasing)).fetch(MEMBER_IDENTITY.IDENTITY_VALUE));
        traces.addAll(db.select(MEMBER.DISPLAY_NAME).from(MEMBER)
                .where(MEMBER.ID.in(erasing)).and(MEMBER.ERASED_AT.isNull()).fetch(MEMBER.DISPLAY_NAME));
        traces.addAll(db.select(REGISTRATION.NAME).from(REGISTRATION)
                .where(REGISTRATION.MEMBER_ID.in(erasing)).fetch(REGISTRATION.NAME));
        traces.remove(ErasureLedger.ERASED_NAME);
        Erased erased = ledger.erase(organizationId, erasing, emails, traces, clock.instant());
        MemberErased event = new MemberErased(organizationId, person, byMember, erased.details());
        events.publishEvent(event);
        return event;
    }
}
