package io.firstpin.member.web;

import io.firstpin.identity.Role;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.Member;
import io.firstpin.member.MemberPage;
import io.firstpin.member.MemberSearch;
import io.firstpin.member.Members;
import io.firstpin.member.VisibleMembers;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations/{org}/members")
@Tag(name = "Members")
class MemberApiController {

    private final Organizations organizations;
    private final Members members;
    private final VisibleMembers visible;

    MemberApiController(Organizations organizations, Members members, VisibleMembers visible) {
        this.organizations = organizations;
        this.members = members;
        this.visible = visible;
    }

    @GetMapping
    @Operation(summary = "Find members by an identity (an email, a connpass user name or another handle), "
            + "or search them by name or identity; the total of a search is in the X-Total-Count header")
    ResponseEntity<List<MemberResponse>> list(@PathVariable String org,
            @Parameter(description = "an email, connpass user name, handle (with or without @) or feed address")
            @RequestParam(required = false) String identity,
            @Parameter(description = "part of a display name or identity") @RequestParam(required = false) String q,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MemberSearch.MAX_PAGE_SIZE) int size) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        if (identity != null) {
            if (identity.isBlank()) {
                throw InvalidInputException.of("identity", "validation.required");
            }
            return ResponseEntity.ok(responses(visible.findByIdentity(organization.id(), identity)));
        }
        MemberPage found = visible.search(organization.id(), q, page, size);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(found.total()))
                .body(responses(found.members()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One member with its identities")
    MemberResponse get(@PathVariable String org, @PathVariable long id) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        return MemberResponse.of(visible.open(organization.id(), id, Role.VIEWER));
    }

    @PostMapping
    @Operation(summary = "Register a member; an identity another member already has answers 409")
    ResponseEntity<MemberResponse> create(@PathVariable String org, @Valid @RequestBody CreateMemberRequest request) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        List<IdentityInput> identities = request.identities() == null ? List.of()
                : request.identities().stream().map(i -> IdentityInput.of(i.kind(), i.value())).toList();
        Member member = members.register(organization.id(), request.displayName(),
                Boolean.TRUE.equals(request.staff()), identities);
        URI location = URI.create("/api/v1/organizations/" + organization.slug() + "/members/" + member.id());
        return ResponseEntity.created(location).body(MemberResponse.of(member));
    }

    private static List<MemberResponse> responses(List<Member> found) {
        return found.stream().map(MemberResponse::of).toList();
    }

    record CreateMemberRequest(
            @NotBlank @Size(max = 200) String displayName,
            Boolean staff,
            @Size(max = 50) List<@Valid @NotNull IdentityRequest> identities) {
    }

    record IdentityRequest(
            @Schema(description = "email, connpass, x, bluesky, github, feed or meetup") @NotBlank String kind,
            @NotBlank @Size(max = 2000) String value) {
    }

    record MemberResponse(long id, String displayName, boolean staff, List<IdentityResponse> identities) {

        static MemberResponse of(Member member) {
            return new MemberResponse(member.id(), member.displayName(), member.staff(),
                    member.identities().stream().map(i -> new IdentityResponse(i.kind().apiName(), i.value())).toList());
        }
    }

    record IdentityResponse(String kind, String value) {
    }
}
