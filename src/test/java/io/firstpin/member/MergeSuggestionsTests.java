package io.firstpin.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;

@DatabaseTest
@SpringBootTest
class MergeSuggestionsTests {

    @Autowired
    MergeSuggestions suggestions;
    @Autowired
    MemberMerges merges;
    @Autowired
    Members members;
    @Autowired
    MemberImports imports;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;


    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DSLContext db;

    long organization;

    @BeforeEach
    void anOrganization() {
        organization = organizations.found(new Slug("suggest-" + System.nanoTime()), "Suggestions").id();
    }

    private long member(String name, IdentityInput... identities) {
        return members.register(organization, name, List.of(identities)).id();
    }

    private List<MergeSuggestion> all() {
        return suggestions.page(organization, 0, 200).suggestions();
    }

    @Test
    void theSameDisplayNameAloneIsNoSuggestion() {
        member("山田 太郎", IdentityInput.email("taro@example.com"));
        member("山田 太郎", IdentityInput.email("yamada@example.org"));
        member("山田 太郎");

        assertThat(all()).isEmpty();
    }

    @Test
    void aSharedHandleOrEmailNameWithTheSameFoldedNameIsSuggestedWithItsReasons() {
        long connpass = member("山田　太郎", IdentityInput.connpass("taro_y"), IdentityInput.email("taro@work.example"));
        long github = member("山田 太郎", new IdentityInput(IdentityKind.GITHUB, "Taro_Y"));
        long mail = member("山田太郎", IdentityInput.email("Taro+events@home.example"));
        member("yamada 太郎", IdentityInput.email("hanako@example.com"));

        List<MergeSuggestion> found = all();

        assertThat(found).extracting(s -> s.first().id(), s -> s.second().id(), MergeSuggestion::reasons)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(connpass, mail, List.of(MergeReason.SAME_EMAIL_NAME)),
                        org.assertj.core.groups.Tuple.tuple(connpass, github, List.of(MergeReason.SHARED_HANDLE)));
        assertThat(found.get(0).first().identities()).isNotEmpty();
    }

    @Test
    void twoDifferentConnpassAccountsAreNeverSuggested() {
        member("山田 太郎", IdentityInput.connpass("taro_y"), IdentityInput.email("taro@work.example"));
        member("山田 太郎", IdentityInput.connpass("taro_yamada"), IdentityInput.email("taro@home.example"));

        assertThat(all()).isEmpty();
    }

    @Test
    void withdrawnUsersAreNeverSuggestedThoughTheyAttendedTheSameCommunity() {
        Community community = communities.start(organization, new Slug("suggest-c-" + System.nanoTime()),
                CommunityProfile.of("JAWS-UG", null, null, "Asia/Tokyo"), null);
        CommunityHistory history = new CommunityHistory(db, communities, events, community);
        List<Long> withdrawn = imports.registerAllUnidentified(organization, List.of("(退会ユーザー)", "（退会ユーザー）"));
        long meetup = member("Taro Yamada", new IdentityInput(IdentityKind.MEETUP, "201"));
        long connpass = member("taro  yamada", IdentityInput.connpass("taro_y"));
        history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(withdrawn.get(0), withdrawn.get(1), meetup);
        history.eventAt("2025-02-15T19:00", "JP-13", "渋谷区").confirmed(connpass);

        assertThat(all()).singleElement().satisfies(s -> {
            assertThat(List.of(s.first().id(), s.second().id())).containsExactly(meetup, connpass);
            assertThat(s.reasons()).containsExactly(MergeReason.SAME_COMMUNITY);
        });
        assertThat(suggestions.countInvolving(organization, List.of(meetup))).isEqualTo(1);
        assertThat(suggestions.countInvolving(organization, withdrawn)).isZero();
    }

    @Test
    void aDismissedPairOrAMergedMemberIsNotSuggestedAgain() {
        long first = member("Taro", IdentityInput.connpass("taro_y"));
        long second = member("taro", new IdentityInput(IdentityKind.X, "taro_y"));
        long third = member("ＴＡＲＯ", new IdentityInput(IdentityKind.GITHUB, "taro_y"));
        assertThat(all()).hasSize(3);

        suggestions.dismiss(organization, second, first);
        suggestions.dismiss(organization, first, second);
        assertThat(all()).hasSize(2);

        merges.merge(organization, first, third);
        assertThat(all()).isEmpty();
        assertThatThrownBy(() -> suggestions.dismiss(organization, first, 0L)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void suggestionsArePaged() {
        for (int i = 0; i < 3; i++) {
            member("Name " + i, IdentityInput.email("person" + i + "@a.example"));
            member("name" + i, IdentityInput.email("person" + i + "@b.example"));
        }

        SuggestionPage second = suggestions.page(organization, 1, 2);

        assertThat(second.total()).isEqualTo(3);
        assertThat(second.suggestions()).singleElement()
                .satisfies(s -> assertThat(s.first().displayName()).isEqualTo("Name 2"));
        assertThat(second.hasNext()).isFalse();
        assertThat(second.hasPrevious()).isTrue();
    }
}
