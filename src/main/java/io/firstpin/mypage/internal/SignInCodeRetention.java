package io.firstpin.mypage.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.firstpin.mypage.SignInCodes;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sign-in codes and erasure links nobody used are deleted {@code firstpin.members.sign-in-codes-kept-for} after they
 * expired: they hold the address they were sent to. A db-scheduler task, so one instance runs each pass.
 */
@Configuration(proxyBeanMethods = false)
class SignInCodeRetention {

    static final String TASK = "sign-in-code-retention";

    private static final Logger log = LoggerFactory.getLogger(SignInCodeRetention.class);

    @Bean
    RecurringTask<Void> signInCodeRetentionTask(SignInCodes codes, Settings settings, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(settings.signInCodeCheckInterval()))
                .execute((instance, context) -> {
                    int deleted = codes.deleteExpiredBefore(clock.instant().minus(settings.signInCodesKeptFor()));
                    if (deleted > 0) {
                        log.info("Deleted {} sign-in codes nobody used", deleted);
                    }
                });
    }

    /**
     * @param signInCodesKeptFor how long an unused sign-in code is kept after it expired
     * @param signInCodeCheckInterval how often such codes are looked for
     */
    @ConfigurationProperties("firstpin.members")
    record Settings(@DefaultValue("1d") Duration signInCodesKeptFor,
            @DefaultValue("1h") Duration signInCodeCheckInterval) {

        Settings {
            if (signInCodesKeptFor.isNegative() || signInCodeCheckInterval.isNegative()
                    || signInCodeCheckInterval.isZero()) {
                throw new IllegalArgumentException("firstpin.members.sign-in-codes-kept-for and "
                        + "sign-in-code-check-interval must be positive");
            }
        }
    }
}
