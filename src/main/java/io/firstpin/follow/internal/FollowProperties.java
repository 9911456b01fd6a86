package io.firstpin.follow.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Follows: how often announcements of new events are looked for.
 *
 * @param announcementCheckInterval how often members due for an announcement are looked for; each member gets one a
 *        day at most, whatever this is
 * @param announcementsEnabled false sends no announcements at all
 */
@ConfigurationProperties("firstpin.follows")
public record FollowProperties(@DefaultValue("10m") Duration announcementCheckInterval,
        @DefaultValue("true") boolean announcementsEnabled) {

    public FollowProperties {
        if (announcementCheckInterval.isNegative() || announcementCheckInterval.isZero()) {
            throw new IllegalArgumentException("firstpin.follows.announcement-check-interval must be positive");
        }
    }
}
