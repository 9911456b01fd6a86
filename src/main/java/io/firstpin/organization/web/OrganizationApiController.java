package io.firstpin.organization.web;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.ApiTokens;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Tenancy")
class OrganizationApiController {

    private final Organizations organizations;
    private final ApiTokens tokens;
    private final AccessGuard access;

    OrganizationApiController(Organizations organizations, ApiTokens tokens, AccessGuard access) {
        this.organizations = organizations;
        this.tokens = tokens;
        this.access = access;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organization (instance administrators only)")
    OrganizationResponse create(@Valid @RequestBody CreateOrganizationRequest request) {
        access.requireInstanceAdmin();
        Organization organization = organizations.found(Slug.parse("slug", request.slug()), request.name());
        return new OrganizationResponse(organization.slug(), organization.name());
    }

    @PostMapping("/{org}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an admin token for one organization; the token is shown only in this answer")
    TokenResponse issueToken(@PathVariable String org, @Valid @RequestBody IssueTokenRequest request) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        ApiTokens.IssuedToken issued = tokens.issueForOrganization(organization.id(), request.name().strip());
        return new TokenResponse(issued.id(), issued.name(), organization.slug(), issued.token());
    }

    record CreateOrganizationRequest(@NotBlank @Size(max = 64) String slug, @NotBlank @Size(max = 200) String name) {
    }

    record OrganizationResponse(String slug, String name) {
    }

    record IssueTokenRequest(@NotBlank @Size(max = 100) String name) {
    }

    record TokenResponse(long id, String name, String organization, String token) {
    }
}
