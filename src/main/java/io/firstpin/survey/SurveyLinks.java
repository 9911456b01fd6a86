package io.firstpin.survey;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.member.Members;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.limits.Limit;
import io.firstpin.platform.limits.RateLimits;
import io.firstpin.registration.Applicant;
import io.firstpin.survey.internal.SurveyRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The survey's public entry, shown on the venue screen as a QR code: the survey is answered through each attendee's
 * private link, so an attendee gives their email and the link goes to that mailbox. The answer is the same whether or
 * not the email is an attendee's, so nobody learns who came by asking, and each address gets a few such emails an hour
 * at most; further requests are answered alike and send nothing.
 */
@Service
public class SurveyLinks {

    static final Limit PER_RECIPIENT = Limit.of("survey-link", 3, Duration.ofHours(1));

    private final Events events;
    private final Surveys surveys;
    private final SurveyRecords records;
    private final SurveyEmails invitations;
    private final Notifications notifications;
    private final RateLimits limits;
    private final PublicUrls urls;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SurveyLinks(Events events, Surveys surveys, SurveyRecords records, SurveyEmails invitations,
            Notifications notifications, RateLimits limits, PublicUrls urls, Clock clock,
            PlatformTransactionManager transactions) {
        this.events = events;
        this.surveys = surveys;
        this.records = records;
        this.invitations = invitations;
        this.notifications = notifications;
        this.limits = limits;
        this.urls = urls;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The address the venue screen shows: short enough to type from the back of the room. */
    public String entryUrl(long eventId) {
        return urls.base() + "/e/" + eventId + "/survey";
    }

    /**
     * The public event whose survey entry this is, with when its survey takes answers.
     *
     * @throws NotFoundException for an event that is not public (a draft, a hidden one)
     */
    public Entry entry(long eventId) {
        EventSummary event = publicEvent(eventId);
        return new Entry(event, surveys.windowOf(eventId));
    }

    /**
     * Emails the attendee holding this address a fresh private link to the event's survey, if there is one and the
     * survey has not closed.
     *
     * @throws NotFoundException for an event that is not public
     * @throws io.firstpin.platform.InvalidInputException on {@code email} for something that is not an email address
     */
    public void send(long eventId, String email) {
        EventSummary event = publicEvent(eventId);
        String key = new Applicant("-", email, Locale.ROOT).emailKey();
        // taken before the lookup, whether or not the email is an attendee's: the cap says nothing about who is
        if (!limits.take(PER_RECIPIENT, key).allowed()) {
            return;
        }
        SurveyWindow window = surveys.windowOf(eventId);
        Instant now = clock.instant();
        if (window.closed(now)) {
            return;
        }
        transaction.executeWithoutResult(status -> records.recipients(eventId).stream()
                .filter(recipient -> Members.emailKey(recipient.email()).equals(key))
                .findFirst()
                .ifPresent(recipient -> {
                    Map<String, Object> model = invitations.surveyLinkModel(recipient, event,
                            SurveyEmails.closing(event, window.closesAt()));
                    notifications.send(new OutgoingEmail(event.organizationId(), recipient.email(),
                            recipient.locale(), "survey/link", model,
                            "survey-link:" + eventId + ":" + recipient.registrationId() + ":" + UUID.randomUUID())
                            .about(eventId));
                }));
    }

    private EventSummary publicEvent(long eventId) {
        return events.findPublic(eventId).flatMap(found -> events.summary(found.id()))
                .orElseThrow(() -> NotFoundException.of("event", eventId));
    }

    /** A public event's survey entry: the event and when its survey takes answers. */
    public record Entry(EventSummary event, SurveyWindow window) {
    }
}
