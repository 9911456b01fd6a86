package io.firstpin.platform.limits;

import static io.firstpin.platform.db.Tables.RATE_LIMIT_BUCKET;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deletes the buckets that have refilled: a full bucket is the same as none. One instance runs each pass. */
@Configuration(proxyBeanMethods = false)
class RateLimitCleanup {

    static final String TASK = "rate-limit-cleanup";

    @Bean
    RecurringTask<Void> rateLimitCleanupTask(DSLContext db, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> removeExpired(db, clock));
    }

    static int removeExpired(DSLContext db, Clock clock) {
        return db.deleteFrom(RATE_LIMIT_BUCKET).where(RATE_LIMIT_BUCKET.EXPIRES_AT.lt(clock.millis())).execute();
    }
}
