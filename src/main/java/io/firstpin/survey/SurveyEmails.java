package io.firstpin.survey;

import io.firstpin.event.EventRounds;
import io.firstpin.event.EventSummary;
import io.firstpin.member.EmailPreferences;
import io.firstpin.member.EmailPreferences.PreferenceLink;
import io.firstpin.member.EmailPreferences.Refusals;
import io.firstpin.member.EmailTopic;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.platform.PublicUrls;
import io.firstpin.registration.Registrations;
import io.firstpin.survey.internal.SurveyProperties;
import io.firstpin.survey.internal.SurveyRecords;
import io.firstpin.survey.internal.SurveyRecords.Recipient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The survey email: {@code send-after} the end of an event, each attendee gets one email with a private link to the
 * survey. Once per event: each event's round is claimed by a row, in the transaction that queues its emails
 * ({@link EventRounds}). Members who do not want survey invitations (their email preferences, linked from every
 * invitation) get none.
 */
@Service
public class SurveyEmails {

    private static final DateTimeFormatter CLOSING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SurveyRecords records;
    private final EventRounds rounds;
    private final Registrations registrations;
    private final Notifications notifications;
    private final EmailPreferences preferences;
    private final PublicUrls urls;
    private final SurveyProperties properties;
    private final Clock clock;

    SurveyEmails(SurveyRecords records, EventRounds rounds, Registrations registrations, Notifications notifications,
            EmailPreferences preferences, PublicUrls urls, SurveyProperties properties, Clock clock) {
        this.records = records;
        this.rounds = rounds;
        this.registrations = registrations;
        this.notifications = notifications;
        this.preferences = preferences;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends the survey of every event that ended {@code send-after} ago and whose survey is still open, one
     * transaction per event; answers how many emails were queued.
     */
    public int runDue() {
        Instant now = clock.instant();
        return rounds.runForEventsEnded(SurveyRecords.ROUND, now.minus(properties.closeAfter()),
                now.minus(properties.sendAfter()), this::send);
    }

    /** When the survey closes, as its emails say it: in the event's time zone. */
    static String closing(EventSummary event, Instant closesAt) {
        return CLOSING.format(closesAt.atZone(ZoneId.of(event.timeZone())));
    }

    /**
     * What every email carrying a survey link says (the invitation, and the link asked for from the venue screen), with
     * a fresh private link of the recipient's registration.
     */
    Map<String, Object> surveyLinkModel(Recipient recipient, EventSummary event, String closing) {
        String token = registrations.newPrivateLink(recipient.registrationId());
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", recipient.name());
        model.put("eventTitle", event.title());
        model.put("communityName", event.communityName());
        model.put("surveyUrl", urls.base() + "/r/" + token + "/survey");
        model.put("closesAt", closing);
        return model;
    }

    private int send(EventSummary event, Instant now) {
        long eventId = event.id();
        String closing = closing(event, event.endsAt().plus(properties.closeAfter()));
        int sent = 0;
        Refusals refusals = preferences.refusals(event.organizationId(), EmailTopic.SURVEY_INVITATIONS);
        for (Recipient recipient : records.recipients(eventId)) {
            if (refusals.refuse(recipient.memberId(), recipient.email())) {
                continue;
            }
            Map<String, Object> model = surveyLinkModel(recipient, event, closing);
            PreferenceLink link = preferences.link(event.organizationId(), recipient.memberId(),
                    EmailTopic.SURVEY_INVITATIONS);
            model.put("preferencesUrl", link.pageUrl());
            notifications.send(new OutgoingEmail(event.organizationId(), recipient.email(), recipient.locale(),
                    "survey/invitation", model, "survey:" + eventId + ":" + recipient.registrationId())
                    .about(eventId).withListUnsubscribe(link.oneClickUrl()));
            sent++;
        }
        return sent;
    }
}
