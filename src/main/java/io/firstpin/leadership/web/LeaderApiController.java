package io.firstpin.leadership.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.leadership.LeaderRoles;
import io.firstpin.leadership.LeaderRoles.Leader;
import io.firstpin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/communities/{slug}/leaders")
@Tag(name = "Leaders")
class LeaderApiController {

    private final Communities communities;
    private final LeaderRoles leaders;
    private final AccessGuard access;

    LeaderApiController(Communities communities, LeaderRoles leaders, AccessGuard access) {
        this.communities = communities;
        this.leaders = leaders;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Every leader role of the community, current and past, the latest appointment first")
    List<LeaderResponse> list(@PathVariable String slug) {
        Community community = community(slug);
        access.requireReader(community.organizationId(), community.id(), "community " + slug);
        LocalDate today = leaders.today(community);
        return leaders.history(community).stream().map(l -> LeaderResponse.of(l, today)).toList();
    }

    @PostMapping
    @Operation(summary = "Appoint a member as a leader from startedOn (with endedOn: record a past leader); "
            + "a role of the same member there sharing a day with it answers 409")
    ResponseEntity<LeaderResponse> appoint(@PathVariable String slug, @Valid @RequestBody AppointRequest request) {
        Community community = community(slug);
        access.requireLeader(community.organizationId(), community.id(), "community " + slug);
        access.requireMember(community.organizationId(), request.memberId(), Role.COMMUNITY_LEADER,
                "member " + request.memberId());
        Leader leader = leaders.appoint(community, request.memberId(), request.startedOn(), request.endedOn());
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/leaders/" + leader.role().id()))
                .body(LeaderResponse.of(leader, leaders.today(community)));
    }

    @PostMapping("/{id}/step-down")
    @Operation(summary = "End a leader role; endedOn is the last day held, not before startedOn")
    LeaderResponse stepDown(@PathVariable String slug, @PathVariable long id,
            @Valid @RequestBody StepDownRequest request) {
        Community community = community(slug);
        access.requireLeader(community.organizationId(), community.id(), "community " + slug);
        return LeaderResponse.of(leaders.stepDown(community, id, request.endedOn()), leaders.today(community));
    }

    private Community community(String slug) {
        return communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
    }

    record AppointRequest(@NotNull Long memberId, @NotNull LocalDate startedOn, LocalDate endedOn) {
    }

    record StepDownRequest(@NotNull LocalDate endedOn) {
    }

    record LeaderResponse(long id, long memberId, String displayName, boolean staff, LocalDate startedOn,
            LocalDate endedOn, boolean active, long tenureDays) {

        static LeaderResponse of(Leader leader, LocalDate today) {
            return new LeaderResponse(leader.role().id(), leader.role().memberId(), leader.displayName(),
                    leader.staff(), leader.role().startedOn(), leader.role().endedOn(),
                    leader.role().activeOn(today), leader.role().tenureDays(today));
        }
    }
}
