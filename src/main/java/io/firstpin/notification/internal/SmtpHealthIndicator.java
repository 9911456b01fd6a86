package io.firstpin.notification.internal;

import io.firstpin.notification.MailStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The {@code smtp} health component: whether mail goes out. An SMTP server out of reach never makes the application
 * DOWN or unready, since every page works and the outbox keeps the mail: the component says {@link #DEGRADED}, which
 * ranks below UP in the overall status (management.endpoint.health.status.order) and answers 503 only in its own group,
 * {@code /actuator/health/mail}. Judged from what the sender saw, never by connecting on each probe (a hanging server
 * would make the probe time out): the last attempt of this instance, and the outbox's oldest pending email, which every
 * instance sees alike.
 */
@Component
class SmtpHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "mail is not going out; the outbox keeps it");

    /** A pending email older than this means mail is stuck, whatever this instance saw. */
    static final Duration STUCK_AFTER = Duration.ofMinutes(15);

    private final MailDelivery delivery;
    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;

    SmtpHealthIndicator(MailDelivery delivery, Outbox outbox, ObjectProvider<JavaMailSender> mailSender, Clock clock) {
        this.delivery = delivery;
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Health.Builder health = Health.up().withDetail("pending", outbox.count(MailStatus.PENDING));
        outbox.oldestPendingSince().ifPresent(since -> health.withDetail("oldestPendingSeconds",
                Duration.between(since, now).toSeconds()));
        if (mailSender.getIfAvailable() == null) {
            return health.status(DEGRADED).withDetail("smtp", "not configured (spring.mail.host)").build();
        }
        delivery.lastAttempt().ifPresent(last -> health.withDetail("lastAttempt", last.at().toString()));
        if (delivery.failingSince().isPresent()) {
            MailDelivery.Attempt last = delivery.lastAttempt().orElseThrow();
            return health.status(DEGRADED).withDetail("smtp", "unreachable")
                    .withDetail("failingSince", delivery.failingSince().get().toString())
                    .withDetail("lastError", last.failure()).build();
        }
        if (outbox.oldestPendingSince().filter(since -> since.isBefore(now.minus(STUCK_AFTER))).isPresent()) {
            return health.status(DEGRADED).withDetail("smtp", "mail older than " + STUCK_AFTER.toMinutes()
                    + " minutes is still pending").build();
        }
        return health.withDetail("smtp", delivery.lastAttempt().isPresent() ? "reachable" : "no attempt yet").build();
    }
}
