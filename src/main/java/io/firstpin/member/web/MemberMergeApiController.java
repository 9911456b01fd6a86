package io.firstpin.member.web;

import io.firstpin.identity.Role;
import io.firstpin.member.MemberIdentity;
import io.firstpin.member.MemberMerge;
import io.firstpin.member.MemberMerges;
import io.firstpin.member.MergeReason;
import io.firstpin.member.MergeSuggestion;
import io.firstpin.member.MergeSuggestions;
import io.firstpin.member.SuggestionPage;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Identity resolution by API: merge suggestions, their dismissal, merging two members and undoing a merge. */
@RestController
@RequestMapping("/api/v1/organizations/{org}")
@Tag(name = "Members")
class MemberMergeApiController {

    private final Organizations organizations;
    private final MergeSuggestions suggestions;
    private final MemberMerges merges;

    MemberMergeApiController(Organizations organizations, MergeSuggestions suggestions, MemberMerges merges) {
        this.organizations = organizations;
        this.suggestions = suggestions;
        this.merges = merges;
    }

    @GetMapping("/merge-suggestions")
    @Operation(summary = "Members who may be one person: the same display name and another agreeing attribute; "
            + "the total is in the X-Total-Count header")
    ResponseEntity<List<SuggestionResponse>> suggestions(@PathVariable String org,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MergeSuggestions.MAX_PAGE_SIZE) int size) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        SuggestionPage found = suggestions.page(organization.id(), page, size);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(found.total()))
                .body(found.suggestions().stream().map(SuggestionResponse::of).toList());
    }

    @PostMapping("/merge-suggestions/dismissals")
    @Operation(summary = "The two members are different people: the pair is not suggested again")
    ResponseEntity<Void> dismiss(@PathVariable String org, @Valid @RequestBody DismissalRequest request) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        suggestions.dismiss(organization.id(), request.memberId(), request.otherMemberId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/members/{id}/merges")
    @Operation(summary = "Merge member `from` into this member: everything of `from` moves here in one transaction; "
            + "409 when either was merged already")
    ResponseEntity<MergeResponse> merge(@PathVariable String org, @PathVariable long id,
            @Valid @RequestBody MergeRequest request) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        MemberMerge merge = merges.merge(organization.id(), id, request.from());
        URI location = URI.create("/api/v1/organizations/" + organization.slug() + "/members/" + id + "/merges/"
                + merge.id());
        return ResponseEntity.created(location).body(MergeResponse.of(merge));
    }

    @GetMapping("/members/{id}/merges/{mergeId}")
    @Operation(summary = "One merge into this member")
    MergeResponse get(@PathVariable String org, @PathVariable long id, @PathVariable long mergeId) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        return MergeResponse.of(intoMember(organization, id, mergeId));
    }

    @PostMapping("/members/{id}/merges/{mergeId}/undo")
    @Operation(summary = "Undo the merge: the merged member comes back with every row it had; 409 when it was "
            + "undone already or something it moved has changed since")
    MergeResponse undo(@PathVariable String org, @PathVariable long id, @PathVariable long mergeId) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        intoMember(organization, id, mergeId);
        return MergeResponse.of(merges.undo(organization.id(), mergeId));
    }

    private MemberMerge intoMember(Organization organization, long memberId, long mergeId) {
        MemberMerge merge = merges.inOrganization(organization.id(), mergeId);
        if (merge.intoMemberId() != memberId) {
            throw NotFoundException.of("merge", mergeId);
        }
        return merge;
    }

    record MergeRequest(@NotNull Long from) {
    }

    record DismissalRequest(@NotNull Long memberId, @NotNull Long otherMemberId) {
    }

    record MergeResponse(long id, long into, long from, Instant mergedAt, Instant undoneAt, int changes) {

        static MergeResponse of(MemberMerge merge) {
            return new MergeResponse(merge.id(), merge.intoMemberId(), merge.fromMemberId(), merge.mergedAt(),
                    merge.undoneAt(), merge.changes());
        }
    }

    record SuggestionResponse(CandidateResponse first, CandidateResponse second, List<String> reasons) {

        static SuggestionResponse of(MergeSuggestion suggestion) {
            return new SuggestionResponse(CandidateResponse.of(suggestion.first()),
                    CandidateResponse.of(suggestion.second()),
                    suggestion.reasons().stream().map(MergeReason::apiName).toList());
        }
    }

    record CandidateResponse(long id, String displayName, List<IdentityValue> identities) {

        static CandidateResponse of(MergeSuggestion.Candidate candidate) {
            return new CandidateResponse(candidate.id(), candidate.displayName(),
                    candidate.identities().stream().map(IdentityValue::of).toList());
        }
    }

    record IdentityValue(String kind, String value) {

        static IdentityValue of(MemberIdentity identity) {
            return new IdentityValue(identity.kind().apiName(), identity.value());
        }
    }
}
