package io.firstpin.insight;

import io.firstpin.insight.internal.LeaderQueries;
import io.firstpin.insight.internal.LeaderQueries.AttendanceTally;
import io.firstpin.insight.internal.LeaderQueries.Authored;
import io.firstpin.insight.internal.LeaderQueries.EventRow;
import io.firstpin.insight.internal.LeaderQueries.MemberAt;
import io.firstpin.insight.internal.LeaderQueries.Person;
import io.firstpin.insight.internal.LeaderQueries.RoleRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The one computation of love (docs/insight.md): per member, the sum over their activities at the scope's events of
 * the love window of weight × 0.5^(age / half-life). The leader candidates and the love-and-reach quadrant both read
 * it, so that a member's love is the same number on every page.
 */
@Component
class LoveScores {

    private static final String LIGHTNING_TALK = "LIGHTNING_TALK";
    private static final String CASE_STUDY = "CASE_STUDY";

    private final LeaderQueries queries;
    private final LoveSettings love;

    LoveScores(LeaderQueries queries, LoveSettings love) {
        this.queries = queries;
        this.love = love;
    }

    /**
     * Every member with an activity at the scope's events of the window ending {@code until}, staff and leaders
     * included, with love and its reasons; {@code roles} are the scope's leader roles (organizing counts).
     */
    Scores of(Collection<Long> communityIds, List<RoleRow> roles, Instant until, ZoneId zone) {
        Instant since = until.minus(love.window());
        List<EventRow> events = queries.events(communityIds, since, until);
        Map<Long, EventRow> byId = events.stream().collect(Collectors.toMap(EventRow::id, Function.identity()));
        Set<Long> recent = events.subList(Math.max(0, events.size() - love.recentEvents()), events.size()).stream()
                .map(EventRow::id).collect(Collectors.toSet());
        Map<Long, Tally> tallies = new HashMap<>();
        Map<Long, Double> attendWeights = events.stream()
                .collect(Collectors.toMap(EventRow::id, e -> weigh(love.attend(), e, until)));
        for (AttendanceTally a : queries.attendance(communityIds, since, until, attendWeights, recent)) {
            Tally t = tallies.computeIfAbsent(a.memberId(), Tally::new);
            t.attended += a.attended();
            t.attendedRecent += a.attendedRecent();
            t.love += a.weight();
        }
        for (MemberAt s : queries.speakers(communityIds, LIGHTNING_TALK, since, until)) {
            Tally t = tallies.computeIfAbsent(s.memberId(), Tally::new);
            t.lightningTalks++;
            t.love += weigh(love.lightningTalk(), byId.get(s.eventId()), until);
        }
        for (MemberAt s : queries.speakers(communityIds, CASE_STUDY, since, until)) {
            Tally t = tallies.computeIfAbsent(s.memberId(), Tally::new);
            t.caseStudies++;
            t.love += weigh(love.caseStudy(), byId.get(s.eventId()), until);
        }
        // an output linked to several events counts once, at the latest of them
        Map<Long, Authored> outputs = new HashMap<>();
        for (Authored o : queries.outputs(communityIds, since, until)) {
            outputs.merge(o.outputId(), o, (a, b) -> later(byId, a, b));
        }
        for (Authored o : outputs.values()) {
            Tally t = tallies.computeIfAbsent(o.memberId(), Tally::new);
            t.outputs++;
            t.love += weigh(love.output(), byId.get(o.eventId()), until);
        }
        for (EventRow event : events) {
            LocalDate day = event.startsAt().atZone(zone).toLocalDate();
            roles.stream().filter(r -> r.communityId() == event.communityId() && r.activeOn(day))
                    .map(RoleRow::memberId).distinct()
                    .forEach(member -> {
                        Tally t = tallies.computeIfAbsent(member, Tally::new);
                        t.organized++;
                        t.love += weigh(love.organize(), event, until);
                    });
        }
        return new Scores(tallies, recent.size());
    }

    private double weigh(double weight, EventRow event, Instant until) {
        double ageDays = Duration.between(event.startsAt(), until).toSeconds() / 86_400.0;
        double halfLifeDays = love.halfLife().toSeconds() / 86_400.0;
        return weight * Math.pow(0.5, Math.max(0, ageDays) / halfLifeDays);
    }

    private static Authored later(Map<Long, EventRow> byId, Authored a, Authored b) {
        Comparator<Authored> order = Comparator.comparing((Authored o) -> byId.get(o.eventId()).startsAt())
                .thenComparingLong(Authored::eventId);
        return order.compare(a, b) >= 0 ? a : b;
    }

    /** The members' tallies by member id, and how many events "the last events" of the reasons are. */
    record Scores(Map<Long, Tally> tallies, int recentEvents) {
    }

    /** One member's love and what it is made of. */
    static final class Tally {

        private final long memberId;
        private double love;
        private int attended;
        private int attendedRecent;
        private int lightningTalks;
        private int caseStudies;
        private int outputs;
        private int organized;

        Tally(long memberId) {
            this.memberId = memberId;
        }

        long memberId() {
            return memberId;
        }

        /** Love, rounded to 2 decimals as shown everywhere. */
        double love() {
            return BigDecimal.valueOf(love).setScale(2, RoundingMode.HALF_UP).doubleValue();
        }

        int lightningTalks() {
            return lightningTalks;
        }

        int caseStudies() {
            return caseStudies;
        }

        int outputs() {
            return outputs;
        }

        LeaderCandidate candidate(Person person, int recentEvents) {
            return new LeaderCandidate(memberId, person.displayName(), person.staff(), love(), attendedRecent,
                    recentEvents, attended, lightningTalks, caseStudies, outputs, organized);
        }
    }
}
