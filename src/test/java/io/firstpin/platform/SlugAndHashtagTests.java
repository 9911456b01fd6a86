package io.firstpin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlugAndHashtagTests {

    @Test
    void aSlugIsLowerCasedAndTrimmedButOtherwiseStrict() {
        assertThat(Slug.parse("slug", "  JAWS-UG-Tokyo ").value()).isEqualTo("jaws-ug-tokyo");
        assertThatThrownBy(() -> Slug.parse("slug", "jaws ug")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Slug.parse("slug", "-leading")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Slug.parse("slug", "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Slug.parse("slug", "東京")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aHashtagAcceptsHalfAndFullWidthMarksAndJapaneseLetters() {
        assertThat(Hashtag.parse("hashtag", "#jawsug")).map(Hashtag::value).contains("jawsug");
        assertThat(Hashtag.parse("hashtag", "＃jawsug_osaka")).map(Hashtag::value).contains("jawsug_osaka");
        assertThat(Hashtag.parse("hashtag", "コミュニティ")).map(Hashtag::toString).contains("#コミュニティ");
        assertThat(Hashtag.parse("hashtag", "  ")).isEmpty();
    }

    @Test
    void aHashtagWithSpacesOrPunctuationIsRefusedForItsField() {
        assertThatThrownBy(() -> Hashtag.parse("hashtag", "#jaws ug"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("hashtag"));
        assertThatThrownBy(() -> Hashtag.parse("hashtag", "#a-b")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void dateTimesAreReadWithTheirOffsetOrInTheCommunitysZone() {
        var tokyo = java.time.ZoneId.of("Asia/Tokyo");

        assertThat(DateTimes.parse("startsAt", "2026-11-24T19:00:00+09:00", tokyo))
                .isEqualTo(java.time.Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(DateTimes.parse("startsAt", "2026-11-24T19:00", tokyo))
                .isEqualTo(java.time.Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(DateTimes.parse("startsAt", "", tokyo)).isNull();
        assertThatThrownBy(() -> DateTimes.parse("startsAt", "tomorrow", tokyo)).isInstanceOf(InvalidInputException.class);
    }
}
