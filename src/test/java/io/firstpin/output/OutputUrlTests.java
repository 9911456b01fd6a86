package io.firstpin.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputUrlTests {

    @ParameterizedTest
    @CsvSource({
            "HTTPS://Taro-Dev.HatenaBlog.com/entry/2026/05/16/221000, https://taro-dev.hatenablog.com/entry/2026/05/16/221000",
            "https://zenn.dev/saburo/articles/4f1c2e3d5a6b7c/, https://zenn.dev/saburo/articles/4f1c2e3d5a6b7c",
            "https://note.com/hanako_cm/n/n1a2b3c4d5e6f?utm_source=twitter&utm_medium=social, https://note.com/hanako_cm/n/n1a2b3c4d5e6f",
            "https://example.com/post?fbclid=IwAR0abc&id=3&gclid=xyz, https://example.com/post?id=3",
            "https://example.com:443/post#comments, https://example.com/post",
            "http://example.com:80/, http://example.com/",
            "https://example.com, https://example.com/",
            "https://example.com:8443/post, https://example.com:8443/post",
            "'  https://rokuro.example.jp/?p=1234  ', https://rokuro.example.jp/?p=1234",
    })
    void cleansSchemeHostPortTrailingSlashFragmentAndTrackingParameters(String given, String cleaned) {
        assertThat(OutputUrl.of(given).url()).isEqualTo(cleaned);
    }

    @Test
    void theSamePostOverHttpAndHttpsHasOneKey() {
        assertThat(OutputUrl.of("http://example.com/post/").key())
                .isEqualTo(OutputUrl.of("https://EXAMPLE.com/post?utm_campaign=x").key())
                .isEqualTo("https://example.com/post");
    }

    @Test
    void parametersThatSelectContentAreKeptInTheirOrder() {
        assertThat(OutputUrl.of("https://www.youtube.com/watch?v=abc123&t=42&utm_source=x").url())
                .isEqualTo("https://www.youtube.com/watch?v=abc123&t=42");
    }

    @Test
    void theSiteIsTheHostWithoutWww() {
        assertThat(OutputUrl.of("https://www.publickey1.jp/blog/26/post.html").site()).isEqualTo("publickey1.jp");
        assertThat(OutputUrl.of("https://taro-dev.hatenablog.com/entry/1").site()).isEqualTo("taro-dev.hatenablog.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a url", "ftp://example.com/file", "javascript:alert(1)", "https://user:pw@example.com/",
            "mailto:taro@example.com", "/relative/path"})
    void anythingButAWebAddressIsRefusedOnTheUrlField(String given) {
        assertThatThrownBy(() -> OutputUrl.of(given))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).field()).isEqualTo("url"));
    }

    @Test
    void anAddressLongerThan2000CharactersIsRefused() {
        assertThatThrownBy(() -> OutputUrl.of("https://example.com/" + "a".repeat(2000)))
                .isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "https://speakerdeck.com/jiro/cli-community, SLIDE",
            "https://docs.google.com/presentation/d/1abc/edit, SLIDE",
            "https://www.youtube.com/watch?v=abc123, VIDEO",
            "https://youtu.be/abc123, VIDEO",
            "https://x.com/jiro/status/123, SOCIAL",
            "https://bsky.app/profile/jiro.bsky.social/post/3k, SOCIAL",
            "https://taro-dev.hatenablog.com/entry/1, BLOG",
            "https://zenn.dev/saburo/articles/4f1c, BLOG",
    })
    void theTypeIsGuessedFromTheSite(String url, OutputType type) {
        assertThat(OutputType.guess(OutputUrl.of(url))).isEqualTo(type);
    }
}
