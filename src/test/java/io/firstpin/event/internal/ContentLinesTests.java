package io.firstpin.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentLinesTests {

    private static final String LONG_JAPANESE_SUMMARY = "SUMMARY:" + "コミュニティマーケティングの実践と、ブログ書くまでが勉強会".repeat(4);

    @Test
    void aShortLineStaysAsItIs() {
        assertThat(ContentLines.fold("VERSION:2.0\r\nSUMMARY:JAWS-UG 東京\r\n"))
                .isEqualTo("VERSION:2.0\r\nSUMMARY:JAWS-UG 東京\r\n");
    }

    @Test
    void aLongJapaneseLineIsFoldedAtSeventyFiveOctetsAndUnfoldsToTheSameText() {
        String folded = ContentLines.fold(LONG_JAPANESE_SUMMARY + "\r\n");

        assertThat(physicalLines(folded)).hasSizeGreaterThan(3)
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(unfold(folded)).isEqualTo(LONG_JAPANESE_SUMMARY + "\r\n");
    }

    @Test
    void foldingNeverSplitsACharacterNotEvenOneOfFourOctets() {
        String line = "SUMMARY:" + "🍣寿司".repeat(40);

        String folded = ContentLines.fold(line + "\r\n");

        // every physical line must decode on its own: a split character would turn into U+FFFD
        assertThat(physicalLines(folded)).allSatisfy(physical -> {
            byte[] octets = physical.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).isLessThanOrEqualTo(75);
            assertThat(new String(octets, StandardCharsets.UTF_8)).doesNotContain("\uFFFD").isEqualTo(physical);
        });
        assertThat(unfold(folded)).isEqualTo(line + "\r\n");
    }

    @Test
    void aContinuationLineCountsItsLeadingSpace() {
        String folded = ContentLines.fold("X:" + "a".repeat(200) + "\r\n");

        assertThat(physicalLines(folded)).first().satisfies(line -> assertThat(line).hasSize(75));
        assertThat(physicalLines(folded)).element(1).satisfies(line -> assertThat(line).startsWith(" ").hasSize(75));
    }

    @Test
    void controlCharactersAreDroppedAndNamesKeptOnOneLine() {
        assertThat(ContentLines.singleLine("JAWS\r\nUG\u0007 東京\t!")).isEqualTo("JAWS UG 東京\t!");
        assertThat(ContentLines.multiLine("one\r\ntwo\rthree\u0000")).isEqualTo("one\ntwo\nthree");
    }

    static List<String> physicalLines(String text) {
        return List.of(text.split("\r\n"));
    }

    static String unfold(String text) {
        return text.replace("\r\n ", "");
    }
}
