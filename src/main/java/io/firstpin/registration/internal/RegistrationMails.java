package io.firstpin.registration.internal;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.i18n.Formats;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationChanged;
import io.firstpin.registration.Registrations;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells registrants where they stand. Runs inside the transaction that changed the registration, so the email is
 * queued if and only if the change is committed.
 */
@Component
class RegistrationMails {

    private final Registrations registrations;
    private final Events events;
    private final Notifications notifications;
    private final PublicUrls urls;
    private final Formats formats;

    RegistrationMails(Registrations registrations, Events events, Notifications notifications, PublicUrls urls,
            Formats formats) {
        this.registrations = registrations;
        this.events = events;
        this.notifications = notifications;
        this.urls = urls;
        this.formats = formats;
    }

    @EventListener
    void on(RegistrationChanged changed) {
        Registration registration = changed.registration();
        if (registration.email() == null) {
            return;
        }
        EventSummary event = changed.event() != null ? changed.event() : events.summary(changed.eventId()).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", registration.name());
        model.put("eventTitle", event.title());
        model.put("when", formats.dateTime(event.startsAt(), event.timeZone(), registration.locale())
                + " (" + event.timeZone() + ")");
        model.put("communityName", event.communityName());
        model.put("place", event.prefectureIfAny().map(p -> String.join(" ", nonNull(event.venueName()),
                p.displayName(registration.locale()), nonNull(event.city()))).orElse(null));
        model.put("online", event.online());
        model.put("frameName", changed.frameName() != null ? changed.frameName()
                : events.frame(registration.frameId()).map(f -> f.name()).orElse(""));
        model.put("eventUrl", urls.event(event.id()));
        model.put("manageUrl", changed.manageToken() == null ? null : urls.base() + "/r/" + changed.manageToken());
        model.put("position", changed.waitlistPosition() != null ? changed.waitlistPosition()
                : registrations.positionOf(registration));
        String name = changed.change().name().toLowerCase(Locale.ROOT);
        String when = String.valueOf((changed.change() == RegistrationChanged.Change.CANCELLED
                ? registration.cancelledAt() : registration.registeredAt()).toEpochMilli());
        notifications.send(new OutgoingEmail(event.organizationId(), registration.email(), registration.locale(),
                "registration/" + name, model, "registration:" + registration.id() + ":" + name + ":" + when));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
