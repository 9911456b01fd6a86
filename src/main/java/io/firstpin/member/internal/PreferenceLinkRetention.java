package io.firstpin.member.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.firstpin.member.EmailPreferences;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The preferences links of emails are deleted {@code firstpin.members.preference-links-valid-for} after the email,
 * long after any mail client's one-click; the member changes their preferences from a newer email or their page. A
 * db-scheduler task, so one instance runs each pass.
 */
@Configuration(proxyBeanMethods = false)
class PreferenceLinkRetention {

    static final String TASK = "email-preference-link-retention";

    private static final Logger log = LoggerFactory.getLogger(PreferenceLinkRetention.class);

    @Bean
    RecurringTask<Void> preferenceLinkRetentionTask(EmailPreferences preferences, Settings settings, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(settings.retentionCheckInterval()))
                .execute((instance, context) -> {
                    int deleted = preferences.deleteLinksMadeBefore(
                            clock.instant().minus(settings.preferenceLinksValidFor()));
                    if (deleted > 0) {
                        log.info("Deleted {} email preference links older than {}", deleted,
                                settings.preferenceLinksValidFor());
                    }
                });
    }

    /**
     * @param preferenceLinksValidFor how long the link of an email to its recipient's preferences works
     * @param retentionCheckInterval how often older links are looked for
     */
    @ConfigurationProperties("firstpin.members")
    record Settings(@DefaultValue("180d") Duration preferenceLinksValidFor,
            @DefaultValue("1h") Duration retentionCheckInterval) {

        Settings {
            // RFC 8058 asks that one-click unsubscribe keeps working for a while; US law asks for 30 days
            if (preferenceLinksValidFor.compareTo(Duration.ofDays(30)) < 0 || retentionCheckInterval.isNegative()
                    || retentionCheckInterval.isZero()) {
                throw new IllegalArgumentException("firstpin.members.preference-links-valid-for must be at least "
                        + "30 days, retention-check-interval positive");
            }
        }
    }
}
