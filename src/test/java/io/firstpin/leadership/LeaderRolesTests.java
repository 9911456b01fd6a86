package io.firstpin.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@DatabaseTest
@SpringBootTest
class LeaderRolesTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Members members;
    @Autowired
    LeaderRoles leaders;

    Organization organization;
    Community community;
    long alice;

    @BeforeEach
    void aCommunityAndAMember() {
        String slug = "roles-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Roles");
        community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 札幌", null, null, "Asia/Tokyo"), null);
        alice = members.register(organization.id(), "Alice", List.of()).id();
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void anAppointedMemberLeadsFromTheFirstDayUntilSteppingDown() {
        LeaderRoles.Leader appointed = leaders.appoint(community, alice, day("2025-04-01"), null);
        LeaderRoles.Leader stepped = leaders.stepDown(community, appointed.role().id(), day("2026-03-31"));

        assertThat(stepped.role().activeOn(day("2025-04-01"))).isTrue();
        assertThat(stepped.role().activeOn(day("2026-03-31"))).isTrue();
        assertThat(stepped.role().activeOn(day("2026-04-01"))).isFalse();
        assertThat(stepped.role().tenureDays(day("2030-01-01"))).isEqualTo(364);
        assertThat(leaders.history(community)).extracting(LeaderRoles.Leader::displayName).containsExactly("Alice");
    }

    @Test
    void aMemberCannotHoldTwoRolesInOneCommunityOnTheSameDay() {
        leaders.appoint(community, alice, day("2025-04-01"), day("2025-12-31"));

        assertThatThrownBy(() -> leaders.appoint(community, alice, day("2025-12-31"), null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> leaders.appoint(community, alice, day("2024-01-01"), day("2025-04-01")))
                .isInstanceOf(ConflictException.class);
        assertThat(leaders.appoint(community, alice, day("2026-01-01"), null).role().activeOn(day("2026-01-01")))
                .isTrue();
    }

    @Test
    void aRoleEndsOnceAndNeverBeforeItStarted() {
        long role = leaders.appoint(community, alice, day("2025-04-01"), null).role().id();

        assertThatThrownBy(() -> leaders.stepDown(community, role, day("2025-03-31")))
                .isInstanceOf(InvalidInputException.class);
        leaders.stepDown(community, role, day("2025-04-01"));
        assertThatThrownBy(() -> leaders.stepDown(community, role, day("2025-05-01")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> leaders.appoint(community, alice, day("2025-05-01"), day("2025-04-30")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aMemberOrRoleOfAnotherOrganizationIsNotFound() {
        Organization other = organizations.found(new Slug("roles-other-" + System.nanoTime()), "Other");
        long stranger = members.register(other.id(), "Stranger", List.of()).id();
        Community theirs = communities.start(other.id(), new Slug("roles-theirs-" + System.nanoTime()),
                CommunityProfile.of("Theirs", null, null, "Asia/Tokyo"), null);
        long theirRole = leaders.appoint(theirs, stranger, day("2025-01-01"), null).role().id();

        assertThatThrownBy(() -> leaders.appoint(community, stranger, day("2025-01-01"), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> leaders.stepDown(community, theirRole, day("2025-02-01")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theBenchIsFlaggedWithNoLeaderOrOneAlone() {
        assertThat(BenchStatus.of(0, 3)).isEqualTo(BenchStatus.NO_LEADER);
        assertThat(BenchStatus.of(1, 3)).isEqualTo(BenchStatus.ONE_PERSON_OPERATION);
        assertThat(BenchStatus.of(2, 3)).isEqualTo(BenchStatus.BELOW_TARGET);
        assertThat(BenchStatus.of(4, 3)).isEqualTo(BenchStatus.AT_TARGET);
        assertThat(leaders.target()).isEqualTo(3);
    }
}
