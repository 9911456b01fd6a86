package io.firstpin.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.firstpin.notification.MailStatus;
import io.firstpin.platform.PublicUrls;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    static final String SENDER_TASK = "notification-outbox-sender";

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    @Bean
    MailOrigin mailOrigin(MailProperties properties, PublicUrls urls) {
        return MailOrigin.of(properties.from(), urls.base());
    }

    /**
     * One recurring db-scheduler task: each run is picked by exactly one application instance, so with several
     * instances on one database the outbox still has one sender at a time.
     */
    @Bean
    RecurringTask<Void> outboxSenderTask(OutboxSender sender, MailProperties properties) {
        return Tasks.recurring(SENDER_TASK, FixedDelay.of(properties.pollInterval()))
                .execute((instance, context) -> {
                    try {
                        sender.sendDue(() -> context.getSchedulerState().isShuttingDown());
                    } catch (RuntimeException e) {
                        // db-scheduler logs task failures at debug only; an unreachable database deserves a warning
                        log.warn("Sending the outbox failed; trying again in {}", properties.pollInterval(), e);
                    }
                });
    }

    /**
     * {@code firstpin.mail.outbox{status=pending|failed}}: what waits to be sent and what was given up;
     * {@code firstpin.mail.outbox.oldest.age}: seconds since the oldest email still waiting was queued (0 when none).
     */
    @Bean
    MeterBinder outboxGauges(Outbox outbox, Clock clock) {
        return registry -> {
            Gauge.builder("firstpin.mail.outbox.oldest.age", outbox, o -> o.oldestPendingSince()
                            .map(since -> Duration.between(since, clock.instant()).toMillis() / 1000.0).orElse(0.0))
                    .description("Age of the oldest email waiting to be sent")
                    .baseUnit("seconds")
                    .register(registry);
            for (MailStatus status : new MailStatus[] {MailStatus.PENDING, MailStatus.FAILED}) {
                Gauge.builder("firstpin.mail.outbox", outbox, o -> o.count(status))
                        .description("Emails in the outbox by status")
                        .tag("status", status.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        };
    }

    /**
     * JavaMail waits for a silent SMTP server forever by default, which would hold the sender (and an outbox row lock)
     * indefinitely; this sets finite timeouts unless spring.mail.properties sets them.
     */
    @Bean
    static BeanPostProcessor smtpTimeouts(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl) {
                    Duration timeout = Binder.get(environment).bind("firstpin.mail.smtp-timeout", Duration.class)
                            .orElse(Duration.ofSeconds(30));
                    Properties mail = ((JavaMailSenderImpl) bean).getJavaMailProperties();
                    String millis = Long.toString(timeout.toMillis());
                    for (String protocol : new String[] {"smtp", "smtps"}) {
                        mail.putIfAbsent("mail." + protocol + ".connectiontimeout", millis);
                        mail.putIfAbsent("mail." + protocol + ".timeout", millis);
                        mail.putIfAbsent("mail." + protocol + ".writetimeout", millis);
                    }
                }
                return bean;
            }
        };
    }
}
