package io.firstpin.mypage;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.mypage.SignInCodes.Issued;
import io.firstpin.mypage.SignInCodes.Purpose;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@DatabaseTest
@SpringBootTest
@Import(MovableClock.Config.class)
class SignInCodesTests {

    @Autowired
    SignInCodes codes;
    @Autowired
    Organizations organizations;
    @Autowired
    MovableClock clock;

    Organization organization;
    String email;

    @BeforeEach
    void anOrganization() {
        String slug = "codes-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Codes");
        email = "taro-" + slug + "@example.com";
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void theRightCodeSignsInOnceForItsAddressAndOrganizationOnly() {
        Issued issued = codes.issue(organization.id(), "  Taro-" + email.substring(5).toUpperCase(), Purpose.SIGN_IN);
        Organization other = organizations.found(new Slug("codes-other-" + System.nanoTime()), "Other");

        Optional<String> elsewhere = codes.useCode(other.id(), email, issued.code(), Purpose.SIGN_IN);
        Optional<String> forErasure = codes.useCode(organization.id(), email, issued.code(), Purpose.ERASURE);
        Optional<String> used = codes.useCode(organization.id(), email.toUpperCase(), issued.code(), Purpose.SIGN_IN);
        Optional<String> again = codes.useCode(organization.id(), email, issued.code(), Purpose.SIGN_IN);

        assertThat(elsewhere).isEmpty();
        assertThat(forErasure).isEmpty();
        assertThat(used).contains(email);
        assertThat(again).isEmpty();
    }

    @Test
    void fiveWrongTriesEndTheCodeAndAnExpiredCodeOpensNothing() {
        Issued guessed = codes.issue(organization.id(), email, Purpose.SIGN_IN);
        for (int i = 0; i < 5; i++) {
            assertThat(codes.useCode(organization.id(), email, wrong(guessed.code()), Purpose.SIGN_IN)).isEmpty();
        }
        Optional<String> afterGuessing = codes.useCode(organization.id(), email, guessed.code(), Purpose.SIGN_IN);
        Issued late = codes.issue(organization.id(), email, Purpose.SIGN_IN);
        clock.advance(SignInCodes.VALID_FOR.plusSeconds(1));
        Optional<String> expired = codes.useCode(organization.id(), email, late.code(), Purpose.SIGN_IN);

        assertThat(afterGuessing).isEmpty();
        assertThat(expired).isEmpty();
        assertThat(codes.deleteExpiredBefore(clock.instant())).isPositive();
    }

    @Test
    void theLinkWorksOnceAndANewCodeReplacesTheOlder() {
        Issued first = codes.issue(organization.id(), email, Purpose.SIGN_IN);
        Issued second = codes.issue(organization.id(), email, Purpose.SIGN_IN);

        List<Optional<?>> answers = List.of(codes.useLink(first.link(), Purpose.SIGN_IN),
                codes.useLink(second.link(), Purpose.ERASURE), codes.useLink("m_guess", Purpose.SIGN_IN));
        Optional<SignInCodes.Holder> used = codes.useLink(second.link(), Purpose.SIGN_IN);

        assertThat(answers).allMatch(Optional::isEmpty);
        assertThat(used).contains(new SignInCodes.Holder(organization.id(), email));
        assertThat(codes.useLink(second.link(), Purpose.SIGN_IN)).isEmpty();
        assertThat(Duration.between(clock.instant(), second.expiresAt())).isEqualTo(SignInCodes.VALID_FOR);
    }
}
