package io.firstpin.organization.web;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.ApiToken;
import io.firstpin.identity.ApiTokens;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Every API token listed and revocable: an organization's by its admins, all of them by instance administrators. */
@RestController
@Tag(name = "Tenancy")
class TokenApiController {

    private final Organizations organizations;
    private final ApiTokens tokens;
    private final AccessGuard access;

    TokenApiController(Organizations organizations, ApiTokens tokens, AccessGuard access) {
        this.organizations = organizations;
        this.tokens = tokens;
        this.access = access;
    }

    @GetMapping("/api/v1/organizations/{org}/tokens")
    @Operation(summary = "The organization's tokens, newest first, revoked ones included; never their secrets")
    List<TokenView> list(@PathVariable String org) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        return tokens.listForOrganization(organization.id()).stream().map(TokenView::of).toList();
    }

    @DeleteMapping("/api/v1/organizations/{org}/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the organization's tokens: it answers 401 from now on")
    void revoke(@PathVariable String org, @PathVariable long id) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        tokens.revoke(organization.id(), id);
    }

    @GetMapping("/api/v1/tokens")
    @Operation(summary = "Every token of the instance, instance tokens first (instance administrators only)")
    List<TokenView> all() {
        access.requireInstanceAdmin();
        return tokens.listAll().stream().map(TokenView::of).toList();
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke any token of the instance (instance administrators only)")
    void revokeAny(@PathVariable long id) {
        access.requireInstanceAdmin();
        tokens.revokeAny(id);
    }

    record TokenView(long id, Long organizationId, String name, String hint, String scope, String role,
            Long communityId, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt,
            boolean bootstrap) {

        static TokenView of(ApiToken token) {
            return new TokenView(token.id(), token.organizationId(), token.name(), token.tokenHint(),
                    token.scope().name(), token.role() == null ? null : token.role().name(), token.communityId(),
                    token.createdAt(), token.expiresAt(), token.lastUsedAt(), token.revokedAt(), token.bootstrap());
        }
    }
}
