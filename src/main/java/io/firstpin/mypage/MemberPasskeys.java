package io.firstpin.mypage;

import static io.firstpin.platform.db.Tables.MEMBER_PASSKEY;
import static io.firstpin.platform.db.Tables.MEMBER_PASSKEY_USER;

import io.firstpin.platform.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The passkeys a member added on their page of one organization, as they see them. A passkey is added through Spring
 * Security's registration ceremony under {@code /my/{org}/webauthn/}; here it is listed and removed. Each passkey
 * belongs to one member of one organization and signs in there only.
 */
@Service
public class MemberPasskeys {

    private final DSLContext db;
    private final ApplicationEventPublisher events;

    MemberPasskeys(DSLContext db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    public List<MemberPasskey> of(long organizationId, long memberId) {
        return db.select(MEMBER_PASSKEY.CREDENTIAL_ID, MEMBER_PASSKEY.LABEL, MEMBER_PASSKEY.CREATED_AT,
                        MEMBER_PASSKEY.LAST_USED_AT)
                .from(MEMBER_PASSKEY)
                .where(mine(organizationId, memberId))
                .orderBy(MEMBER_PASSKEY.CREATED_AT, MEMBER_PASSKEY.CREDENTIAL_ID)
                .fetch(r -> new MemberPasskey(r.value1(), r.value2(), r.value3().toInstant(), r.value4().toInstant()));
    }

    /** Removes one of the member's own passkeys; anyone else's answers as not found. */
    @Transactional
    public void remove(long organizationId, long memberId, String credentialId) {
        int removed = db.deleteFrom(MEMBER_PASSKEY)
                .where(MEMBER_PASSKEY.CREDENTIAL_ID.eq(credentialId == null ? "" : credentialId))
                .and(mine(organizationId, memberId))
                .execute();
        if (removed == 0) {
            throw NotFoundException.of("passkey", credentialId);
        }
        events.publishEvent(new MemberPasskeyChanged(organizationId, memberId, false));
    }

    private static org.jooq.Condition mine(long organizationId, long memberId) {
        return MEMBER_PASSKEY.ORGANIZATION_ID.eq(organizationId)
                .and(MEMBER_PASSKEY.PASSKEY_USER_ID.in(DSL.select(MEMBER_PASSKEY_USER.ID).from(MEMBER_PASSKEY_USER)
                        .where(MEMBER_PASSKEY_USER.ORGANIZATION_ID.eq(organizationId))
                        .and(MEMBER_PASSKEY_USER.MEMBER_ID.eq(memberId))));
    }

    /** A passkey as the member's page lists it. */
    public record MemberPasskey(String id, String label, Instant createdAt, Instant lastUsedAt) {
    }
}
