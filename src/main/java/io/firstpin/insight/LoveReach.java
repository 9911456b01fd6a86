package io.firstpin.insight;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.insight.internal.LeaderQueries;
import io.firstpin.insight.internal.LeaderQueries.Person;
import io.firstpin.member.Audiences;
import io.firstpin.member.Reach;
import io.firstpin.platform.Medians;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Love and reach as two axes (docs/insight.md): love as {@link LoveScores} computes it for the leader candidates,
 * reach as the member module's {@link Audiences} knows it, and the quadrant they put each member in.
 */
@Service
public class LoveReach {

    private static final Comparator<LoveAndReach.Standing> BY_LOVE = Comparator
            .comparingDouble(LoveAndReach.Standing::love).reversed()
            .thenComparing(s -> s.reach() == null ? -1L : s.reach(), Comparator.reverseOrder())
            .thenComparingLong(LoveAndReach.Standing::memberId);

    private final CommunityKpis kpis;
    private final Communities communities;
    private final LeaderQueries queries;
    private final LoveScores loveScores;
    private final Audiences audiences;
    private final QuadrantSettings settings;
    private final Clock clock;
    private final Attendees attendees;

    LoveReach(CommunityKpis kpis, Communities communities, LeaderQueries queries, LoveScores loveScores,
            Audiences audiences, QuadrantSettings settings, Clock clock, Attendees attendees) {
        this.attendees = attendees;
        this.kpis = kpis;
        this.communities = communities;
        this.queries = queries;
        this.loveScores = loveScores;
        this.audiences = audiences;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Every member with love for the community (with its branches) at the end of the period: placed by love and
     * reach, or apart when staff or when their reach is unknown.
     */
    public LoveAndReach of(Community community, boolean withBranches, Period period) {
        attendees.catchUp();
        List<Long> ids = (withBranches ? kpis.tree(community) : List.of(community)).stream().map(Community::id)
                .toList();
        ZoneId zone = community.timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate on = period.to().isAfter(today) ? today : period.to();
        Instant until = period.end(zone).isBefore(clock.instant()) ? period.end(zone) : clock.instant();
        Map<Long, LoveScores.Tally> tallies = loveScores.of(ids, queries.roles(ids), until, zone).tallies();
        Map<Long, Person> people = queries.people(tallies.keySet()).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        Map<Long, Reach> reach = audiences.reachOf(community.organizationId(), people.keySet(), on);
        List<LoveAndReach.Standing> known = new ArrayList<>();
        List<LoveAndReach.Standing> unknown = new ArrayList<>();
        List<LoveAndReach.Standing> staff = new ArrayList<>();
        for (Person person : people.values()) {
            Long total = reach.get(person.id()).total();
            LoveAndReach.Standing standing = new LoveAndReach.Standing(person.id(), person.displayName(),
                    person.staff(), tallies.get(person.id()).love(), total, null);
            (person.staff() ? staff : total == null ? unknown : known).add(standing);
        }
        LoveAndReach.Thresholds thresholds = new LoveAndReach.Thresholds(
                settings.love() != null ? settings.love() : Medians.of(known.stream().map(LoveAndReach.Standing::love)
                        .toList()).orElse(0),
                settings.reach() != null ? settings.reach() : Medians.of(known.stream()
                        .map(s -> s.reach().doubleValue()).toList()).orElse(0),
                settings.love() == null, settings.reach() == null);
        return new LoveAndReach(community.id(), withBranches, period, on, thresholds,
                placed(known, thresholds), sorted(unknown), placed(staff, thresholds));
    }

    /** How many members each quadrant's table lists. */
    public int top() {
        return settings.top();
    }

    /**
     * Where the member stands in each community (on its own) they have love for, over the last twelve months: for
     * the member page.
     */
    public List<CommunityStanding> ofMember(long organizationId, long memberId) {
        attendees.catchUp();
        Set<Long> theirs = queries.communitiesOf(memberId);
        List<CommunityStanding> standings = new ArrayList<>();
        for (Community community : communities.list(organizationId)) {
            if (!theirs.contains(community.id())) {
                continue;
            }
            LoveAndReach scope = of(community, false, Period.lastTwelveMonths(kpis.today(community)));
            scope.of(memberId).ifPresent(s -> standings.add(new CommunityStanding(community.slug(), community.name(),
                    s)));
        }
        return standings;
    }

    private static List<LoveAndReach.Standing> placed(List<LoveAndReach.Standing> members,
            LoveAndReach.Thresholds thresholds) {
        return sorted(members.stream().map(s -> s.reach() == null ? s : new LoveAndReach.Standing(s.memberId(),
                s.displayName(), s.staff(), s.love(), s.reach(), Quadrant.of(thresholds.highLove(s.love()),
                        thresholds.highReach(s.reach())))).toList());
    }

    private static List<LoveAndReach.Standing> sorted(List<LoveAndReach.Standing> members) {
        return members.stream().sorted(BY_LOVE).toList();
    }

    /** The middle value, or the mean of the two middle ones; 0 for none. */

    /** A member's place in one community, for the member page. */
    public record CommunityStanding(String communitySlug, String communityName, LoveAndReach.Standing standing) {
    }
}
