package io.firstpin.registration.web;

import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.Role;
import io.firstpin.platform.DateTimes;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Lotteries;
import io.firstpin.registration.LotteryDraw;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff draw a lottery frame once its lottery time has passed, and audit a recorded draw. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registration")
class LotteryApiController {

    private final Lotteries lotteries;
    private final Events events;
    private final Communities communities;
    private final VisibleEvents visibleEvents;

    LotteryApiController(Lotteries lotteries, Events events, Communities communities, VisibleEvents visibleEvents) {
        this.lotteries = lotteries;
        this.events = events;
        this.communities = communities;
        this.visibleEvents = visibleEvents;
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
            @Schema(description = "How many took part") int applicants,
            @Schema(description = "How many were confirmed: the first ones of drawOrder") int winners,
            @Schema(description = "The registration ids that took part, ascending: the shuffle's input")
            List<Long> applicantIds,
            @Schema(description = "The shuffle's output: winners first, then the waitlist in order")
            List<Long> drawOrder) {

        static DrawResponse of(LotteryDraw draw, ZoneId zone) {
            return new DrawResponse(draw.frameId(), Long.toString(draw.seed()), draw.algorithm(),
                    DateTimes.at(draw.drawnAt(), zone), draw.applicants(), draw.winners(), draw.applicantIds(),
                    draw.drawOrder());
        }
    }
}
