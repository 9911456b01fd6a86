package io.firstpin.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberTests {

    private static final long ORGANIZATION = 7;
    private static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");

    private static Member registered(String name, IdentityInput... identities) {
        return Member.register(ORGANIZATION, name, false, List.of(identities), NOW);
    }

    private static List<FieldProblem> problemsOf(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected invalid input");
    }

    @Test
    void anEmailIsTrimmedAndLookedUpInLowerCase() {
        MemberIdentity email = registered("Taro", IdentityInput.email("  Taro.Yamada@Example.COM ")).identities().get(0);

        assertThat(email.value()).isEqualTo("Taro.Yamada@Example.COM");
        assertThat(email.normalizedValue()).isEqualTo("taro.yamada@example.com");
        assertThat(email.organizationId()).isEqualTo(ORGANIZATION);
    }

    @Test
    void aHandleLosesItsAtSignAndIsLookedUpInLowerCase() {
        Member member = registered("Taro", new IdentityInput(IdentityKind.X, "@JawsUG"),
                new IdentityInput(IdentityKind.GITHUB, "＠Octo-Cat"), new IdentityInput(IdentityKind.BLUESKY, "Taro.bsky.social"));

        assertThat(member.identities()).extracting(MemberIdentity::value).containsExactly("JawsUG", "Taro.bsky.social", "Octo-Cat");
        assertThat(member.identities()).extracting(MemberIdentity::normalizedValue)
                .containsExactly("jawsug", "taro.bsky.social", "octo-cat");
    }

    @Test
    void aPastedProfileAddressBecomesTheHandle() {
        Member member = registered("Taro", IdentityInput.connpass("https://connpass.com/user/Taro_Y/"),
                new IdentityInput(IdentityKind.X, "https://twitter.com/JawsUG"),
                new IdentityInput(IdentityKind.BLUESKY, "https://bsky.app/profile/taro.bsky.social"),
                new IdentityInput(IdentityKind.GITHUB, "https://github.com/octocat?tab=repositories"));

        assertThat(member.identities()).extracting(MemberIdentity::value)
                .containsExactly("Taro_Y", "JawsUG", "taro.bsky.social", "octocat");
    }

    @Test
    void aFeedMustBeAWebAddressAndOnlyItsHostIsCaseInsensitive() {
        Member member = registered("Taro", new IdentityInput(IdentityKind.FEED, "HTTPS://Blog.Example.com/Taro/feed.xml"));

        assertThat(member.identities().get(0).normalizedValue()).isEqualTo("https://blog.example.com/Taro/feed.xml");
        assertThat(problemsOf(() -> registered("Taro", new IdentityInput(IdentityKind.FEED, "ftp://example.com/feed"))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("identities[0].value", "validation.url"));
        assertThat(problemsOf(() -> registered("Taro", new IdentityInput(IdentityKind.FEED, "javascript:alert(1)"))))
                .extracting(FieldProblem::code).containsExactly("validation.url");
    }

    @Test
    void everyProblemIsReportedAtOnceAndNamedAfterItsRow() {
        List<FieldProblem> problems = problemsOf(() -> registered("  ", IdentityInput.email("taro@example.com"),
                IdentityInput.email("not an email"), IdentityInput.of("myspace", "taro"),
                new IdentityInput(IdentityKind.X, "has spaces in it"), IdentityInput.connpass(" ")));

        assertThat(problems).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                tuple("displayName", "validation.required"),
                tuple("identities[1].value", "validation.email"),
                tuple("identities[2].kind", "validation.identity.kind"),
                tuple("identities[3].value", "member.identity.handle"),
                tuple("identities[4].value", "validation.required"));
    }

    @Test
    void aTooLongDisplayNameIsRefused() {
        assertThatThrownBy(() -> registered("x".repeat(201)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("validation.too-long"));
    }

    @Test
    void theSameIdentityTypedTwiceIsKeptOnceAsLastTyped() {
        Member member = registered("Taro", IdentityInput.email("taro@example.com"));

        member.addIdentity(IdentityKind.EMAIL, "TARO@example.com");

        assertThat(member.identities()).extracting(MemberIdentity::value).containsExactly("TARO@example.com");
    }

    @Test
    void theSameValueAsAnotherKindIsAnotherIdentity() {
        Member member = registered("Taro", IdentityInput.connpass("taro"));

        member.addIdentity(IdentityKind.GITHUB, "@taro");

        assertThat(member.identities()).extracting(MemberIdentity::kind).containsExactly(IdentityKind.CONNPASS, IdentityKind.GITHUB);
    }

    @Test
    void anIdentityIsRemovedHoweverItIsTyped() {
        Member member = registered("Taro", new IdentityInput(IdentityKind.X, "JawsUG"));

        boolean removed = member.removeIdentity(IdentityKind.X, "@jawsug");

        assertThat(removed).isTrue();
        assertThat(member.identities()).isEmpty();
    }

    @Test
    void thePrimaryEmailIsTheFirstOneAdded() {
        Member member = registered("Taro", IdentityInput.connpass("taro"), IdentityInput.email("zz@example.com"),
                IdentityInput.email("aa@example.com"));

        assertThat(member.primaryEmail()).contains("zz@example.com");
        assertThat(registered("Hanako", IdentityInput.connpass("hanako")).primaryEmail()).isEmpty();
    }

    @Test
    void revisingIdentitiesKeepsTheListedAddsTheNewAndDropsTheRest() {
        Member member = registered("Taro", IdentityInput.email("taro@example.com"), IdentityInput.connpass("taro"));

        member.reviseIdentities(List.of(IdentityInput.email("Taro@Example.com"), new IdentityInput(IdentityKind.X, "taro_x")));

        assertThat(member.identities()).extracting(MemberIdentity::kind, MemberIdentity::value).containsExactly(
                tuple(IdentityKind.EMAIL, "Taro@Example.com"),
                tuple(IdentityKind.X, "taro_x"));
    }

    @Test
    void staffIsAFlagThatCanBeSetAndCleared() {
        Member member = registered("Taro");

        member.markStaff();
        boolean marked = member.staff();
        member.unmarkStaff();

        assertThat(marked).isTrue();
        assertThat(member.staff()).isFalse();
    }

    @Test
    void kindsAreWrittenInLowerCaseInTheApiAndParsedInAnyCase() {
        assertThat(IdentityKind.BLUESKY.apiName()).isEqualTo("bluesky");
        assertThat(IdentityKind.fromName("GitHub")).contains(IdentityKind.GITHUB);
        assertThat(IdentityKind.fromName("myspace")).isEmpty();
    }
}
