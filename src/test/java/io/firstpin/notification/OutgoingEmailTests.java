package io.firstpin.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.InvalidInputException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutgoingEmailTests {

    private static OutgoingEmail confirmation(String to, Locale locale, String template, String dedupKey) {
        return new OutgoingEmail(7L, to, locale, template, Map.of("eventTitle", "JAWS-UG 東京"), dedupKey);
    }

    @Test
    void theSubjectComesFromTheMessageNamedAfterTheTemplate() {
        OutgoingEmail email = confirmation("taro@example.com", Locale.ENGLISH, "registration/confirmed",
                "registration-confirmed:1");

        assertThat(email.subjectCode()).isEqualTo("mail.registration.confirmed.subject");
    }

    @Test
    void withoutALanguageTheEmailIsJapanese() {
        assertThat(confirmation("taro@example.com", null, "registration/confirmed", "k").locale())
                .isEqualTo(Locale.JAPANESE);
    }

    @Test
    void theAddressIsKeptBare() {
        assertThat(confirmation(" Taro Yamada <taro@example.com> ", null, "registration/confirmed", "k").to())
                .isEqualTo("taro@example.com");
    }

    @Test
    void aMalformedAddressIsInvalidInputOnTheEmailField() {
        for (String malformed : new String[] {"", "taro", "taro@", "a@b, c@d", "taro@example.com\r\nBcc: x@y"}) {
            assertThatThrownBy(() -> confirmation(malformed, null, "registration/confirmed", "k")).as(malformed)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.problems().get(0).field()).isEqualTo("email");
                        assertThat(e.problems().get(0).code()).isEqualTo("validation.email");
                    });
        }
    }

    @Test
    void aTemplateIsNamedByModuleAndNameAndCannotLeaveTheMailFolder() {
        for (String bad : new String[] {"confirmed", "../secrets", "registration/../x", "Registration/Confirmed", "/a/b"}) {
            assertThatThrownBy(() -> confirmation("taro@example.com", null, bad, "k")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyEmailNeedsADedupKey() {
        assertThatThrownBy(() -> confirmation("taro@example.com", null, "registration/confirmed", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> confirmation("taro@example.com", null, "registration/confirmed", "k".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theModelMayHoldEmptyValuesAndIsCopied() {
        Map<String, Object> model = new HashMap<>();
        model.put("venue", null);
        OutgoingEmail email = new OutgoingEmail(null, "taro@example.com", null, "event/reminder", model, "k");
        model.put("late", "change");

        assertThat(email.model()).containsEntry("venue", null).doesNotContainKey("late");
    }

    @Test
    void theModelHoldsOnlyValuesThatSurviveTheOutboxAsJson() {
        Map<String, Object> plain = Map.of("title", "勉強会", "seats", 3, "online", true,
                "speakers", List.of("花子", "太郎"), "venue", Map.of("city", "大阪"));
        Map<String, Object> rich = Map.of("startsAt", Instant.EPOCH);

        assertThat(new OutgoingEmail(null, "taro@example.com", null, "event/reminder", plain, "k").model())
                .isEqualTo(plain);
        assertThatThrownBy(() -> new OutgoingEmail(null, "taro@example.com", null, "event/reminder", rich, "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startsAt");
    }

    @Test
    void anEmailAboutAnEventKeepsItsEventWithAnUnsubscribeLink() {
        OutgoingEmail email = confirmation("taro@example.com", null, "output/ask", "k");

        assertThat(email.eventId()).isNull();
        assertThat(email.about(42).withListUnsubscribe("https://firstpin.test/u/abc").eventId()).isEqualTo(42L);
        assertThat(email.withListUnsubscribe("https://firstpin.test/u/abc").about(42).listUnsubscribe())
                .isEqualTo("https://firstpin.test/u/abc");
    }

    @Test
    void anUnsubscribeLinkIsOneWebOrMailtoAddress() {
        OutgoingEmail email = confirmation("taro@example.com", null, "output/ask", "k");

        assertThat(email.withListUnsubscribe("https://firstpin.test/u/abc").listUnsubscribe())
                .isEqualTo("https://firstpin.test/u/abc");
        assertThat(email.withListUnsubscribe(null).listUnsubscribe()).isNull();
        assertThatThrownBy(() -> email.withListUnsubscribe("javascript:alert(1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> email.withListUnsubscribe("https://a/b>\r\nBcc: x@y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRenderedSubjectIsOneLine() {
        RenderedEmail email = new RenderedEmail(null, "taro@example.com", Locale.JAPANESE, "明日は\r\n勉強会", "本文", " ", "k",
                null);

        assertThat(email.subject()).isEqualTo("明日は 勉強会");
        assertThat(email.html()).isNull();
    }
}
