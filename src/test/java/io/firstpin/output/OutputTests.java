package io.firstpin.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.ConflictException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutputTests {

    private static final Instant NOW = Instant.parse("2026-05-16T00:00:00Z");
    private static final long EVENT = 12;

    private static Output blogPost() {
        return Output.record(1, OutputUrl.of("https://taro-dev.hatenablog.com/entry/1"), null, null, 5L, NOW,
                OutputSource.FEED, 3L, NOW);
    }

    @Test
    void theSamePostCannotBeLinkedTwiceToOneEvent() {
        Output post = blogPost();
        post.linkTo(EVENT, LinkedBy.SUBMITTED, NOW);

        assertThatThrownBy(() -> post.linkTo(EVENT, LinkedBy.MANUAL, NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aLinkStaffRemovedIsNotMadeAgainByTheRulesButStaffCanMakeIt() {
        Output post = blogPost();
        assertThat(post.inferLink(EVENT, LinkedBy.HASHTAG, NOW)).isTrue();

        assertThat(post.unlink(EVENT, NOW)).isTrue();
        assertThat(post.linkedTo(EVENT)).isFalse();
        assertThat(post.inferLink(EVENT, LinkedBy.HASHTAG, NOW)).isFalse();
        assertThat(post.linkedTo(EVENT)).isFalse();

        post.relink(EVENT, NOW);

        assertThat(post.linkedTo(EVENT)).isTrue();
        assertThat(post.linkTo(EVENT).orElseThrow().linkedBy()).isEqualTo(LinkedBy.MANUAL);
    }

    @Test
    void whatAPersonGaveIsKeptAndTheFeedOnlyFillsInWhatIsMissing() {
        Output submitted = Output.record(1, OutputUrl.of("https://example.com/a"), OutputType.BLOG, "My report", null,
                null, OutputSource.SUBMITTED, null, NOW);

        submitted.complete(7L, "Feed title", NOW);

        assertThat(submitted.title()).isEqualTo("My report");
        assertThat(submitted.authorMemberId()).isEqualTo(7L);
        assertThat(submitted.publishedAt()).isEqualTo(NOW);
    }

    @Test
    void withoutATypeItIsGuessedFromTheAddress() {
        Output slides = Output.record(1, OutputUrl.of("https://speakerdeck.com/jiro/cli"), null, null, null, null,
                OutputSource.STAFF, null, NOW);

        assertThat(slides.type()).isEqualTo(OutputType.SLIDE);
    }
}
