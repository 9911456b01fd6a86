package io.firstpin.community.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.Slug;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tenancy")
class CommunityApiController {

    private final Organizations organizations;
    private final Communities communities;
    private final AccessGuard access;
    private final PublicUrls urls;

    CommunityApiController(Organizations organizations, Communities communities, AccessGuard access, PublicUrls urls) {
        this.organizations = organizations;
        this.communities = communities;
        this.access = access;
        this.urls = urls;
    }

    @PostMapping("/organizations/{org}/communities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a community; `parent` is the slug of the community it branches from")
    CommunityResponse create(@PathVariable String org, @Valid @RequestBody CreateCommunityRequest request) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        Community community = communities.start(organization.id(), Slug.parse("slug", request.slug()),
                CommunityProfile.of(request.name(), request.hashtag(), request.interestAxis(), request.timeZone()),
                request.parent());
        return response(community);
    }

    @GetMapping("/communities/{slug}")
    @Operation(summary = "A community, with its branches")
    CommunityResponse get(@PathVariable String slug) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        access.requireReader(community.organizationId(), community.id(), "community " + slug);
        return response(community);
    }

    private CommunityResponse response(Community community) {
        String parent = community.parentId() == null ? null
                : communities.inOrganization(community.organizationId(), community.parentId()).slug();
        List<String> branches = communities.list(community.organizationId()).stream()
                .filter(c -> community.id().equals(c.parentId()))
                .map(Community::slug)
                .toList();
        String organization = organizations.findById(community.organizationId()).map(Organization::slug).orElse(null);
        return new CommunityResponse(community.slug(), community.name(), community.hashtagText().isEmpty() ? null
                : community.hashtagText(), community.interestAxis(), parent, community.timeZoneId(), organization,
                branches, urls.community(community.slug()));
    }

    record CreateCommunityRequest(
            @NotBlank @Size(max = 64) String slug,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String hashtag,
            @Size(max = 1000) String interestAxis,
            @Size(max = 64) String parent,
            @Size(max = 64) String timeZone) {
    }

    record CommunityResponse(String slug, String name, String hashtag, String interestAxis, String parent,
            String timeZone, String organization, List<String> branches, String url) {
    }
}
