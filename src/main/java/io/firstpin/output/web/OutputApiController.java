package io.firstpin.output.web;

import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Actor;
import io.firstpin.identity.Role;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.output.EventOutput;
import io.firstpin.output.FeedPoll;
import io.firstpin.output.MemberFeed;
import io.firstpin.output.MemberFeeds;
import io.firstpin.output.Output;
import io.firstpin.output.OutputSubmission;
import io.firstpin.output.Outputs;
import io.firstpin.output.ReportReviews;
import io.firstpin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Outputs")
class OutputApiController {

    static final String MANAGE_TOKEN = "X-Manage-Token";

    private final Outputs outputs;
    private final MemberFeeds feeds;
    private final Members members;
    private final Organizations organizations;
    private final AccessGuard access;
    private final VisibleEvents visibleEvents;
    private final ReportReviews reviews;

    OutputApiController(Outputs outputs, MemberFeeds feeds, Members members, Organizations organizations,
            AccessGuard access, VisibleEvents visibleEvents, ReportReviews reviews) {
        this.reviews = reviews;
        this.outputs = outputs;
        this.feeds = feeds;
        this.members = members;
        this.organizations = organizations;
        this.access = access;
        this.visibleEvents = visibleEvents;
    }

    @PostMapping("/events/{id}/outputs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an output to an event: staff with an API token, or a registrant with X-Manage-Token "
            + "(then they are its author). The same address twice for one event: 409")
    OutputResponse submit(@PathVariable long id, @Valid @RequestBody OutputRequest request,
            @RequestHeader(name = MANAGE_TOKEN, required = false) String manageToken) {
        OutputSubmission submission = new OutputSubmission(request.url(), request.type(), request.title(),
                request.authorEmail());
        Output output;
        if (manageToken != null) {
            output = outputs.submitByRegistrant(manageToken, id, submission);
        } else {
            long organizationId = organizationOfEvent(id, Role.COMMUNITY_LEADER);
            output = outputs.submitByStaff(organizationId, id, submission);
        }
        return outputs.ofEvent(output.organizationId(), id).stream()
                .filter(entry -> entry.output().id().equals(output.id()))
                .findFirst()
                .map(OutputResponse::of)
                .orElseThrow();
    }

    @GetMapping("/events/{id}/outputs")
    @Operation(summary = "The outputs linked to an event, newest first, with how each was linked")
    List<OutputResponse> list(@PathVariable long id) {
        long organizationId = organizationOfEvent(id, Role.VIEWER);
        return outputs.ofEvent(organizationId, id).stream().map(OutputResponse::of).toList();
    }

    @DeleteMapping("/events/{id}/outputs/{outputId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unlink an output from an event; the linking rules will not link it again")
    void unlink(@PathVariable long id, @PathVariable long outputId) {
        long organizationId = organizationOfEvent(id, Role.COMMUNITY_LEADER);
        outputs.unlink(organizationId, id, outputId);
    }

    @PutMapping("/events/{id}/outputs/{outputId}")
    @Operation(summary = "Link an output of the organization to an event by hand (linkedBy: manual)")
    OutputResponse relink(@PathVariable long id, @PathVariable long outputId) {
        long organizationId = organizationOfEvent(id, Role.COMMUNITY_LEADER);
        Output output = outputs.relink(organizationId, id, outputId);
        return OutputResponse.of(outputs.ofEvent(organizationId, id).stream()
                .filter(entry -> entry.output().id().equals(output.id())).findFirst().orElseThrow());
    }

    @PostMapping("/events/{id}/outputs/{outputId}/approval")
    @Operation(summary = "Approve a report a registrant or member submitted: the public event page lists it and the KPIs "
            + "count it from now on (reject one by unlinking it)")
    OutputResponse approve(@PathVariable long id, @PathVariable long outputId) {
        long organizationId = organizationOfEvent(id, Role.COMMUNITY_LEADER);
        Output output = reviews.approve(organizationId, id, outputId);
        return OutputResponse.of(outputs.ofEvent(organizationId, id).stream()
                .filter(entry -> entry.output().id().equals(output.id())).findFirst().orElseThrow());
    }

    @PostMapping("/members/{id}/feeds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an RSS or Atom feed of this member's blog; it is read at once by the next poll")
    FeedResponse addFeed(@PathVariable long id, @Valid @RequestBody FeedRequest request) {
        Member member = memberForStaff(id);
        return FeedResponse.of(feeds.add(member.organizationId(), id, request.url()));
    }

    @GetMapping("/members/{id}/feeds")
    @Operation(summary = "A member's feeds with how polling them goes")
    List<FeedResponse> memberFeeds(@PathVariable long id) {
        Member member = memberForStaff(id);
        return feeds.ofMember(member.organizationId(), id).stream().map(FeedResponse::of).toList();
    }

    @PostMapping("/organizations/{org}/feeds/poll")
    @Operation(summary = "Poll every feed of the organization now")
    PollResponse poll(@PathVariable String org) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        FeedPoll poll = feeds.pollOrganization(organization.id());
        return new PollResponse(poll.feeds(), poll.newOutputs(), poll.failing());
    }

    private long organizationOfEvent(long eventId, Role minimum) {
        if (access.current() instanceof Actor.Anonymous) {
            throw new AuthenticationCredentialsNotFoundException("a manage token or an API token is needed");
        }
        return visibleEvents.open(eventId, minimum).organizationId();
    }

    private Member memberForStaff(long memberId) {
        Member member = members.findById(memberId).orElseThrow(() -> NotFoundException.of("member", memberId));
        access.requireMember(member.organizationId(), memberId, Role.COMMUNITY_LEADER, "member " + memberId);
        return member;
    }

    record OutputRequest(@NotBlank @Size(max = 2000) String url, @Size(max = 16) String type,
            @Size(max = 500) String title, @Size(max = 320) String authorEmail) {
    }

    /** {@code author} is the author's display name; never an email. */
    record OutputResponse(long id, String url, String type, String title, String author, Long authorId,
            Instant publishedAt, String linkedBy, Instant linkedAt, String site, boolean awaitingReview) {

        static OutputResponse of(EventOutput entry) {
            Output output = entry.output();
            return new OutputResponse(output.id(), output.url().url(), output.type().apiName(), output.title(),
                    entry.author(), output.authorMemberId(), output.publishedAt(), entry.link().linkedBy().apiName(),
                    entry.link().linkedAt(), output.site(), entry.link().awaitingReview());
        }
    }

    record FeedRequest(@NotBlank @Size(max = 2000) String url) {
    }

    /** {@code status}: {@code new} (not read yet), {@code ok}, or {@code failing} (with the last error). */
    record FeedResponse(long id, long memberId, String url, String status, int failures, String lastError,
            Instant lastPolledAt, Instant lastSuccessAt, Instant nextPollAt) {

        static FeedResponse of(MemberFeed feed) {
            String status = feed.failing() ? "failing" : feed.lastPolledAt() == null ? "new" : "ok";
            return new FeedResponse(feed.id(), feed.memberId(), feed.url(), status, feed.failures(), feed.lastError(),
                    feed.lastPolledAt(), feed.lastSuccessAt(), feed.nextPollAt());
        }
    }

    record PollResponse(int feeds, int newOutputs, int failing) {
    }
}
