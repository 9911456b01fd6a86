package io.firstpin.registration.internal;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
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
    private final Communities communities;
    private final Notifications notifications;
    private final PublicUrls urls;
    private final Formats formats;

    RegistrationMails(Registrations registrations, Events events, Communities communities, Notifications notifications,
            PublicUrls urls, Formats formats) {
        this.registrations = registrations;
        this.events = events;
        this.communities = communities;
        this.notifications = notifications;
        this.urls = urls;
        this.formats = formats;
    }

    @EventListener
    void on(RegistrationChanged changed) {
        Registration registration = registrations.find(changed.registrationId()).orElseThrow();
        if (registration.email() == null) {
            return;
        }
        Event event = events.find(changed.eventId()).orElseThrow();
        Community community = communities.inOrganization(event.organizationId(), event.communityId());
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", registration.name());
        model.put("eventTitle", event.title());
        model.put("when", formats.dateTime(event.startsAt(), community.timeZoneId(), registration.locale())
                + " (" + community.timeZoneId() + ")");
        model.put("communityName", community.name());
        model.put("place", event.venue().map(v -> String.join(" ", nonNull(v.name()),
                v.prefecture().displayName(registration.locale()), nonNull(v.city()))).orElse(null));
        model.put("online", event.online());
        model.put("frameName", events.frame(registration.frameId()).map(f -> f.name()).orElse(""));
        model.put("eventUrl", urls.event(event.id()));
        model.put("manageUrl", changed.manageToken() == null ? null : urls.base() + "/r/" + changed.manageToken());
        model.put("position", registrations.positionOf(registration));
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
