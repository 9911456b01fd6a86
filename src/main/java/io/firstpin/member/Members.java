package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;

import io.firstpin.member.internal.MemberRepository;
import io.firstpin.platform.BulkWriter;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the people an organization knows and finds them again by name or by any identity. Every call is scoped by
 * organization: a member of another organization is never found.
 */
@Service
public class Members {

    public static final int MAX_PAGE_SIZE = 200;

    private static final int LOOKUP_CHUNK = 5000;

    private final MemberRepository members;
    private final DSLContext db;
    private final Clock clock;
    private final BulkWriter bulk;
    private final TransactionTemplate savepoint;

    Members(MemberRepository members, DSLContext db, Clock clock, BulkWriter bulk,
            PlatformTransactionManager transactions) {
        this.members = members;
        this.db = db;
        this.clock = clock;
        this.bulk = bulk;
        // a failed insert must not spoil the caller's transaction (PostgreSQL aborts it), so inserts run in a savepoint
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional
    public Member register(long organizationId, String displayName, List<IdentityInput> identities) {
        return register(organizationId, displayName, false, identities);
    }

    /** A new member; an identity another member already has answers a conflict on {@code identities}. */
    @Transactional
    public Member register(long organizationId, String displayName, boolean staff, List<IdentityInput> identities) {
        return saveChecked(Member.register(organizationId, displayName, staff, identities, clock.instant()));
    }

    /** Renames the member, sets the staff flag and makes its identities exactly the given ones. */
    @Transactional
    public Member update(long organizationId, long id, String displayName, boolean staff,
            List<IdentityInput> identities) {
        Member member = inOrganization(organizationId, id);
        ensureNotMerged(member);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        try {
            member.rename(displayName);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        try {
            member.reviseIdentities(identities);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        flagStaff(member, staff);
        return saveChecked(member);
    }

    private void flagStaff(Member member, boolean staff) {
        if (staff) {
            member.markStaff();
        } else {
            member.unmarkStaff();
        }
    }

    @Transactional
    public Member addIdentity(long organizationId, long id, IdentityInput identity) {
        Member member = inOrganization(organizationId, id);
        ensureNotMerged(member);
        member.addIdentity(identity.kind(), identity.value());
        return saveChecked(member);
    }

    @Transactional
    public Member removeIdentity(long organizationId, long id, IdentityInput identity) {
        Member member = inOrganization(organizationId, id);
        ensureNotMerged(member);
        member.removeIdentity(identity.kind(), identity.value());
        return members.save(member);
    }

    @Transactional
    public Member markStaff(long organizationId, long id, boolean staff) {
        Member member = inOrganization(organizationId, id);
        ensureNotMerged(member);
        flagStaff(member, staff);
        return members.save(member);
    }

    /**
     * The member known by this identity, or a new member with this name and identity. Safe when two requests bring the
     * same new identity at once: both answer the same member.
     */
    @Transactional
    public Member findOrRegister(long organizationId, String displayName, IdentityInput identity) {
        Optional<Member> known = identity.kind() == null ? Optional.empty()
                : findByIdentity(organizationId, identity.kind(), identity.value());
        if (known.isPresent()) {
            return known.get();
        }
        Member member = Member.register(organizationId, displayName, false, List.of(identity), clock.instant());
        try {
            return savepoint.execute(status -> members.save(member));
        } catch (DuplicateKeyException raced) {
            return findByIdentity(organizationId, identity.kind(), identity.value()).orElseThrow(() -> raced);
        }
    }

    /**
     * As {@link #findOrRegister}, answering only the member's id, in as few statements as the database allows: one
     * lookup for someone known; for someone new, two inserts. A concurrent request that brings the same new identity
     * wins the identity; this one then removes the member it just made and answers the winner.
     */
    @Transactional
    public long findOrRegisterId(long organizationId, String displayName, IdentityInput identity) {
        Optional<Long> known = idByIdentity(organizationId, identity);
        if (known.isPresent()) {
            return known.get();
        }
        Member member = Member.register(organizationId, displayName, false, List.of(identity), clock.instant());
        MemberIdentity only = member.identities().get(0);
        long id = db.insertInto(MEMBER)
                .set(MEMBER.ORGANIZATION_ID, organizationId)
                .set(MEMBER.DISPLAY_NAME, member.displayName())
                .set(MEMBER.STAFF, false)
                .set(MEMBER.CREATED_AT, member.createdAt().atOffset(ZoneOffset.UTC))
                .returningResult(MEMBER.ID)
                .fetchOne(MEMBER.ID);
        int claimed;
        try {
            claimed = db.insertInto(MEMBER_IDENTITY)
                    .set(MEMBER_IDENTITY.ORGANIZATION_ID, organizationId)
                    .set(MEMBER_IDENTITY.MEMBER_ID, id)
                    .set(MEMBER_IDENTITY.KIND, only.kind().name())
                    .set(MEMBER_IDENTITY.IDENTITY_VALUE, only.value())
                    .set(MEMBER_IDENTITY.NORMALIZED_VALUE, only.normalizedValue())
                    .onConflictDoNothing()
                    .execute();
        } catch (DuplicateKeyException claimedConcurrently) {
            // H2 reports the clash instead of skipping the row; its transaction stays usable
            claimed = 0;
        }
        if (claimed == 1) {
            return id;
        }
        db.deleteFrom(MEMBER).where(MEMBER.ID.eq(id)).execute();
        return idByIdentity(organizationId, identity).orElseThrow();
    }

    /**
     * A provisional member for someone who registered on a public page or call under an email nobody has proven: one
     * insert, no lookup. The member holds no identity, so the email finds nobody through it, and whatever is done under
     * it stays apart from the email's owner until the owner proves it ({@link EmailProofs}).
     *
     * @throws InvalidInputException on {@code email} when it is not an email address
     */
    @Transactional
    public long registerProvisional(long organizationId, String displayName, String email) {
        String claimed = emailKey(email);
        Member member = Member.register(organizationId, displayName, false, List.of(), clock.instant());
        return db.insertInto(MEMBER)
                .set(MEMBER.ORGANIZATION_ID, organizationId)
                .set(MEMBER.DISPLAY_NAME, member.displayName())
                .set(MEMBER.STAFF, false)
                .set(MEMBER.CREATED_AT, member.createdAt().atOffset(ZoneOffset.UTC))
                .set(MEMBER.PROVISIONAL, true)
                .set(MEMBER.CLAIMED_EMAIL, claimed)
                .returningResult(MEMBER.ID)
                .fetchOne(MEMBER.ID);
    }

    /** An email as members are found by it: trimmed and lower-cased; anything else is invalid input on {@code email}. */
    public static String emailKey(String email) {
        try {
            return IdentityKind.EMAIL.normalize(email);
        } catch (InvalidInputException notAnEmail) {
            throw InvalidInputException.of("email", "validation.email");
        }
    }

    private Optional<Long> idByIdentity(long organizationId, IdentityInput identity) {
        if (identity.kind() == null) {
            return Optional.empty();
        }
        String key;
        try {
            key = identity.kind().normalize(identity.value());
        } catch (InvalidInputException notAnIdentity) {
            return Optional.empty();
        }
        return db.select(MEMBER_IDENTITY.MEMBER_ID)
                .from(MEMBER_IDENTITY)
                .where(MEMBER_IDENTITY.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER_IDENTITY.KIND.eq(identity.kind().name()))
                .and(MEMBER_IDENTITY.NORMALIZED_VALUE.eq(key))
                .fetchOptional(MEMBER_IDENTITY.MEMBER_ID);
    }

    /**
     * For imports of many people at once: the member known by each identity, registering whoever is not known yet
     * under the name given. Identities are looked up a few thousand values of one kind at a time; the answer lines up
     * with {@code people}, and a person listed twice answers the same member both times.
     */
    @Transactional
    public List<Resolution> findOrRegisterAll(long organizationId, List<NamedIdentity> people) {
        Map<String, Long> known = new HashMap<>();
        Map<IdentityKind, Set<String>> byKind = new EnumMap<>(IdentityKind.class);
        for (NamedIdentity person : people) {
            byKind.computeIfAbsent(person.identity().kind(), kind -> new LinkedHashSet<>())
                    .add(person.key().substring(person.key().indexOf(':') + 1));
        }
        byKind.forEach((kind, values) -> {
            List<String> all = List.copyOf(values);
            for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
                db.select(MEMBER_IDENTITY.NORMALIZED_VALUE, MEMBER_IDENTITY.MEMBER_ID)
                        .from(MEMBER_IDENTITY)
                        .where(MEMBER_IDENTITY.ORGANIZATION_ID.eq(organizationId))
                        .and(MEMBER_IDENTITY.KIND.eq(kind.name()))
                        .and(bulk.oneOf(MEMBER_IDENTITY.NORMALIZED_VALUE,
                                all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK))))
                        .forEach(row -> known.put(kind.name() + ":" + row.value1(), row.value2()));
            }
        });
        Map<String, Member> newcomers = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (NamedIdentity person : people) {
            if (!known.containsKey(person.key())) {
                newcomers.computeIfAbsent(person.key(), key -> Member.register(organizationId, person.displayName(),
                        false, List.of(person.identity()), now));
            }
        }
        List<String> newKeys = List.copyOf(newcomers.keySet());
        List<Long> saved = insertAll(organizationId, List.copyOf(newcomers.values()));
        for (int i = 0; i < saved.size(); i++) {
            known.put(newKeys.get(i), saved.get(i));
        }
        Set<String> created = new HashSet<>(newKeys);
        Set<String> answered = new HashSet<>();
        List<Resolution> resolved = new ArrayList<>(people.size());
        for (NamedIdentity person : people) {
            // a newcomer listed twice was registered once, when first listed
            boolean registeredNow = created.contains(person.key()) && answered.add(person.key());
            resolved.add(new Resolution(known.get(person.key()), registeredNow));
        }
        return resolved;
    }

    /** New members known by no identity, one per name, such as people an export lists as withdrawn; ids in order. */
    @Transactional
    public List<Long> registerAllUnidentified(long organizationId, List<String> displayNames) {
        Instant now = clock.instant();
        List<Member> registered = displayNames.stream()
                .map(name -> Member.register(organizationId, name, false, List.of(), now))
                .toList();
        return insertAll(organizationId, registered);
    }

    /** Writes new members and their identities in bulk; the ids in the order given. */
    private List<Long> insertAll(long organizationId, List<Member> newcomers) {
        List<Object[]> memberRows = new ArrayList<>(newcomers.size());
        for (Member member : newcomers) {
            memberRows.add(new Object[] {organizationId, member.displayName(), member.staff(),
                    member.createdAt().atOffset(ZoneOffset.UTC)});
        }
        List<Long> ids = bulk.insertWithNewIds(MEMBER, MEMBER.ID,
                List.of(MEMBER.ORGANIZATION_ID, MEMBER.DISPLAY_NAME, MEMBER.STAFF, MEMBER.CREATED_AT), memberRows);
        List<Object[]> identityRows = new ArrayList<>(newcomers.size());
        for (int i = 0; i < newcomers.size(); i++) {
            for (MemberIdentity identity : newcomers.get(i).identities()) {
                identityRows.add(new Object[] {organizationId, ids.get(i), identity.kind().name(), identity.value(),
                        identity.normalizedValue()});
            }
        }
        bulk.insert(MEMBER_IDENTITY, List.of(MEMBER_IDENTITY.ORGANIZATION_ID, MEMBER_IDENTITY.MEMBER_ID,
                MEMBER_IDENTITY.KIND, MEMBER_IDENTITY.IDENTITY_VALUE, MEMBER_IDENTITY.NORMALIZED_VALUE), identityRows);
        return ids;
    }

    /** A person as an import names them, with the identity they are matched by. */
    public static final class NamedIdentity {

        private final String displayName;
        private final IdentityInput identity;
        // normalising is the costly part of matching a large file, so it is done once per person
        private final String key;

        public NamedIdentity(String displayName, IdentityInput identity) {
            this.displayName = displayName;
            this.identity = identity;
            this.key = identity.kind().name() + ":" + identity.kind().normalize(identity.value());
        }

        public String displayName() {
            return displayName;
        }

        public IdentityInput identity() {
            return identity;
        }

        String key() {
            return key;
        }
    }

    /** The member a person was matched to, and whether it was registered just now. */
    public record Resolution(long memberId, boolean created) {
    }

    /**
     * The member with this display name (ignoring case and surrounding spaces) when exactly one has it; otherwise a new
     * member, since two people can share a name and a guess could credit the wrong one.
     */
    @Transactional
    public Member findOrRegisterByDisplayName(long organizationId, String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        List<Long> sameName = name.isEmpty() ? List.of() : db.select(MEMBER.ID)
                .from(MEMBER)
                .where(MEMBER.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER.MERGED_INTO_ID.isNull())
                .and(DSL.lower(MEMBER.DISPLAY_NAME).eq(name.toLowerCase(Locale.ROOT)))
                .limit(2)
                .fetch(MEMBER.ID);
        if (sameName.size() == 1) {
            return inOrganization(organizationId, sameName.get(0));
        }
        return register(organizationId, name, List.of());
    }

    /** A member of the organization; a member of another organization is reported as not found. */
    public Member inOrganization(long organizationId, long id) {
        return members.findByOrganizationIdAndId(organizationId, id)
                .orElseThrow(() -> NotFoundException.of("member", id));
    }

    /** The members of the organization among these ids, in the order of the ids; others are left out. */
    public List<Member> inOrganization(long organizationId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Member> byId = members.findAllById(ids).stream()
                .filter(m -> m.organizationId() == organizationId)
                .collect(Collectors.toMap(Member::id, Function.identity()));
        return ids.stream().distinct().map(byId::get).filter(m -> m != null).toList();
    }

    /**
     * Any member, for resolving which organization a member id belongs to; the caller must then check that its caller
     * may see that organization.
     */
    public Optional<Member> findById(long id) {
        return members.findById(id);
    }

    /**
     * Members known by this value as any kind of identity: an email, a connpass user name, an X, Bluesky or GitHub
     * handle with or without its {@code @}, or a feed address; case does not matter.
     */
    public List<Member> findByIdentity(long organizationId, String value) {
        return findByIdentity(organizationId, value, DSL.noCondition());
    }

    /** The same lookup among the members {@code among} keeps (a condition on {@code member_identity.member_id}). */
    List<Member> findByIdentity(long organizationId, String value, Condition among) {
        List<Condition> candidates = new ArrayList<>();
        for (IdentityKind kind : IdentityKind.values()) {
            try {
                candidates.add(MEMBER_IDENTITY.KIND.eq(kind.name()).and(MEMBER_IDENTITY.NORMALIZED_VALUE.eq(kind.normalize(value))));
            } catch (InvalidInputException notThisKind) {
                // the value cannot be an identity of this kind, so no member has it as one
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Long> ids = db.selectDistinct(MEMBER_IDENTITY.MEMBER_ID)
                .from(MEMBER_IDENTITY)
                .where(MEMBER_IDENTITY.ORGANIZATION_ID.eq(organizationId))
                .and(DSL.or(candidates))
                .and(among)
                .orderBy(MEMBER_IDENTITY.MEMBER_ID)
                .fetch(MEMBER_IDENTITY.MEMBER_ID);
        return inOrganization(organizationId, ids);
    }

    /** The member known by this identity of this kind, however it is typed. */
    public Optional<Member> findByIdentity(long organizationId, IdentityKind kind, String value) {
        return idByIdentity(organizationId, new IdentityInput(kind, value)).flatMap(members::findById);
    }

    /**
     * Members (not merged into another) whose display name contains the query (ignoring case) or who have an identity containing it; all members
     * for a blank query. Ordered by display name. {@code page} counts from 0; {@code size} is kept within 1 to 200.
     */
    public MemberPage search(long organizationId, String query, int page, int size) {
        return search(organizationId, query, page, size, DSL.noCondition());
    }

    /** The same search among the members {@code among} keeps (a condition on {@code member.id}). */
    MemberPage search(long organizationId, String query, int page, int size, Condition among) {
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        int pageIndex = Math.max(0, page);
        Condition matches = matches(organizationId, query).and(among);
        long total = db.fetchCount(MEMBER, matches);
        List<Long> ids = db.select(MEMBER.ID)
                .from(MEMBER)
                .where(matches)
                .orderBy(DSL.lower(MEMBER.DISPLAY_NAME), MEMBER.ID)
                .limit(pageSize)
                .offset((long) pageIndex * pageSize)
                .fetch(MEMBER.ID);
        return new MemberPage(inOrganization(organizationId, ids), pageIndex, pageSize, total);
    }

    /** The organization's members (merged ones left out) whose name or an identity contains the text. */
    static Condition matches(long organizationId, String query) {
        return MEMBER.ORGANIZATION_ID.eq(organizationId).and(MEMBER.MERGED_INTO_ID.isNull())
                .and(matching(organizationId, query));
    }

    private static Condition matching(long organizationId, String query) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return DSL.noCondition();
        }
        String identityText = text.startsWith("@") || text.startsWith("＠") ? text.substring(1) : text;
        Condition byName = MEMBER.DISPLAY_NAME.containsIgnoreCase(text);
        if (identityText.isEmpty()) {
            return byName;
        }
        return byName.or(DSL.exists(DSL.selectOne()
                .from(MEMBER_IDENTITY)
                .where(MEMBER_IDENTITY.MEMBER_ID.eq(MEMBER.ID))
                .and(MEMBER_IDENTITY.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER_IDENTITY.NORMALIZED_VALUE.containsIgnoreCase(identityText))));
    }

    /** Display names by member id, for the members of the organization among these ids. */
    public Map<Long, String> displayNames(long organizationId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME)
                .from(MEMBER)
                .where(MEMBER.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER.ID.in(ids))
                .fetchMap(MEMBER.ID, MEMBER.DISPLAY_NAME);
    }

    public long count(long organizationId) {
        return db.fetchCount(MEMBER, MEMBER.ORGANIZATION_ID.eq(organizationId).and(MEMBER.MERGED_INTO_ID.isNull()));
    }

    /**
     * A member merged into another is kept only so that the merge can be undone; changes go to the other member. An
     * erased member stays as it is: an anonymous person, counted as it was.
     */
    private static void ensureNotMerged(Member member) {
        if (member.mergedIntoId().isPresent()) {
            throw new ConflictException("member", "member.merged", member.mergedIntoId().get());
        }
        if (member.erased()) {
            throw new ConflictException("member", "member.erased");
        }
    }

    /** Saves the member unless another member of the organization has one of its identities. */
    private Member saveChecked(Member member) {
        ensureIdentitiesAreFree(member);
        try {
            return savepoint.execute(status -> members.save(member));
        } catch (DuplicateKeyException raced) {
            ensureIdentitiesAreFree(member);
            throw new ConflictException("identities", "member.identity.taken",
                    member.identities().isEmpty() ? "" : member.identities().get(0).value());
        }
    }

    private void ensureIdentitiesAreFree(Member member) {
        List<MemberIdentity> identities = member.identities();
        if (identities.isEmpty()) {
            return;
        }
        Condition any = DSL.or(identities.stream()
                .map(i -> MEMBER_IDENTITY.KIND.eq(i.kind().name()).and(MEMBER_IDENTITY.NORMALIZED_VALUE.eq(i.normalizedValue())))
                .toList());
        Optional<Record2<String, String>> taken = db.select(MEMBER_IDENTITY.KIND, MEMBER_IDENTITY.NORMALIZED_VALUE)
                .from(MEMBER_IDENTITY)
                .where(MEMBER_IDENTITY.ORGANIZATION_ID.eq(member.organizationId()))
                .and(any)
                .and(member.id() == null ? DSL.noCondition() : MEMBER_IDENTITY.MEMBER_ID.ne(member.id()))
                .orderBy(MEMBER_IDENTITY.ID)
                .limit(1)
                .fetchOptional();
        if (taken.isPresent()) {
            String shown = identities.stream()
                    .filter(i -> i.kind().name().equals(taken.get().value1())
                            && i.normalizedValue().equals(taken.get().value2()))
                    .map(MemberIdentity::value)
                    .findFirst()
                    .orElse(taken.get().value2());
            throw new ConflictException("identities", "member.identity.taken", shown);
        }
    }
}
