package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.REGISTRATION_LINK;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.firstpin.event.EventTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Expired private links go: a registration's links (manage, proof, reminder, survey) and its check-in code open nothing
 * once its event ended {@code links-valid-after-event} ago, and say so for {@code expired-links-kept-for} more; then
 * their hashes are deleted, so the link is simply unknown. A db-scheduler task, so one instance runs each pass.
 */
@Configuration(proxyBeanMethods = false)
class LinkRetention {

    static final String TASK = "registration-link-retention";

    private static final Logger log = LoggerFactory.getLogger(LinkRetention.class);

    @Bean
    RecurringTask<Void> registrationLinkRetentionTask(ExpiredLinks links, RegistrationProperties registration,
            Settings settings, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(settings.retentionCheckInterval()))
                .execute((instance, context) -> {
                    Instant endedBefore = clock.instant().minus(registration.linksValidAfterEvent())
                            .minus(settings.expiredLinksKeptFor());
                    int deleted = links.deleteOfEventsEndedBefore(endedBefore);
                    if (deleted > 0) {
                        log.info("Deleted {} expired private links of registrations", deleted);
                    }
                });
    }

    /**
     * @param expiredLinksKeptFor how long an expired link still opens the page saying it expired
     * @param retentionCheckInterval how often expired links are looked for
     */
    @ConfigurationProperties("firstpin.registration")
    record Settings(@DefaultValue("30d") Duration expiredLinksKeptFor,
            @DefaultValue("1h") Duration retentionCheckInterval) {

        Settings {
            if (expiredLinksKeptFor.isNegative() || retentionCheckInterval.isNegative()
                    || retentionCheckInterval.isZero()) {
                throw new IllegalArgumentException("firstpin.registration.expired-links-kept-for and "
                        + "retention-check-interval must be positive");
            }
        }
    }

    @Component
    static class ExpiredLinks {

        private final DSLContext db;

        ExpiredLinks(DSLContext db) {
            this.db = db;
        }

        /** Deletes the links of registrations for events that ended before the time; answers how many. */
        int deleteOfEventsEndedBefore(Instant before) {
            var events = EventTimes.endedBefore(before);
            int deleted = db.deleteFrom(REGISTRATION_LINK)
                    .where(REGISTRATION_LINK.REGISTRATION_ID.in(DSL.select(REGISTRATION.ID).from(REGISTRATION)
                            .where(REGISTRATION.EVENT_ID.in(events))))
                    .execute();
            deleted += db.update(REGISTRATION)
                    .setNull(REGISTRATION.MANAGE_TOKEN_HASH)
                    .setNull(REGISTRATION.PROOF_TOKEN_HASH)
                    .setNull(REGISTRATION.CHECKIN_CODE)
                    .where(REGISTRATION.EVENT_ID.in(events))
                    .and(REGISTRATION.MANAGE_TOKEN_HASH.isNotNull().or(REGISTRATION.PROOF_TOKEN_HASH.isNotNull())
                            .or(REGISTRATION.CHECKIN_CODE.isNotNull()))
                    .execute();
            return deleted;
        }
    }
}
