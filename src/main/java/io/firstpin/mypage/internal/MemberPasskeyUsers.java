package io.firstpin.mypage.internal;

import static io.firstpin.platform.db.Tables.MEMBER_PASSKEY_USER;

import io.firstpin.member.Members;
import io.firstpin.organization.Organizations;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Security's WebAuthn users for members, on {@code member_passkey_user}: a random handle per member of one
 * organization. Spring names the user by {@code SignedInMember.getName()} ({@code member:<organization>:<member>});
 * the authenticator is shown the member's display name and the organization's, read at each look-up, never the email.
 */
@Component
public class MemberPasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private static final Pattern NAME = Pattern.compile("^member:(\\d+):(\\d+)$");

    private final DSLContext db;
    private final Members members;
    private final Organizations organizations;
    private final Clock clock;

    MemberPasskeyUsers(DSLContext db, Members members, Organizations organizations, Clock clock) {
        this.db = db;
        this.members = members;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** A member's handle and whose it is. */
    record Owner(long id, long organizationId, long memberId, Bytes handle) {
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return ownerOf(id).map(this::entity).orElse(null);
    }

    /**
     * The member's handle, made on the first look-up: Spring would otherwise show the authenticator its own name for
     * the user, which here is ids. Only a signed-in member's name reaches this.
     */
    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        Matcher name = NAME.matcher(username == null ? "" : username);
        if (!name.matches()) {
            return null;
        }
        long organizationId = Long.parseLong(name.group(1));
        long memberId = Long.parseLong(name.group(2));
        return entity(handlesOf(organizationId, memberId).stream().findFirst()
                .orElseGet(() -> create(organizationId, memberId)));
    }

    /** Handles are made by {@link #findByUsername}; Spring saves only those it made itself, which never happens. */
    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        throw new IllegalStateException("member passkey handles are made on look-up");
    }

    @Override
    public void delete(Bytes id) {
        db.deleteFrom(MEMBER_PASSKEY_USER).where(MEMBER_PASSKEY_USER.USER_HANDLE.eq(id.toBase64UrlString())).execute();
    }

    Optional<Owner> ownerOf(Bytes handle) {
        return db.selectFrom(MEMBER_PASSKEY_USER)
                .where(MEMBER_PASSKEY_USER.USER_HANDLE.eq(handle.toBase64UrlString()))
                .fetchOptional(r -> new Owner(r.getId(), r.getOrganizationId(), r.getMemberId(), handle));
    }

    /** The member's handles, oldest first: a member merged from others holds theirs too. */
    List<Owner> handlesOf(long organizationId, long memberId) {
        return db.selectFrom(MEMBER_PASSKEY_USER)
                .where(MEMBER_PASSKEY_USER.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER_PASSKEY_USER.MEMBER_ID.eq(memberId))
                .orderBy(MEMBER_PASSKEY_USER.ID)
                .fetch(r -> new Owner(r.getId(), r.getOrganizationId(), r.getMemberId(),
                        Bytes.fromBase64(r.getUserHandle())));
    }

    private Owner create(long organizationId, long memberId) {
        members.inOrganization(organizationId, memberId);
        Bytes handle = Bytes.random();
        long id = db.insertInto(MEMBER_PASSKEY_USER)
                .set(MEMBER_PASSKEY_USER.ORGANIZATION_ID, organizationId)
                .set(MEMBER_PASSKEY_USER.MEMBER_ID, memberId)
                .set(MEMBER_PASSKEY_USER.USER_HANDLE, handle.toBase64UrlString())
                .set(MEMBER_PASSKEY_USER.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .returningResult(MEMBER_PASSKEY_USER.ID).fetchOne().value1();
        return new Owner(id, organizationId, memberId, handle);
    }

    private PublicKeyCredentialUserEntity entity(Owner owner) {
        String member = members.displayNames(owner.organizationId(), List.of(owner.memberId()))
                .getOrDefault(owner.memberId(), "member");
        String organization = organizations.findById(owner.organizationId()).map(o -> o.name()).orElse("");
        return ImmutablePublicKeyCredentialUserEntity.builder().id(owner.handle()).name(member)
                .displayName(member + " (" + organization + ")").build();
    }
}
