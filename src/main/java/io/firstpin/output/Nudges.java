package io.firstpin.output;

import io.firstpin.event.EventRounds;
import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.member.EmailPreferences;
import io.firstpin.member.EmailPreferences.PreferenceLink;
import io.firstpin.member.EmailPreferences.Refusals;
import io.firstpin.member.EmailTopic;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.output.internal.NudgeRecords;
import io.firstpin.output.internal.NudgeRecords.Recipient;
import io.firstpin.output.internal.NudgeRecords.Sent;
import io.firstpin.output.internal.OutputProperties;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nudge (ブログ書くまでが勉強会): some days after an event, each attendee who has not posted a report gets one email
 * with the hashtag, the event page and a private link to add their report. Once per event and person: each event's
 * round is claimed by a row ({@link EventRounds}), and each email is recorded under (event, member). Every nudge links
 * to the member's email preferences and carries a one-click unsubscribe; a member who does not want nudges gets none.
 */
@Service
public class Nudges {

    static final String TOKEN_PREFIX = "o_";

    private final NudgeRecords records;
    private final EventRounds rounds;
    private final Events events;
    private final Notifications notifications;
    private final EmailPreferences preferences;
    private final PublicUrls urls;
    private final LinkingRules rules;
    private final OutputProperties properties;
    private final Clock clock;

    Nudges(NudgeRecords records, EventRounds rounds, Events events, Notifications notifications,
            EmailPreferences preferences, PublicUrls urls, LinkingRules rules, OutputProperties properties,
            Clock clock) {
        this.records = records;
        this.rounds = rounds;
        this.events = events;
        this.notifications = notifications;
        this.preferences = preferences;
        this.urls = urls;
        this.rules = rules;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Nudges the attendees of every event that ended {@code nudge-after} ago, one transaction per event. Events whose
     * linking window has closed are left alone: a report written now would not count for them.
     */
    public int runDue() {
        Instant now = clock.instant();
        return rounds.runForEventsEnded(NudgeRecords.ROUND, now.minus(rules.windowAfterEnd()),
                now.minus(properties.nudgeAfter()), this::nudge);
    }

    private int nudge(EventSummary event, Instant now) {
        long eventId = event.id();
        String hashtag = events.find(eventId).map(e -> e.hashtagText()).orElse("");
        int sent = 0;
        Refusals refusals = preferences.refusals(event.organizationId(), EmailTopic.OUTPUT_NUDGES);
        for (Recipient recipient : records.recipients(eventId)) {
            if (refusals.refuse(recipient.memberId(), recipient.email())) {
                continue;
            }
            String token = Secrets.newSecret(TOKEN_PREFIX);
            records.recordNudge(eventId, recipient.memberId(), event.organizationId(), Secrets.hash(token), now);
            Map<String, Object> model = new HashMap<>();
            model.put("recipientName", recipient.name());
            model.put("eventTitle", event.title());
            model.put("communityName", event.communityName());
            model.put("hashtag", hashtag.isEmpty() ? null : hashtag);
            model.put("eventUrl", urls.event(eventId));
            model.put("submitUrl", submitUrl(token));
            PreferenceLink link = preferences.link(event.organizationId(), recipient.memberId(),
                    EmailTopic.OUTPUT_NUDGES);
            model.put("preferencesUrl", link.pageUrl());
            notifications.send(new OutgoingEmail(event.organizationId(), recipient.email(), recipient.locale(),
                    "output/nudge", model, "output-nudge:" + eventId + ":" + recipient.memberId())
                    .about(eventId).withListUnsubscribe(link.oneClickUrl()));
            sent++;
        }
        return sent;
    }

    /** The nudge a private link of a nudge email points to. */
    public Optional<Nudge> byToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return records.byTokenHash(Secrets.hash(token))
                .flatMap(sent -> events.summary(sent.eventId()).map(event -> new Nudge(sent, event)));
    }

    /**
     * Stops nudges to the member the link was sent to, in their email preferences; answers the nudge, if the link is
     * one. Nudges sent before the preferences page carried this page's link as their unsubscribe link.
     */
    @Transactional
    public Optional<Nudge> unsubscribe(String token) {
        Optional<Nudge> nudge = byToken(token);
        nudge.ifPresent(n -> preferences.optOut(n.organizationId(), n.memberId(), EmailTopic.OUTPUT_NUDGES));
        return nudge;
    }

    private String submitUrl(String token) {
        return urls.base() + "/o/" + token;
    }

    /** A nudge that was sent: to which member, for which event. */
    public record Nudge(long eventId, long memberId, long organizationId, EventSummary event) {

        Nudge(Sent sent, EventSummary event) {
            this(sent.eventId(), sent.memberId(), sent.organizationId(), event);
        }
    }
}
