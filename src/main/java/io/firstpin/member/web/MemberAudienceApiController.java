package io.firstpin.member.web;

import io.firstpin.identity.Role;
import io.firstpin.member.Audience;
import io.firstpin.member.AudienceInput;
import io.firstpin.member.AudienceSource;
import io.firstpin.member.Audiences;
import io.firstpin.member.Reach;
import io.firstpin.member.VisibleMembers;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A member's outside audience per channel, and the reach it adds up to. */
@RestController
@RequestMapping("/api/v1/organizations/{org}/members/{id}/audience")
@Tag(name = "Members")
class MemberAudienceApiController {

    private static final int MAX_CHANNELS = 20;

    private final Organizations organizations;
    private final Audiences audiences;
    private final VisibleMembers visible;

    MemberAudienceApiController(Organizations organizations, Audiences audiences, VisibleMembers visible) {
        this.organizations = organizations;
        this.audiences = audiences;
        this.visible = visible;
    }

    @GetMapping
    @Operation(summary = "The member's latest known audience per channel and its reach (their sum; null when unknown)")
    ReachResponse get(@PathVariable String org, @PathVariable long id) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        visible.open(organization.id(), id, Role.VIEWER);
        return ReachResponse.of(audiences.reachOf(organization.id(), id));
    }

    @PutMapping
    @Operation(summary = "Record audience sizes of some channels as known on a day (today when asOf is left out); "
            + "channels not named keep what they had, and repeating a call changes nothing")
    ReachResponse put(@PathVariable String org, @PathVariable long id, @RequestBody AudienceRequest request) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visible.open(organization.id(), id, Role.COMMUNITY_LEADER);
        if (request == null || request.audiences() == null || request.audiences().isEmpty()) {
            throw InvalidInputException.of("audiences", "validation.required");
        }
        if (request.audiences().size() > MAX_CHANNELS) {
            throw InvalidInputException.of("audiences", "validation.audience.too-many", MAX_CHANNELS);
        }
        List<AudienceInput> inputs = request.audiences().stream()
                .map(a -> a == null ? new AudienceInput(null, null, null)
                        : new AudienceInput(a.channel(), a.size() == null ? null : a.size().toString(),
                                a.asOf() == null ? null : a.asOf().toString()))
                .toList();
        return ReachResponse.of(audiences.record(organization.id(), id, inputs, AudienceSource.API));
    }

    record AudienceRequest(List<ChannelAudience> audiences) {
    }

    record ChannelAudience(
            @Schema(description = "x, bluesky, github, feed, youtube or linkedin") String channel,
            @Schema(description = "followers or subscribers, a whole number of 0 or more") Long size,
            @Schema(description = "the day the size was true; today when left out") LocalDate asOf) {
    }

    record ReachResponse(@Schema(description = "the sum of the channels' latest sizes; null when none is known")
            Long reach, List<ChannelResponse> channels) {

        static ReachResponse of(Reach reach) {
            return new ReachResponse(reach.total(), reach.channels().stream().map(ChannelResponse::of).toList());
        }
    }

    record ChannelResponse(String channel, long size, LocalDate asOf, String source) {

        static ChannelResponse of(Audience audience) {
            return new ChannelResponse(audience.channel().apiName(), audience.size(), audience.asOf(),
                    audience.source().name().toLowerCase(Locale.ROOT));
        }
    }
}
