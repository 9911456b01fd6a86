package io.firstpin.registration.web;

import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.platform.DateTimes;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Lotteries;
import io.firstpin.registration.LotteryDraw;
import io.firstpin.registration.Nomination;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff nominate applicants of a lottery frame before its draw, draw it once its lottery time has passed, and audit a
 * recorded draw.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registration")
class LotteryApiController {

    private final Lotteries lotteries;
    private final Events events;
    private final Communities communities;
    private final VisibleEvents visibleEvents;
    private final AccessGuard access;

    LotteryApiController(Lotteries lotteries, Events events, Communities communities, VisibleEvents visibleEvents,
            AccessGuard access) {
        this.lotteries = lotteries;
        this.events = events;
        this.communities = communities;
        this.visibleEvents = visibleEvents;
        this.access = access;
    }

    @PostMapping("/frames/{id}/draw")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draw a lottery frame now, without waiting for the scheduled draw; 409 before its lottery "
            + "time, if it is drawn already, or if it is not a lottery frame")
    DrawResponse draw(@PathVariable long id) {
        Frame frame = visibleEvents.frame(id, Role.COMMUNITY_LEADER);
        return DrawResponse.of(lotteries.drawNow(frame.organizationId(), id), zoneOf(frame));
    }

    @GetMapping("/frames/{id}/draw")
    @Operation(summary = "A frame's recorded draw, for audit: the seed and the applicants reproduce the drawn order "
            + "(ascending ids, shuffled by Fisher–Yates with java.util.Random(seed)); 404 while it is not drawn")
    DrawResponse audit(@PathVariable long id) {
        Frame frame = visibleEvents.frame(id, Role.VIEWER);
        LotteryDraw draw = lotteries.drawOf(frame.organizationId(), id)
                .orElseThrow(() -> new NotFoundException("frame " + id + " is not drawn yet"));
        return DrawResponse.of(draw, zoneOf(frame));
    }

    @GetMapping("/frames/{id}/nominations")
    @Operation(summary = "The applicants nominated (指名) to win the frame's lottery before the draw, in the order "
            + "they take seats")
    List<NominationResponse> nominations(@PathVariable long id) {
        Frame frame = visibleEvents.frame(id, Role.VIEWER);
        ZoneId zone = zoneOf(frame);
        return lotteries.nominations(frame.organizationId(), id).stream()
                .map(nomination -> NominationResponse.of(nomination, zone)).toList();
    }

    @PutMapping("/frames/{id}/nominations/{registrationId}")
    @Operation(summary = "Nominate (指名) an applicant of a lottery frame to win before the draw: nominees take seats "
            + "first, the others are drawn for the rest. Nominating again changes nothing; 409 once the frame is "
            + "drawn, when the registration no longer waits for the draw, or when every free seat is nominated")
    NominationResponse nominate(@PathVariable long id, @PathVariable long registrationId) {
        Frame frame = visibleEvents.frame(id, Role.COMMUNITY_LEADER);
        return NominationResponse.of(lotteries.nominate(frame.organizationId(), id, registrationId, access.current()),
                zoneOf(frame));
    }

    @DeleteMapping("/frames/{id}/nominations/{registrationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take a nomination back before the draw; 409 once the frame is drawn")
    void withdraw(@PathVariable long id, @PathVariable long registrationId) {
        Frame frame = visibleEvents.frame(id, Role.COMMUNITY_LEADER);
        lotteries.withdrawNomination(frame.organizationId(), id, registrationId);
    }

    private ZoneId zoneOf(Frame frame) {
        Event event = events.inOrganization(frame.organizationId(), frame.eventId());
        return communities.inOrganization(frame.organizationId(), event.communityId()).timeZone();
    }

    record DrawResponse(
            long frameId,
            @Schema(description = "A 64-bit integer, as a string: JavaScript numbers do not hold every one exactly")
            String seed,
            String algorithm,
            OffsetDateTime drawnAt,
            @Schema(description = "How many took part, the nominated included") int applicants,
            @Schema(description = "How many were confirmed: the first ones of drawOrder") int winners,
            @Schema(description = "Who was nominated (指名) before the draw and by whom, in the order they took seats")
            List<NominatedResponse> nominations,
            @Schema(description = "The registration ids drawn from, ascending, the nominated left out: the shuffle's "
                    + "input")
            List<Long> applicantIds,
            @Schema(description = "The nominees, then the shuffle's output: winners first, then the waitlist in order")
            List<Long> drawOrder) {

        static DrawResponse of(LotteryDraw draw, ZoneId zone) {
            List<NominatedResponse> nominated = IntStream.range(0, draw.nomineeIds().size())
                    .mapToObj(i -> new NominatedResponse(draw.nomineeIds().get(i), draw.nominatedBy().get(i)))
                    .toList();
            return new DrawResponse(draw.frameId(), Long.toString(draw.seed()), draw.algorithm(),
                    DateTimes.at(draw.drawnAt(), zone), draw.applicants(), draw.winners(), nominated,
                    draw.applicantIds(), draw.drawOrder());
        }
    }

    record NominatedResponse(long registrationId,
            @Schema(description = "The staff account or API token that nominated: \"account 12\", \"token 3\"")
            String nominatedBy) {
    }

    record NominationResponse(long registrationId,
            @Schema(description = "The staff account or API token that nominated: \"account 12\", \"token 3\"")
            String nominatedBy,
            OffsetDateTime nominatedAt) {

        static NominationResponse of(Nomination nomination, ZoneId zone) {
            return new NominationResponse(nomination.registrationId(), nomination.nominatedBy(),
                    DateTimes.at(nomination.nominatedAt(), zone));
        }
    }
}
