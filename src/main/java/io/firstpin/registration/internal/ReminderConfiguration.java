package io.firstpin.registration.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.firstpin.registration.Reminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

    static final String TASK = "registration-reminders";

    private static final Logger log = LoggerFactory.getLogger(ReminderConfiguration.class);

    /** One instance runs each pass; each round is also claimed by its own row, so a round never runs twice. */
    @Bean
    RecurringTask<Void> registrationRemindersTask(Reminders reminders, ReminderProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.pollInterval()))
                .execute((instance, context) -> {
                    try {
                        reminders.runDue();
                    } catch (RuntimeException e) {
                        log.warn("Sending due reminders failed; trying again in {}", properties.pollInterval(), e);
                    }
                });
    }
}
