package io.firstpin.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemberFeedTests {

    private static final Instant NOW = Instant.parse("2026-05-16T00:00:00Z");
    private static final Duration HOURLY = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofHours(24);

    private static MemberFeed newFeed() {
        return MemberFeed.of(1, 2, OutputUrl.of("https://taro-dev.hatenablog.com/feed"), NOW);
    }

    @Test
    void aNewFeedIsDueAtOnceAndAsksUnconditionally() {
        MemberFeed feed = newFeed();

        assertThat(feed.nextPollAt()).isEqualTo(NOW);
        assertThat(feed.conditionalHeaders()).isEmpty();
        assertThat(feed.failing()).isFalse();
    }

    @Test
    void afterAReadTheValidatorsAreSentBackAndTheFeedIsDueAfterTheInterval() {
        MemberFeed feed = newFeed();

        feed.succeeded("\"abc\"", "Sat, 16 May 2026 00:00:00 GMT", NOW, HOURLY);

        assertThat(feed.conditionalHeaders()).containsEntry("If-None-Match", "\"abc\"")
                .containsEntry("If-Modified-Since", "Sat, 16 May 2026 00:00:00 GMT");
        assertThat(feed.nextPollAt()).isEqualTo(NOW.plus(HOURLY));
    }

    @Test
    void eachFailureDoublesTheWaitUpToTheLimitAndASuccessResetsIt() {
        MemberFeed feed = newFeed();

        feed.failed("HTTP 503", NOW, HOURLY, DAY);
        assertThat(feed.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        feed.failed("HTTP 503", NOW, HOURLY, DAY);
        assertThat(feed.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(4)));
        for (int i = 0; i < 10; i++) {
            feed.failed("HTTP 503", NOW, HOURLY, DAY);
        }
        assertThat(feed.nextPollAt()).isEqualTo(NOW.plus(DAY));
        assertThat(feed.failing()).isTrue();
        assertThat(feed.failures()).isEqualTo(12);
        assertThat(feed.lastError()).isEqualTo("HTTP 503");

        feed.succeeded(null, null, NOW, HOURLY);

        assertThat(feed.failing()).isFalse();
        assertThat(feed.lastError()).isNull();
        assertThat(feed.nextPollAt()).isEqualTo(NOW.plus(HOURLY));
    }

    @Test
    void anUnchangedFeedKeepsItsValidators() {
        MemberFeed feed = newFeed();
        feed.succeeded("\"abc\"", null, NOW, HOURLY);

        feed.unchanged(NOW.plus(HOURLY), HOURLY);

        assertThat(feed.conditionalHeaders()).containsEntry("If-None-Match", "\"abc\"");
    }
}
