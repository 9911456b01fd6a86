package io.firstpin.registration.internal;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.i18n.Formats;
import io.firstpin.registration.CancelReason;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationChanged;
import io.firstpin.registration.RegistrationChanged.Change;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import io.firstpin.registration.internal.RegistrationLinks.Purpose;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells registrants where they stand, and reminds them. Runs inside the transaction that changed the registration, so
 * the email is queued if and only if the change is committed.
 */
@Component
public class RegistrationMails {

    private final Registrations registrations;
    private final RegistrationLinks links;
    private final Events events;
    private final Notifications notifications;
    private final PublicUrls urls;
    private final Formats formats;
    private final Clock clock;

    RegistrationMails(Registrations registrations, RegistrationLinks links, Events events, Notifications notifications,
            PublicUrls urls, Formats formats, Clock clock) {
        this.registrations = registrations;
        this.links = links;
        this.events = events;
        this.notifications = notifications;
        this.urls = urls;
        this.formats = formats;
        this.clock = clock;
    }

    @EventListener
    void on(RegistrationChanged changed) {
        Registration registration = changed.registration();
        if (registration.email() == null) {
            return;
        }
        EventSummary event = changed.event() != null ? changed.event() : events.summary(changed.eventId()).orElseThrow();
        Map<String, Object> model = model(registration, event, changed.frameName());
        String manageToken = changed.change() == Change.PROMOTED
                ? links.issue(registration.id(), Purpose.PROMOTION, clock.instant()) : changed.manageToken();
        model.put("manageUrl", manageToken == null ? null : manageUrl(manageToken));
        model.put("position", changed.waitlistPosition() != null ? changed.waitlistPosition()
                : registrations.positionOf(registration));
        model.put("byStaff", registration.cancelReason() == CancelReason.STAFF);
        model.put("withParent", registration.cancelReason() == CancelReason.PARENT_CANCELLED);
        model.put("onlineUrl", joinUrl(registration, event, changed.onlineUrl()));
        String name = changed.change().name().toLowerCase(Locale.ROOT);
        Instant when = changed.change() == Change.CANCELLED || changed.change() == Change.RELEASED
                ? registration.cancelledAt() : registration.registeredAt();
        send(registration, event, name, model, name + ":" + when.toEpochMilli());
    }

    /** The day-before reminder, with a fresh private link and the one-click way to free the seat. */
    public void remind(Registration registration, EventSummary event, String frameName) {
        Map<String, Object> model = model(registration, event, frameName);
        String token = links.issue(registration.id(), Purpose.REMINDER, clock.instant());
        model.put("manageUrl", manageUrl(token));
        model.put("cantComeUrl", manageUrl(token) + "/cant-come");
        model.put("onlineUrl", joinUrl(registration, event));
        send(registration, event, "reminder", model, "reminder:" + event.startsAt().toEpochMilli());
    }

    /**
     * Tells a confirmed registrant where the event takes place now that it is decided (会場未定 no longer); once per
     * registration and place.
     */
    public void placeDecided(Registration registration, EventSummary event) {
        Map<String, Object> model = model(registration, event, null);
        model.put("onlineUrl", joinUrl(registration, event));
        model.put("manageUrl", manageUrl(links.issue(registration.id(), Purpose.REMINDER, clock.instant())));
        String place = model.get("place") + ":" + event.online();
        send(registration, event, "place-decided", model, "place-decided:" + Integer.toHexString(place.hashCode()));
    }

    /**
     * Tells someone registered that the event is cancelled (中止) or postponed (延期, to a new date or one still
     * undecided); once per registration and news, however often it is asked.
     */
    public void calledOff(Registration registration, EventSummary event, boolean cancelled, boolean dateUndecided) {
        Map<String, Object> model = model(registration, event, null);
        model.put("dateUndecided", dateUndecided);
        String template = cancelled ? "event-cancelled" : "event-postponed";
        send(registration, event, template, model, template);
    }

    /** Tells someone registered the new date of a postponed event; once per registration and date. */
    public void dateDecided(Registration registration, EventSummary event) {
        send(registration, event, "event-date-decided", model(registration, event, null),
                "event-date-decided:" + event.startsAt().toEpochMilli());
    }

    /** Gives a confirmed registrant the event's new online join URL; once per registration and URL. */
    public void onlineUrlChanged(Registration registration, EventSummary event) {
        String url = joinUrl(registration, event);
        if (url == null) {
            return;
        }
        Map<String, Object> model = model(registration, event, null);
        model.put("onlineUrl", url);
        model.put("manageUrl", manageUrl(links.issue(registration.id(), Purpose.REMINDER, clock.instant())));
        send(registration, event, "online-url", model, "online-url:" + Integer.toHexString(url.hashCode()));
    }

    /** The join URL goes to confirmed registrants only: never to the waitlisted, lottery applicants or the cancelled. */
    private String joinUrl(Registration registration, EventSummary event) {
        return joinUrl(registration, event, null);
    }

    /**
     * As {@link #joinUrl(Registration, EventSummary)}, with the URL read under the frame's lock if it was (empty: the
     * event has none), so that it is not read again while the frame is locked.
     */
    private String joinUrl(Registration registration, EventSummary event, String known) {
        if (registration.status() != RegistrationStatus.CONFIRMED || !event.online()) {
            return null;
        }
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        return events.onlineUrl(event.id()).orElse(null);
    }

    /**
     * Sends the registrant their private link again, asked for by whoever typed their email on the form; each request
     * is its own email (the caller caps them per recipient).
     */
    public void linkAgain(Registration registration, EventSummary event) {
        Instant now = clock.instant();
        Map<String, Object> model = model(registration, event, null);
        model.put("manageUrl", manageUrl(links.issue(registration.id(), Purpose.LINK_AGAIN, now)));
        send(registration, event, "link-again", model, "link-again:" + now.toEpochMilli());
    }

    /** Asks the registrant to confirm they still come, by {@code deadline}. */
    public void askToReconfirm(Registration registration, EventSummary event, String frameName, Instant deadline) {
        Map<String, Object> model = model(registration, event, frameName);
        String token = links.issue(registration.id(), Purpose.RECONFIRMATION, clock.instant());
        model.put("reconfirmUrl", manageUrl(token) + "/reconfirm");
        model.put("cantComeUrl", manageUrl(token) + "/cant-come");
        model.put("deadline", formats.dateTime(deadline, event.timeZone(), registration.locale())
                + " (" + event.timeZone() + ")");
        send(registration, event, "reconfirm", model, "reconfirm:" + event.startsAt().toEpochMilli());
    }

    /** A message staff wrote to a segment of the event's registrants. */
    public void message(Registration registration, EventSummary event, long messageId, String subject, String body,
            boolean withManageLink) {
        Map<String, Object> model = model(registration, event, null);
        model.put("subject", subject);
        model.put("body", body);
        model.put("manageUrl", withManageLink
                ? manageUrl(links.issue(registration.id(), Purpose.REMINDER, clock.instant())) : null);
        send(registration, event, "message", model, "message:" + messageId);
    }

    private void send(Registration registration, EventSummary event, String template, Map<String, Object> model,
            String promise) {
        if (registration.email() == null) {
            return;
        }
        notifications.send(new OutgoingEmail(event.organizationId(), registration.email(), registration.locale(),
                "registration/" + template, model, "registration:" + registration.id() + ":" + promise).about(event.id()));
    }

    private Map<String, Object> model(Registration registration, EventSummary event, String frameName) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", registration.name());
        model.put("eventTitle", event.title());
        model.put("when", formats.dateTime(event.startsAt(), event.timeZone(), registration.locale())
                + " (" + event.timeZone() + ")");
        model.put("communityName", event.communityName());
        model.put("place", event.prefectureIfAny().map(p -> String.join(" ", nonNull(event.venueName()),
                p.displayName(registration.locale()), nonNull(event.city()))).orElse(null));
        model.put("online", event.online());
        model.put("frameName", frameName != null ? frameName
                : events.frame(registration.frameId()).map(f -> f.name()).orElse(""));
        model.put("eventUrl", urls.event(event.id()));
        return model;
    }

    private String manageUrl(String token) {
        return urls.base() + "/r/" + token;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
