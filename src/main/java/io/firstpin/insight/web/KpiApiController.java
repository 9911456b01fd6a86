package io.firstpin.insight.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.AccessGuard;
import io.firstpin.insight.Cohort;
import io.firstpin.insight.CommunityKpis;
import io.firstpin.insight.CommunityReport;
import io.firstpin.insight.EventKpis;
import io.firstpin.insight.Footprint;
import io.firstpin.insight.LeaderInsights;
import io.firstpin.insight.LeaderReport;
import io.firstpin.insight.OutputImpact;
import io.firstpin.insight.OutputImpacts;
import io.firstpin.insight.Period;
import io.firstpin.insight.SelfRunning;
import io.firstpin.platform.DateTimes;
import io.firstpin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "KPIs")
class KpiApiController {

    private final Communities communities;
    private final CommunityKpis kpis;
    private final AccessGuard access;
    private final LeaderInsights leaders;
    private final OutputImpacts impacts;

    KpiApiController(Communities communities, CommunityKpis kpis, AccessGuard access, LeaderInsights leaders,
            OutputImpacts impacts) {
        this.leaders = leaders;
        this.communities = communities;
        this.kpis = kpis;
        this.access = access;
        this.impacts = impacts;
    }

    @GetMapping("/communities/{slug}/kpis")
    @Operation(summary = "The community's KPIs over a period (dates inclusive, in the community's time zone; "
            + "default: the last 12 months), optionally with all its branches")
    KpiResponse kpis(@PathVariable String slug, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean includeBranches) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        access.requireAdmin(community.organizationId(), community.id(), "community " + slug);
        Period period = Period.parse(from, to, kpis.today(community));
        CommunityReport report = kpis.report(community, includeBranches, period);
        return KpiResponse.of(report, leaders.report(community, includeBranches, period), impacts.of(report));
    }

    /**
     * {@code outputs}: the outputs linked to the period's events, an output linked to two events counting for each;
     * {@code communityOutputs} and {@code mediaArticles} count each output once.
     * The leader fields follow docs/insight.md: leaders on the period's last day (today while it runs), the
     * self-running index over the events whose organizers are known, null when there is none.
     */
    record KpiResponse(String community, LocalDate from, LocalDate to, boolean includeBranches, int events,
            int uniqueParticipants, int repeaters, Integer outputs, int staffParticipants, BandResponse newcomerBand,
            List<EventResponse> perEvent, List<CohortResponse> cohorts, FootprintResponse footprint,
            int activeLeaders, int leaderTarget, String leaderBench, double leaderRotationsPerYear,
            Double selfRunningIndex, int selfRunEvents, int staffRunEvents, int unknownOrganizerEvents,
            List<SelfRunningQuarterResponse> selfRunningPerQuarter,
            int communityOutputs, int mediaArticles, Double communityToMediaRatio) {

        static KpiResponse of(CommunityReport report, LeaderReport leaders, OutputImpact impact) {
            SelfRunning.Counts selfRun = leaders.selfRunning().total();
            Map<Long, String> slugs = report.footprint().communities().stream()
                    .collect(Collectors.toMap(Footprint.CommunityPace::communityId, Footprint.CommunityPace::slug));
            return new KpiResponse(report.community().slug(), report.period().from(), report.period().to(),
                    report.withBranches(), report.events().size(), report.participation().uniqueParticipants(),
                    report.participation().repeaters(), report.events().stream().mapToInt(EventKpis::outputs).sum(),
                    report.participation().staffParticipants(),
                    new BandResponse(report.newcomerBand().min(), report.newcomerBand().max()),
                    report.events().stream().map(e -> EventResponse.of(e, report, slugs, impact)).toList(),
                    report.cohorts().stream().map(CohortResponse::of).toList(),
                    FootprintResponse.of(report.footprint()),
                    leaders.bench().activeLeaders(), leaders.bench().target(), leaders.bench().status().apiName(),
                    leaders.bench().rotationsPerYear(), selfRun.index(), selfRun.selfRun(), selfRun.staffRun(),
                    selfRun.unknown(), leaders.selfRunning().quarters().stream()
                            .map(q -> new SelfRunningQuarterResponse(q.quarter(), q.counts().selfRun(),
                                    q.counts().staffRun(), q.counts().unknown(), q.counts().index()))
                            .toList(),
                    impact.communityOutputs(), impact.mediaArticles(), impact.communityToMediaRatio());
        }
    }

    record SelfRunningQuarterResponse(String quarter, int selfRun, int staffRun, int unknown, Double index) {
    }

    record BandResponse(double min, double max) {
    }

    record EventResponse(long id, String title, OffsetDateTime startsAt, String community, int attendees,
            String attendanceBy, int newcomers, int newToOrganization, Double newcomerRatio,
            Integer returningFromPrevious, Double returnRate,
            Integer outputs, Integer outputAuthors, Double noShowRate, int staffAttendees, String newcomerBand,
            int attendeeAuthors, Double outputRate, Integer burstPeakDay, int burstPeak, Integer decayDays) {

        static EventResponse of(EventKpis e, CommunityReport report, Map<Long, String> slugs, OutputImpact impact) {
            OutputImpact.EventImpact outputs = impact.of(e.id()).orElseThrow();
            return new EventResponse(e.id(), e.title(), DateTimes.at(e.startsAt(), report.zone()),
                    slugs.get(e.communityId()), e.attendees(), e.attendanceBy().apiName(), e.newcomers(),
                    e.newToOrganization(), e.newcomerRatio(), e.returningFromPrevious(), e.returnRate(), e.outputs(),
                    e.outputAuthors(), e.noShowRate(),
                    e.staffAttendees(), e.against(report.newcomerBand()).name().toLowerCase(Locale.ROOT),
                    outputs.attendeeAuthors(), outputs.outputRate(), outputs.peakDay(), outputs.peak(),
                    outputs.decayDays());
        }
    }

    record CohortResponse(String month, int members, List<RetentionResponse> retention) {

        static CohortResponse of(Cohort cohort) {
            return new CohortResponse(cohort.month().toString(), cohort.members(), cohort.retention().stream()
                    .map(r -> new RetentionResponse(r.months(), r.returned(), r.share())).toList());
        }
    }

    record RetentionResponse(int months, Integer returned, Double share) {
    }

    record FootprintResponse(List<Footprint.QuarterCount> eventsPerQuarter, List<String> prefectures, int cities,
            int online, List<PaceResponse> communities) {

        static FootprintResponse of(Footprint footprint) {
            return new FootprintResponse(footprint.eventsPerQuarter(), footprint.prefectureCodes(), footprint.cities(),
                    footprint.online(), footprint.communities().stream().map(PaceResponse::of).toList());
        }
    }

    record PaceResponse(String slug, String name, boolean branch, int events, Double medianDaysBetweenEvents,
            Long daysFromCreationToFirstEvent) {

        static PaceResponse of(Footprint.CommunityPace pace) {
            return new PaceResponse(pace.slug(), pace.name(), pace.branch(), pace.events(),
                    pace.medianDaysBetweenEvents(), pace.daysFromCreationToFirstEvent());
        }
    }
}
