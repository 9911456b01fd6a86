package io.firstpin.leadership;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.leadership.internal.LeaderRoleRepository;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appoints members as leaders of a community and steps them down. A member holds at most one role in a community on
 * any day: appointments for one community are decided one at a time under a lock on the community's row, so two
 * concurrent ones cannot both pass the overlap check.
 */
@Service
public class LeaderRoles {

    private final LeaderRoleRepository roles;
    private final Members members;
    private final Communities communities;
    private final LeadershipSettings settings;
    private final Clock clock;

    LeaderRoles(LeaderRoleRepository roles, Members members, Communities communities, LeadershipSettings settings,
            Clock clock) {
        this.roles = roles;
        this.settings = settings;
        this.members = members;
        this.communities = communities;
        this.clock = clock;
    }

    /**
     * Makes the member of the community's organization a leader from {@code startedOn}; with {@code endedOn}, records a
     * past leader. A role of the same member there sharing a day with it answers 409.
     */
    @Transactional
    public Leader appoint(Community community, long memberId, LocalDate startedOn, LocalDate endedOn) {
        Member member = members.inOrganization(community.organizationId(), memberId);
        LeaderRole role = LeaderRole.appoint(community.organizationId(), community.id(), member.id(), startedOn,
                endedOn, clock.instant());
        communities.holdForChange(community);
        boolean overlapping = roles.findByCommunityIdAndMemberId(community.id(), member.id()).stream()
                .anyMatch(other -> other.overlaps(role.startedOn(), role.endedOn()));
        if (overlapping) {
            throw new ConflictException("memberId", "leader.overlap", member.displayName());
        }
        return new Leader(roles.save(role), member.displayName(), member.staff());
    }

    /** Ends the role on {@code lastDay}, the last day the member holds it. */
    @Transactional
    public Leader stepDown(Community community, long roleId, LocalDate lastDay) {
        LeaderRole role = roles.findByOrganizationIdAndCommunityIdAndId(community.organizationId(), community.id(),
                roleId).orElseThrow(() -> NotFoundException.of("leader role", roleId));
        role.stepDown(lastDay);
        Member member = members.inOrganization(community.organizationId(), role.memberId());
        return new Leader(roles.save(role), member.displayName(), member.staff());
    }

    /** Every role of the community, current and past, the latest appointment first. */
    @Transactional(readOnly = true)
    public List<Leader> history(Community community) {
        List<LeaderRole> all = roles.findByCommunityIdOrderByStartedOnDescIdDesc(community.id());
        Map<Long, Member> people = members.inOrganization(community.organizationId(),
                        all.stream().map(LeaderRole::memberId).distinct().toList())
                .stream().collect(Collectors.toMap(Member::id, Function.identity()));
        return all.stream()
                .map(role -> new Leader(role, people.get(role.memberId()).displayName(),
                        people.get(role.memberId()).staff()))
                .toList();
    }

    /** The leaders holding their role on {@code day}, the longest-serving first. */
    @Transactional(readOnly = true)
    public List<Leader> activeOn(Community community, LocalDate day) {
        return history(community).stream()
                .filter(leader -> leader.role().activeOn(day))
                .sorted(Comparator.comparing((Leader leader) -> leader.role().startedOn())
                        .thenComparing(leader -> leader.role().id()))
                .toList();
    }

    /** How many active leaders a community should have (configurable, 3 by default). */
    public int target() {
        return settings.target();
    }

    /** How the bench of {@code active} leaders stands against the target. */
    public BenchStatus status(int active) {
        return BenchStatus.of(active, settings.target());
    }

    /** Today in the community's time zone. */
    public LocalDate today(Community community) {
        return LocalDate.now(clock.withZone(community.timeZone()));
    }

    /** A role with who holds it. */
    public record Leader(LeaderRole role, String displayName, boolean staff) {
    }
}
