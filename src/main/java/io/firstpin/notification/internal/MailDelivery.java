package io.firstpin.notification.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What this instance's attempts to hand emails to the SMTP server came to: whether the server took the last one, and
 * since when it has not. Metrics {@code firstpin.mail.smtp.reachable} (1 or 0; absent before the first attempt),
 * {@code firstpin.mail.sent} and {@code firstpin.mail.failures{kind=transient|permanent}}.
 */
@Component
class MailDelivery {

    private final Counter sent;
    private final Counter transientFailures;
    private final Counter permanentFailures;
    private volatile Attempt last;
    private volatile Instant failingSince;

    MailDelivery(MeterRegistry registry) {
        this.sent = Counter.builder("firstpin.mail.sent").description("Emails the SMTP server accepted")
                .register(registry);
        this.transientFailures = failures(registry, "transient");
        this.permanentFailures = failures(registry, "permanent");
        Gauge.builder("firstpin.mail.smtp.reachable", this, MailDelivery::reachability)
                .description("1 when the SMTP server took or answered this instance's last email, 0 when that failed and is retried")
                .register(registry);
    }

    private static Counter failures(MeterRegistry registry, String kind) {
        return Counter.builder("firstpin.mail.failures").tag("kind", kind)
                .description("Attempts to send an email that failed: transient ones are tried again")
                .register(registry);
    }

    void succeeded(Instant at) {
        sent.increment();
        last = new Attempt(at, true, null);
        failingSince = null;
    }

    /**
     * A failure that may pass (the server is down, slow, busy or refuses the credentials) means mail is not going out;
     * a permanent one (a recipient refused for good) was the server's answer about one email, so it is reachable.
     */
    void failed(Instant at, DeliveryFailure failure) {
        (failure.permanent() ? permanentFailures : transientFailures).increment();
        if (failure.permanent()) {
            last = new Attempt(at, true, null);
            failingSince = null;
            return;
        }
        last = new Attempt(at, false, failure.description());
        if (failingSince == null) {
            failingSince = at;
        }
    }

    Optional<Attempt> lastAttempt() {
        return Optional.ofNullable(last);
    }

    Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    private double reachability() {
        Attempt attempt = last;
        return attempt == null ? Double.NaN : attempt.reached() ? 1 : 0;
    }

    /** One attempt: when, whether the server took or answered it, and the failure if it did not. */
    record Attempt(Instant at, boolean reached, String failure) {
    }
}
