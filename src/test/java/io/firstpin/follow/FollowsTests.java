package io.firstpin.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.member.EmailTopic;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.Members;
import io.firstpin.mypage.PreferenceChoices;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@DatabaseTest
@SpringBootTest
@Import(MovableClock.Config.class)
class FollowsTests {

    @Autowired
    Follows follows;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Members members;
    @Autowired
    PreferenceChoices choices;
    @Autowired
    MovableClock clock;

    @Test
    void followersAreCountedOverTimeAndAFollowedCommunityOffersItsAnnouncementsAmongThePreferences() {
        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        String slug = "follow-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "Follow");
        Community tokyo = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        long hanako = members.register(organization.id(), "Hanako", List.of(IdentityInput.email(slug + "@example.com")))
                .id();
        long jiro = members.register(organization.id(), "Jiro", List.of()).id();
        Instant start = clock.instant();

        follows.follow(organization.id(), hanako, tokyo.id(), Locale.JAPANESE);
        follows.follow(organization.id(), hanako, tokyo.id(), Locale.JAPANESE);
        clock.advance(Duration.ofDays(1));
        follows.follow(organization.id(), jiro, tokyo.id(), Locale.JAPANESE);
        clock.advance(Duration.ofDays(1));
        follows.unfollow(organization.id(), jiro, tokyo.id());
        clock.advance(Duration.ofDays(1));
        Organization other = organizations.found(new Slug(slug + "-other"), "Other");

        assertThat(List.of(follows.followersAt(tokyo.id(), start.minusSeconds(1)),
                follows.followersAt(tokyo.id(), start), follows.followersAt(tokyo.id(), start.plus(Duration.ofDays(1))),
                follows.followersAt(tokyo.id(), clock.instant()))).containsExactly(0, 1, 2, 1);
        assertThat(follows.followedBy(organization.id(), hanako)).containsExactly(tokyo.id());
        assertThat(follows.followedBy(organization.id(), jiro)).isEmpty();
        assertThat(choices.of(organization.id(), hanako)).extracting(PreferenceChoices.Choice::topic)
                .contains(EmailTopic.announcementsOf(tokyo.id()));
        assertThatThrownBy(() -> follows.follow(other.id(), hanako, tokyo.id(), Locale.JAPANESE))
                .isInstanceOf(NotFoundException.class);
    }
}
