package io.firstpin.identity.internal;

import io.firstpin.identity.AccountEvents;
import io.firstpin.identity.StaffAccount;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.platform.PublicUrls;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Tells an account's owner that failed sign-ins locked it, and the audit log that it happened. */
@Component
class LockNotice {

    private final Notifications notifications;
    private final PublicUrls urls;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LockNotice(Notifications notifications, PublicUrls urls, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.urls = urls;
        this.events = events;
        this.clock = clock;
    }

    /** Sign-in runs outside any transaction; the email is queued in one of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void locked(StaffAccount account, Duration lockout) {
        notifications.send(new OutgoingEmail(null, account.email(), Locale.JAPANESE, "identity/locked",
                Map.of("minutes", lockout.toMinutes(), "resetUrl", urls.base() + "/password-reset"),
                "sign-in-locked:" + account.id() + ":" + clock.instant().toEpochMilli()));
        if (account.roles().isEmpty()) {
            events.publishEvent(new AccountEvents.AccountLocked(null, account.id()));
        }
        account.roles().forEach(grant -> events.publishEvent(
                new AccountEvents.AccountLocked(grant.organizationId(), account.id())));
    }
}
