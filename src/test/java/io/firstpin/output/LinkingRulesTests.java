package io.firstpin.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkingRulesTests {

    private static final Instant STARTS = Instant.parse("2026-05-15T10:00:00Z");
    private static final Instant ENDS = Instant.parse("2026-05-15T12:00:00Z");
    private static final String EVENT_URL = "https://events.example.com/e/12";

    private final LinkingRules rules = new LinkingRules(LinkingRules.DEFAULT_WINDOW_AFTER_END);

    private static LinkTarget meetup() {
        return new LinkTarget(12, STARTS, ENDS, List.of(EVENT_URL, "https://jawsug.connpass.com/event/345678/"),
                "firstpinug");
    }

    private static FeedItem postOn(Instant publishedAt, String content) {
        return new FeedItem("https://blog.example.com/post", "A post", content, publishedAt);
    }

    private static FeedItem postTheDayAfter(String content) {
        return postOn(ENDS.plus(Duration.ofDays(1)), content);
    }

    private Optional<LinkedBy> match(FeedItem item) {
        return rules.match(item, meetup());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#firstpinug", "#FirstpinUG", "#FIRSTPINUG", "＃firstpinug", "＃ＦｉｒｓｔｐｉｎＵＧ",
            "参加しました #firstpinug!", "(#firstpinug)", "タグは #firstpinug です", "<p>#firstpinug</p>",
            "<strong>#firstpinug</strong>", "#firstpinug。", "&#35;firstpinug"})
    void aPostWithTheHashtagAsAWholeTagIsLinkedByHashtag(String content) {
        assertThat(match(postTheDayAfter(content))).contains(LinkedBy.HASHTAG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"#firstpinug_osaka", "#firstpinug2", "#firstpinugs", "firstpinug", "https://example.com/page#firstpinug",
            "C#firstpinug", "##firstpinug", "#first pinug", "#firstpin", "タグは#firstpinugです"})
    void aLongerTagAWordOrAnAnchorIsNotTheHashtagAsOnX(String content) {
        assertThat(match(postTheDayAfter(content))).isEmpty();
    }

    @Test
    void theHashtagInTheTitleCountsToo() {
        FeedItem item = new FeedItem("https://blog.example.com/post", "Notes from #FirstpinUG", "", ENDS);

        assertThat(match(item)).contains(LinkedBy.HASHTAG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://events.example.com/e/12", "http://events.example.com/e/12", "https://EVENTS.example.com/e/12/",
            "<a href=\"https://events.example.com/e/12\">event</a>", "https://events.example.com/e/12?utm_source=blog",
            "https://events.example.com/e/12/register", "https://jawsug.connpass.com/event/345678/",
            "https://jawsug.connpass.com/event/345678"})
    void aPostWithTheEventsAddressIsLinkedByUrl(String content) {
        assertThat(match(postTheDayAfter(content))).contains(LinkedBy.URL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://events.example.com/e/123", "https://events.example.com/e/12345", "https://events.example.com/e/1",
            "https://other.example.com/e/12", "https://jawsug.connpass.com/event/3456789/"})
    void anotherEventsAddressIsNotThisEvent(String content) {
        assertThat(match(postTheDayAfter(content))).isEmpty();
    }

    @Test
    void theAddressWinsOverTheHashtag() {
        assertThat(match(postTheDayAfter("#firstpinug " + EVENT_URL))).contains(LinkedBy.URL);
    }

    @Test
    void aPostFromTheStartOfTheEventToThirtyDaysAfterItsEndIsInTheWindow() {
        assertThat(match(postOn(STARTS, "#firstpinug"))).contains(LinkedBy.HASHTAG);
        assertThat(match(postOn(ENDS.plus(Duration.ofDays(30)), "#firstpinug"))).contains(LinkedBy.HASHTAG);
    }

    @Test
    void aPostBeforeTheEventIsNotAReport() {
        assertThat(match(postOn(STARTS.minusSeconds(1), "#firstpinug " + EVENT_URL))).isEmpty();
    }

    @Test
    void aPostAfterTheWindowIsNotLinked() {
        assertThat(match(postOn(ENDS.plus(Duration.ofDays(30)).plusSeconds(1), "#firstpinug " + EVENT_URL))).isEmpty();
    }

    @Test
    void aPostWithoutADateIsNeverLinkedByTheRules() {
        assertThat(match(postOn(null, "#firstpinug " + EVENT_URL))).isEmpty();
    }

    @Test
    void theWindowIsConfigurable() {
        LinkingRules weekOnly = new LinkingRules(Duration.ofDays(7));

        assertThat(weekOnly.match(postOn(ENDS.plus(Duration.ofDays(8)), "#firstpinug"), meetup())).isEmpty();
        assertThat(weekOnly.match(postOn(ENDS.plus(Duration.ofDays(6)), "#firstpinug"), meetup())).contains(LinkedBy.HASHTAG);
    }

    @Test
    void anEventWithoutHashtagIsLinkedOnlyByItsAddress() {
        LinkTarget noHashtag = new LinkTarget(12, STARTS, ENDS, List.of(EVENT_URL), null);

        assertThat(rules.match(postTheDayAfter("#firstpinug"), noHashtag)).isEmpty();
        assertThat(rules.match(postTheDayAfter(EVENT_URL), noHashtag)).contains(LinkedBy.URL);
    }

    @Test
    void anUnrelatedPostInTheWindowIsNotLinked() {
        assertThat(match(postTheDayAfter("PostgreSQL の SKIP LOCKED でジョブキューを作る"))).isEmpty();
    }

    @Test
    void aJapaneseHashtagMatchesInFullAndHalfWidthForms() {
        LinkTarget japanese = new LinkTarget(12, STARTS, ENDS, List.of(EVENT_URL), "コミュマケ");

        assertThat(rules.match(postTheDayAfter("参加 #コミュマケ"), japanese)).contains(LinkedBy.HASHTAG);
        assertThat(rules.match(postTheDayAfter("参加 ＃ｺﾐｭﾏｹ"), japanese)).contains(LinkedBy.HASHTAG);
        assertThat(rules.match(postTheDayAfter("参加 #コミュマケ部"), japanese)).isEmpty();
    }
}
