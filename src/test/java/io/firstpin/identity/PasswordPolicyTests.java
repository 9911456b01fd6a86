package io.firstpin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void aLongUncommonPassphraseIsAccepted() {
        assertThat(PasswordPolicy.acceptable("correct horse battery", "someone@example.com")).isTrue();
        assertThat(PasswordPolicy.acceptable("勉強会のあとはブログを書く", null)).isTrue();
    }

    @Test
    void shortPasswordsAreRefusedWithTheMinimumInTheMessage() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", "Xk9#mq2!pL", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get(0).code()).isEqualTo("password.too-short");
                    assertThat(e.problems().get(0).args()).containsExactly(12);
                });
    }

    @Test
    void commonPasswordsFromTheShippedListAndTheirObviousVariantsAreRefused() {
        assertThat(PasswordPolicy.acceptable("1qaz2wsx3edc", null)).isFalse();
        assertThat(PasswordPolicy.acceptable("qwertyuiop123", null)).isFalse();
        assertThat(PasswordPolicy.acceptable("password1234!", null)).isFalse();
        assertThat(PasswordPolicy.acceptable("Sunshine2024!!", null)).isFalse();
        assertThat(PasswordPolicy.acceptable("abcabcabcabc", null)).isFalse();
        assertThat(PasswordPolicy.acceptable("aaaaaaaaaaaaaaaa", null)).isFalse();
        assertThat(PasswordPolicy.acceptable("123456789012", null)).isFalse();
    }

    @Test
    void thePersonsOwnEmailIsNoPassword() {
        assertThat(PasswordPolicy.acceptable("taro.yamada@example.com", "taro.yamada@example.com")).isFalse();
        assertThat(PasswordPolicy.acceptable("taro.yamada2024", "taro.yamada@example.com")).isFalse();
    }

    @Test
    void passwordsBcryptWouldCutShortAreRefused() {
        String sentence = "The quick brown fox jumps over the lazy dog, then naps under a cherry tree";
        assertThat(sentence.length()).isGreaterThan(PasswordPolicy.MAX_BYTES);
        assertThat(PasswordPolicy.acceptable(sentence, null)).isFalse();
        assertThat(PasswordPolicy.acceptable(sentence.substring(0, 60), null)).isTrue();
        assertThat(PasswordPolicy.acceptable("日本語のパスワードはとても長くなりがちでバイト数に注意が要る", null)).isFalse();
    }
}
