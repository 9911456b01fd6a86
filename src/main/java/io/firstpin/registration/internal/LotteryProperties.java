package io.firstpin.registration.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often due lottery frames are looked for; a frame is drawn at most this long (plus
 *        db-scheduler.polling-interval) after its lottery time
 */
@ConfigurationProperties("firstpin.lottery")
public record LotteryProperties(@DefaultValue("30s") Duration pollInterval) {

    public LotteryProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("firstpin.lottery.poll-interval must be positive: " + pollInterval);
        }
    }
}
