package io.firstpin.registration.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.firstpin.registration.Lotteries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LotteryConfiguration {

    static final String TASK = "lottery-draw";

    private static final Logger log = LoggerFactory.getLogger(LotteryConfiguration.class);

    /**
     * One recurring db-scheduler task: each run is picked by one application instance, and each frame's draw holds the
     * frame's lock and is recorded under a unique frame id, so a frame is drawn once however many instances run.
     */
    @Bean
    RecurringTask<Void> lotteryDrawTask(Lotteries lotteries, LotteryProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.pollInterval()))
                .execute((instance, context) -> {
                    try {
                        lotteries.drawDue();
                    } catch (RuntimeException e) {
                        // db-scheduler logs task failures at debug only; an unreachable database deserves a warning
                        log.warn("Drawing due lotteries failed; trying again in {}", properties.pollInterval(), e);
                    }
                });
    }
}
