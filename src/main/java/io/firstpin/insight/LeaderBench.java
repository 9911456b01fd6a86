package io.firstpin.insight;

import io.firstpin.leadership.BenchStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * The leaders of a scope on {@code on} (the period's last day, or today while the period runs), and how often roles
 * changed in the period.
 *
 * @param activeLeaders members holding a role in any community of the scope on {@code on}
 * @param roleStarts roles of the scope that started in the period
 * @param roleEnds roles of the scope whose last day was in the period
 * @param rotationsPerYear (starts + ends) per 365 days of the period, 2 decimals
 */
public record LeaderBench(LocalDate on, int target, int activeLeaders, BenchStatus status, int roleStarts,
        int roleEnds, double rotationsPerYear, List<CommunityBench> communities) {

    public LeaderBench {
        communities = List.copyOf(communities);
    }

    /** One community of the scope: its active leaders with their tenure, and its role changes in the period. */
    public record CommunityBench(long communityId, String slug, String name, List<Tenure> leaders, BenchStatus status,
            int roleStarts, int roleEnds, double rotationsPerYear) {

        public CommunityBench {
            leaders = List.copyOf(leaders);
        }

        public int activeLeaders() {
            return leaders.size();
        }
    }

    /** @param days days from the first day of the role to {@code on}; {@code months} the whole months of them */
    public record Tenure(long memberId, String displayName, boolean staff, LocalDate startedOn, long days,
            long months) {
    }
}
