package io.firstpin.segment.web;

import io.firstpin.community.Communities;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.segment.MemberSegment;
import io.firstpin.segment.SegmentCriteria;
import io.firstpin.segment.SegmentMember;
import io.firstpin.segment.SegmentMembers;
import io.firstpin.segment.Segments;
import io.firstpin.segment.VisibleSegments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Saved segments of members, and who is in each now. */
@RestController
@RequestMapping("/api/v1/organizations/{org}/segments")
@Tag(name = "Segments")
class SegmentApiController {

    private final Organizations organizations;
    private final Communities communities;
    private final Segments segments;
    private final VisibleSegments visibleSegments;

    SegmentApiController(Organizations organizations, Communities communities, Segments segments,
            VisibleSegments visibleSegments) {
        this.organizations = organizations;
        this.communities = communities;
        this.segments = segments;
        this.visibleSegments = visibleSegments;
    }

    @GetMapping
    @Operation(summary = "The organization's segments with their criteria")
    List<SegmentResponse> list(@PathVariable String org) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Map<Long, String> slugs = slugs(organization);
        return visibleSegments.list(organization.id()).stream().map(s -> SegmentResponse.of(s, slugs)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One segment with its criteria")
    SegmentResponse get(@PathVariable String org, @PathVariable long id) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        return SegmentResponse.of(visibleSegments.open(organization.id(), id, Role.VIEWER), slugs(organization));
    }

    @PostMapping
    @Operation(summary = "Save a segment of a community's members; every problem is reported on its field")
    ResponseEntity<SegmentResponse> create(@PathVariable String org, @RequestBody SegmentRequest request) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        SegmentRequest r = request == null ? new SegmentRequest(null, null, null, null, null, null, null, null, null)
                : request;
        visibleSegments.requireChoice(organization.id(), r.community(), Role.COMMUNITY_LEADER);
        SegmentCriteria criteria = MemberSegment.check(r.name(), () -> SegmentCriteria.parse(text(r.minEvents()),
                text(r.withinMonths()), r.outputs(), r.talks(), r.quadrant(), Boolean.TRUE.equals(r.includeStaff())));
        MemberSegment created = segments.create(organization.id(), r.community(), Boolean.TRUE.equals(r.branches()),
                r.name(), criteria);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organization.slug() + "/segments/"
                + created.id())).body(SegmentResponse.of(created, slugs(organization)));
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "Who is in the segment now, the most active in its window first, with their identities")
    MembersResponse members(@PathVariable String org, @PathVariable long id) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        visibleSegments.open(organization.id(), id, Role.VIEWER);
        SegmentMembers found = segments.export(organization.id(), id, "json");
        return new MembersResponse(id, found.since(), found.count(), found.withEmail().size(), found.optedOut(),
                found.members().stream().map(MemberResponse::of).toList());
    }

    private Map<Long, String> slugs(Organization organization) {
        return communities.list(organization.id()).stream()
                .collect(Collectors.toMap(c -> c.id(), c -> c.slug(), (a, b) -> a));
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }

    record SegmentRequest(String name, @Schema(description = "the community's slug") String community,
            @Schema(description = "include the community's branches") Boolean branches,
            @Schema(description = "attended at least this many events (0 to 1000)") Integer minEvents,
            @Schema(description = "in the last this many months (1 to 120)") Integer withinMonths,
            @Schema(description = "any, none or some") String outputs,
            @Schema(description = "lightning talks and case studies: any, none or gave") String talks,
            @Schema(description = "champion, fan, influencer or rest; null for any") String quadrant,
            @Schema(description = "staff are left out unless true") Boolean includeStaff) {
    }

    record SegmentResponse(long id, String name, String community, boolean branches, int minEvents,
            int withinMonths, String outputs, String talks, String quadrant, boolean includeStaff) {

        static SegmentResponse of(MemberSegment s, Map<Long, String> slugs) {
            SegmentCriteria c = s.criteria();
            return new SegmentResponse(s.id(), s.name(), slugs.get(s.communityId()), s.withBranches(),
                    c.minEvents(), c.withinMonths(), lower(c.outputs()), lower(c.talks()), lower(c.quadrant()),
                    c.includeStaff());
        }
    }

    record MembersResponse(long segmentId, @Schema(description = "first day of the window") LocalDate since,
            int count, int withEmail,
            @Schema(description = "members who unsubscribed from email to segments; no email to a segment reaches them")
            int optedOut, List<MemberResponse> members) {
    }

    record MemberResponse(long id, String displayName, boolean staff, int eventsSince, int eventsEver, int outputs,
            int talks, String quadrant, boolean optedOut, List<IdentityResponse> identities) {

        static MemberResponse of(SegmentMember m) {
            return new MemberResponse(m.id(), m.displayName(), m.staff(), m.eventsSince(), m.eventsEver(),
                    m.outputs(), m.talks(), lower(m.quadrant()), m.optedOut(), m.member().identities().stream()
                    .map(i -> new IdentityResponse(i.kind().apiName(), i.value())).toList());
        }
    }

    record IdentityResponse(String kind, String value) {
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
