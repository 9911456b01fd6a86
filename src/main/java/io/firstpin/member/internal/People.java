package io.firstpin.member.internal;

import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;
import static io.firstpin.platform.db.Tables.REGISTRATION;

import io.firstpin.member.IdentityKind;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Which member rows are one person: the member a merged member became (following merges of merges), the members
 * merged into it, the provisional members that registered under its addresses, and every address they go by.
 */
@Component
public class People {

    private final DSLContext db;

    People(DSLContext db) {
        this.db = db;
    }

    /** The member a merged member became, following merges of merges; a member not merged is itself. */
    public long becameOf(long memberId) {
        long current = memberId;
        Long next = mergedInto(current);
        while (next != null) {
            current = next;
            next = mergedInto(current);
        }
        return current;
    }

    /** The member and every member merged into it, directly or through others. */
    public Set<Long> withMerged(long organizationId, long person) {
        Set<Long> people = new TreeSet<>(Set.of(person));
        Set<Long> added = Set.of(person);
        while (!added.isEmpty()) {
            added = new TreeSet<>(db.select(MEMBER.ID).from(MEMBER)
                    .where(MEMBER.ORGANIZATION_ID.eq(organizationId)).and(MEMBER.MERGED_INTO_ID.in(added))
                    .fetch(MEMBER.ID));
            added.removeAll(people);
            people.addAll(added);
        }
        return people;
    }

    /** The provisional members of the organization that registered under one of the addresses, with their merged. */
    public Set<Long> claimants(long organizationId, Collection<String> emails, Set<Long> people) {
        Set<Long> claimants = new TreeSet<>();
        for (long claimant : db.select(MEMBER.ID).from(MEMBER)
                .where(MEMBER.ORGANIZATION_ID.eq(organizationId)).and(MEMBER.CLAIMED_EMAIL.in(emails))
                .fetch(MEMBER.ID)) {
            if (!people.contains(claimant)) {
                claimants.addAll(withMerged(organizationId, becameOf(claimant)));
            }
        }
        return claimants;
    }

    /** Every address the people are known or were written to by, lower-cased. */
    public Set<String> emailsOf(Collection<Long> people) {
        Set<String> emails = new TreeSet<>();
        db.select(MEMBER_IDENTITY.NORMALIZED_VALUE).from(MEMBER_IDENTITY)
                .where(MEMBER_IDENTITY.MEMBER_ID.in(people)).and(MEMBER_IDENTITY.KIND.eq(IdentityKind.EMAIL.name()))
                .fetch(MEMBER_IDENTITY.NORMALIZED_VALUE).forEach(emails::add);
        db.select(MEMBER.CLAIMED_EMAIL).from(MEMBER)
                .where(MEMBER.ID.in(people)).and(MEMBER.CLAIMED_EMAIL.isNotNull())
                .fetch(MEMBER.CLAIMED_EMAIL).forEach(emails::add);
        db.selectDistinct(REGISTRATION.EMAIL).from(REGISTRATION)
                .where(REGISTRATION.MEMBER_ID.in(people)).and(REGISTRATION.EMAIL.isNotNull())
                .fetch(REGISTRATION.EMAIL).forEach(e -> emails.add(e.strip().toLowerCase(Locale.ROOT)));
        return emails;
    }

    private Long mergedInto(long memberId) {
        return db.select(MEMBER.MERGED_INTO_ID).from(MEMBER).where(MEMBER.ID.eq(memberId))
                .fetchOne(MEMBER.MERGED_INTO_ID);
    }
}
