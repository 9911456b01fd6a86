package io.firstpin.member;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One way a member is known, part of the {@link Member} aggregate. It carries its organization so that the database
 * can keep an identity unique within the organization.
 *
 * @param value the identity as shown, e.g. {@code JawsUG}
 * @param normalizedValue the key it is looked up by, e.g. {@code jawsug}
 */
@Table("member_identity")
public record MemberIdentity(@Id Long id, long organizationId, IdentityKind kind,
        @Column("identity_value") String value, String normalizedValue) {

    static MemberIdentity of(long organizationId, IdentityKind kind, String raw) {
        return new MemberIdentity(null, organizationId, kind, kind.clean(raw), kind.normalize(raw));
    }

    /** Whether both name the same thing, however each was typed. */
    public boolean sameAs(MemberIdentity other) {
        return kind == other.kind && normalizedValue.equals(other.normalizedValue);
    }

    MemberIdentity shownAs(String newValue) {
        return new MemberIdentity(id, organizationId, kind, newValue, normalizedValue);
    }
}
