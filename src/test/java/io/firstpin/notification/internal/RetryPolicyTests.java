package io.firstpin.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofHours(1));
    private final Instant failedAt = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void theWaitDoublesAfterEachFailureUpToAnHour() {
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.backoffAfter(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(policy.backoffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.backoffAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theNextAttemptComesAfterTheWait() {
        assertThat(policy.nextAttempt(1, failedAt)).contains(failedAt.plusSeconds(30));
        assertThat(policy.nextAttempt(9, failedAt)).contains(failedAt.plus(Duration.ofHours(1)));
    }

    @Test
    void afterTheLastAllowedAttemptThereIsNoNextOne() {
        assertThat(policy.nextAttempt(10, failedAt)).isEmpty();
        assertThat(policy.nextAttempt(11, failedAt)).isEmpty();
        assertThat(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).nextAttempt(1, failedAt)).isEmpty();
    }

    @Test
    void aPolicyNeedsAnAttemptAndSensibleWaits() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(30), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
