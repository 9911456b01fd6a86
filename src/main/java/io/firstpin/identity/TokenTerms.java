package io.firstpin.identity;

import io.firstpin.platform.InvalidInputException;
import java.time.Instant;

/**
 * What an organization token may do: its role (VIEWER makes it read-only), where (the whole organization, or one
 * community and its branches), and until when (null: until revoked).
 */
public record TokenTerms(String name, Role role, Long communityId, Instant expiresAt) {

    public TokenTerms {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("name", "validation.required");
        }
        name = name.strip();
        if (name.length() > 100) {
            throw InvalidInputException.of("name", "validation.too-long", 100);
        }
        role = role == null ? Role.ORGANIZATION_ADMIN : role;
    }

    /** The token API.md promises: the organization's admin, everywhere in it, until revoked. */
    public static TokenTerms organizationAdmin(String name) {
        return new TokenTerms(name, Role.ORGANIZATION_ADMIN, null, null);
    }

    public boolean readOnly() {
        return role == Role.VIEWER;
    }
}
