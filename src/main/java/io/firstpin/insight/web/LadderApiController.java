package io.firstpin.insight.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.AccessGuard;
import io.firstpin.insight.CommunityKpis;
import io.firstpin.insight.Ladder;
import io.firstpin.insight.LadderReport;
import io.firstpin.insight.Period;
import io.firstpin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ladder call of docs/api.md: the same {@link Ladder} as the dashboard's section and its CSV. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "KPIs")
class LadderApiController {

    private final Communities communities;
    private final CommunityKpis kpis;
    private final Ladder ladder;
    private final AccessGuard access;

    LadderApiController(Communities communities, CommunityKpis kpis, Ladder ladder, AccessGuard access) {
        this.communities = communities;
        this.kpis = kpis;
        this.ladder = ladder;
        this.access = access;
    }

    @GetMapping("/communities/{slug}/ladder")
    @Operation(summary = "The community's ladder (attendee → repeater → output author → LT speaker → case-study "
            + "speaker → organizer) as it stood at the end of the period (dates inclusive, in the community's time "
            + "zone; default: the last 12 months), optionally with all its branches, and who is ready for the next "
            + "step")
    LadderResponse ladder(@PathVariable String slug, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean includeBranches) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        access.requireAdmin(community.organizationId(), "community " + slug);
        Period period = Period.parse(from, to, kpis.today(community));
        return LadderResponse.of(ladder.of(community, includeBranches, period));
    }

    record LadderResponse(String community, LocalDate from, LocalDate to, boolean includeBranches,
            List<StepResponse> steps, List<ReadyResponse> ready) {

        static LadderResponse of(LadderReport report) {
            return new LadderResponse(report.community().slug(), report.period().from(), report.period().to(),
                    report.withBranches(), report.rungs().stream().map(StepResponse::of).toList(),
                    report.ready().stream().map(ReadyResponse::of).toList());
        }
    }

    record StepResponse(String step, int members, int reachedInPeriod, int staff, Double conversionFromPrevious,
            Double medianDaysFromPrevious, int skippedPrevious, int previousLater) {

        static StepResponse of(LadderReport.Rung rung) {
            return new StepResponse(rung.step().apiName(), rung.members(), rung.reachedInPeriod(), rung.staff(),
                    rung.conversionFromPrevious(), rung.medianDaysFromPrevious(), rung.skippedPrevious(),
                    rung.previousLater());
        }
    }

    record ReadyResponse(String step, String next, int total, List<ReadyMemberResponse> members) {

        static ReadyResponse of(LadderReport.ReadyList list) {
            return new ReadyResponse(list.reached().apiName(), list.next().apiName(), list.total(),
                    list.members().stream().map(m -> new ReadyMemberResponse(m.memberId(), m.displayName(),
                            m.eventsAttended(), m.lastActiveOn())).toList());
        }
    }

    record ReadyMemberResponse(long id, String displayName, int eventsAttended, LocalDate lastActiveOn) {
    }
}
