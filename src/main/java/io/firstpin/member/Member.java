package io.firstpin.member;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A person known to an organization, found by any of its identities. Staff members work for the vendor. */
@Table("member")
public class Member extends AbstractAggregateRoot<Member> {

    static final int MAX_DISPLAY_NAME = 200;

    // ids grow in the order identities were added; identities not saved yet keep the order they were added in
    private static final Comparator<MemberIdentity> IDENTITY_ORDER = Comparator
            .comparing(MemberIdentity::kind)
            .thenComparing(i -> i.id() == null ? Long.MAX_VALUE : i.id());

    @Id
    private Long id;
    private final long organizationId;
    private String displayName;
    private boolean staff;
    private final Instant createdAt;
    // set while this member is merged into another (identity resolution); such a member is hidden from lists
    private final Long mergedIntoId;
    // made by a public registration under an email nobody has proven yet (see EmailProofs)
    private final boolean provisional;
    private final String claimedEmail;
    // set once the person's personal data was erased; the row stays as an anonymous person (see Erasures)
    private final Instant erasedAt;
    @MappedCollection(idColumn = "member_id")
    private Set<MemberIdentity> identities;

    @PersistenceCreator
    Member(Long id, long organizationId, String displayName, boolean staff, Instant createdAt, Long mergedIntoId,
            boolean provisional, String claimedEmail, Instant erasedAt, Set<MemberIdentity> identities) {
        this.id = id;
        this.organizationId = organizationId;
        this.displayName = displayName;
        this.staff = staff;
        this.createdAt = createdAt;
        this.mergedIntoId = mergedIntoId;
        this.provisional = provisional;
        this.claimedEmail = claimedEmail;
        this.erasedAt = erasedAt;
        this.identities = new LinkedHashSet<>(identities == null ? Set.of() : identities);
    }

    /** A new member; every problem with the name and the identities is reported at once. */
    static Member register(long organizationId, String displayName, boolean staff, List<IdentityInput> identities,
            Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = checkDisplayName(displayName, problems);
        List<MemberIdentity> parsed = parse(organizationId, identities, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Member member = new Member(null, organizationId, name, staff, now, null, false, null, null, Set.of());
        parsed.forEach(member::add);
        return member;
    }

    void rename(String newName) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = checkDisplayName(newName, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        this.displayName = name;
    }

    void markStaff() {
        flagStaff(true);
    }

    void unmarkStaff() {
        flagStaff(false);
    }

    /** Staff are left out of every participation count: a change of the flag is news for whoever counts. */
    private void flagStaff(boolean staff) {
        if (this.staff != staff && id != null) {
            registerEvent(new StaffFlagChanged(id, staff));
        }
        this.staff = staff;
    }

    /** Adds the identity; one the member already has (however typed) is only shown as typed now. */
    MemberIdentity addIdentity(IdentityKind kind, String value) {
        if (kind == null) {
            throw InvalidInputException.of("kind", "validation.identity.kind");
        }
        return add(MemberIdentity.of(organizationId, kind, value));
    }

    /** Removes the identity, however typed; answers whether the member had it. */
    boolean removeIdentity(IdentityKind kind, String value) {
        String key = kind.normalize(value);
        return identities.removeIf(i -> i.kind() == kind && i.normalizedValue().equals(key));
    }

    /** Makes the member's identities exactly these: keeps the ones still listed, adds the new, drops the rest. */
    void reviseIdentities(List<IdentityInput> inputs) {
        List<FieldProblem> problems = new ArrayList<>();
        List<MemberIdentity> wanted = parse(organizationId, inputs, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        identities.removeIf(existing -> wanted.stream().noneMatch(existing::sameAs));
        wanted.forEach(this::add);
    }

    private MemberIdentity add(MemberIdentity identity) {
        Optional<MemberIdentity> existing = identities.stream().filter(identity::sameAs).findFirst();
        if (existing.isPresent()) {
            MemberIdentity shown = existing.get().shownAs(identity.value());
            identities.remove(existing.get());
            identities.add(shown);
            return shown;
        }
        identities.add(identity);
        return identity;
    }

    private static String checkDisplayName(String text, List<FieldProblem> problems) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("displayName", "validation.required", List.of()));
        } else if (name.length() > MAX_DISPLAY_NAME) {
            problems.add(new FieldProblem("displayName", "validation.too-long", List.of(MAX_DISPLAY_NAME)));
        }
        return name;
    }

    /** Problems are named after the input's position, {@code identities[2].value}, as forms and API requests list them. */
    private static List<MemberIdentity> parse(long organizationId, List<IdentityInput> inputs,
            List<FieldProblem> problems) {
        List<MemberIdentity> parsed = new ArrayList<>();
        List<IdentityInput> given = inputs == null ? List.of() : inputs;
        for (int index = 0; index < given.size(); index++) {
            IdentityInput input = given.get(index);
            String prefix = "identities[" + index + "].";
            if (input == null || input.kind() == null) {
                problems.add(new FieldProblem(prefix + "kind", "validation.identity.kind", List.of()));
                continue;
            }
            try {
                parsed.add(MemberIdentity.of(organizationId, input.kind(), input.value()));
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.add(new FieldProblem(prefix + p.field(), p.code(), p.args())));
            }
        }
        return parsed;
    }

    /** The first email the member was known by; staff pages and emails use it, public pages never show it. */
    public Optional<String> primaryEmail() {
        return identities().stream().filter(i -> i.kind() == IdentityKind.EMAIL).map(MemberIdentity::value).findFirst();
    }

    public boolean has(IdentityKind kind, String value) {
        String key = kind.normalize(value);
        return identities.stream().anyMatch(i -> i.kind() == kind && i.normalizedValue().equals(key));
    }

    public Long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public String displayName() {
        return displayName;
    }

    public boolean staff() {
        return staff;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Made by a public registration under an email nobody has proven: it stands for whoever typed the email, apart from
     * the email's owner, until the owner proves it ({@link EmailProofs}).
     */
    public boolean provisional() {
        return provisional;
    }

    /** The email a provisional member registered with, normalised; never shown on public pages. */
    public Optional<String> claimedEmail() {
        return Optional.ofNullable(claimedEmail);
    }

    /** Whether the person's personal data was erased: the member stays only as an anonymous person. */
    public boolean erased() {
        return erasedAt != null;
    }

    /** The member this one was merged into, while that merge stands. */
    public Optional<Long> mergedIntoId() {
        return Optional.ofNullable(mergedIntoId);
    }

    /** By kind, then in the order they were added. */
    public List<MemberIdentity> identities() {
        return identities.stream().sorted(IDENTITY_ORDER).toList();
    }
}
