package io.firstpin.follow.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.firstpin.follow.Announcements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FollowConfiguration {

    static final String ANNOUNCEMENT_TASK = "follow-announcements";

    private static final Logger log = LoggerFactory.getLogger(FollowConfiguration.class);

    /** One instance runs each pass (db-scheduler); each member's email is also claimed by its own rows. */
    @Bean
    @ConditionalOnProperty(name = "firstpin.follows.announcements-enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> followAnnouncementTask(Announcements announcements, FollowProperties properties) {
        return Tasks.recurring(ANNOUNCEMENT_TASK, FixedDelay.of(properties.announcementCheckInterval()))
                .execute((instance, context) -> {
                    try {
                        announcements.runDue();
                    } catch (RuntimeException e) {
                        log.warn("Announcing new events failed; trying again in {}",
                                properties.announcementCheckInterval(), e);
                    }
                });
    }
}
