package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;

import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a provisional member (someone who registered under an email nobody had proven) into the member with that email
 * once the email's owner proves it: by the private link that was emailed to them, or by signing in with a one-time code
 * sent there. If the organization knows a member by that email, the provisional member is merged into them exactly as
 * staff merge two members ({@link MemberMerges}: every row moves, the attendee rows are recounted, the merge can be
 * undone); otherwise the provisional member takes the email as its identity and becomes an ordinary member. Until then
 * nothing done under the email reaches its owner's history, timeline, KPIs, survey answers or public reports.
 */
@Service
public class EmailProofs {

    private final DSLContext db;
    private final MemberMerges merges;
    private final TransactionTemplate savepoint;

    EmailProofs(DSLContext db, MemberMerges merges, PlatformTransactionManager transactions) {
        this.db = db;
        this.merges = merges;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** What became of a provisional member whose email was proven; {@code memberId} is the member it is now. */
    public record Proven(long memberId, boolean merged) {
    }

    /**
     * The email the provisional member claimed is proven: it becomes (or merges into) the member with that email.
     * Proving an already proven member changes nothing.
     *
     * @throws NotFoundException when the member is not the organization's
     */
    @Transactional
    public Proven prove(long organizationId, long memberId) {
        Record3<Boolean, String, Long> member = db.select(MEMBER.PROVISIONAL, MEMBER.CLAIMED_EMAIL, MEMBER.MERGED_INTO_ID)
                .from(MEMBER)
                .where(MEMBER.ID.eq(memberId)).and(MEMBER.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("member", memberId));
        if (member.value3() != null) {
            return new Proven(member.value3(), true);
        }
        if (!member.value1() || member.value2() == null) {
            return new Proven(memberId, false);
        }
        String email = member.value2();
        Optional<Long> owner = ownerOf(organizationId, email);
        if (owner.isPresent()) {
            return mergeInto(organizationId, owner.get(), memberId);
        }
        // locked, so that two proofs of the same provisional member take the email once
        boolean stillProvisional = db.select(MEMBER.PROVISIONAL).from(MEMBER).where(MEMBER.ID.eq(memberId)).forUpdate()
                .fetchOne(MEMBER.PROVISIONAL);
        if (!stillProvisional) {
            return new Proven(memberId, false);
        }
        try {
            savepoint.executeWithoutResult(status -> db.insertInto(MEMBER_IDENTITY)
                    .set(MEMBER_IDENTITY.ORGANIZATION_ID, organizationId)
                    .set(MEMBER_IDENTITY.MEMBER_ID, memberId)
                    .set(MEMBER_IDENTITY.KIND, IdentityKind.EMAIL.name())
                    .set(MEMBER_IDENTITY.IDENTITY_VALUE, email)
                    .set(MEMBER_IDENTITY.NORMALIZED_VALUE, email)
                    .execute());
        } catch (DuplicateKeyException provenElsewhereJustNow) {
            return mergeInto(organizationId, ownerOf(organizationId, email).orElseThrow(() -> provenElsewhereJustNow),
                    memberId);
        }
        db.update(MEMBER).set(MEMBER.PROVISIONAL, false).setNull(MEMBER.CLAIMED_EMAIL)
                .where(MEMBER.ID.eq(memberId)).execute();
        return new Proven(memberId, false);
    }

    /**
     * The owner of the email proved it by other means (a one-time code sent there, for the member's own page): every
     * provisional member that claimed it becomes, or merges into, the member with that email. Answers that member, if
     * any claimed it or the organization knew the email.
     */
    @Transactional
    public Optional<Long> emailProven(long organizationId, String email) {
        String key = Members.emailKey(email);
        Optional<Long> result = ownerOf(organizationId, key);
        for (long provisional : claimsOf(organizationId, key)) {
            result = Optional.of(prove(organizationId, provisional).memberId());
        }
        return result;
    }

    /** The provisional members, not merged yet, that claimed this email, oldest first. */
    public List<Long> claimsOf(long organizationId, String email) {
        return db.select(MEMBER.ID).from(MEMBER)
                .where(MEMBER.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER.CLAIMED_EMAIL.eq(Members.emailKey(email)))
                .and(MEMBER.PROVISIONAL.isTrue())
                .and(MEMBER.MERGED_INTO_ID.isNull())
                .orderBy(MEMBER.ID)
                .fetch(MEMBER.ID);
    }

    private Proven mergeInto(long organizationId, long owner, long provisional) {
        try {
            merges.merge(organizationId, owner, provisional);
        } catch (ConflictException mergedMeanwhile) {
            // a concurrent proof of the same link merged it first
        }
        return new Proven(owner, true);
    }

    private Optional<Long> ownerOf(long organizationId, String key) {
        return db.select(MEMBER_IDENTITY.MEMBER_ID).from(MEMBER_IDENTITY)
                .where(MEMBER_IDENTITY.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER_IDENTITY.KIND.eq(IdentityKind.EMAIL.name()))
                .and(MEMBER_IDENTITY.NORMALIZED_VALUE.eq(key))
                .fetchOptional(MEMBER_IDENTITY.MEMBER_ID);
    }
}
