package io.firstpin.follow;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.follow.internal.AnnouncementRecords;
import io.firstpin.follow.internal.AnnouncementRecords.Due;
import io.firstpin.member.EmailPreferences;
import io.firstpin.member.EmailPreferences.PreferenceLink;
import io.firstpin.member.EmailPreferences.Preferences;
import io.firstpin.member.EmailTopic;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.i18n.Formats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells followers of the events their communities publish: one email per member at most once a day, grouping every
 * event published since their last one, in every community they follow. Each email links to the member's email
 * preferences and carries a one-click unsubscribe from all announcements; a member who does not want a community's
 * announcements (or any) hears nothing of it.
 *
 * <p>Safe with several instances: the task runs on one instance at a time, each event is recorded as announced to a
 * member under a key (a second instance announcing it would fail and roll back), and the outbox takes one
 * announcement per member and day (its dedup key).
 */
@Service
public class Announcements {

    /** The shortest time between two announcement emails to one member. */
    public static final Duration SPACING = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(Announcements.class);

    private final AnnouncementRecords records;
    private final Events events;
    private final Members members;
    private final Organizations organizations;
    private final EmailPreferences preferences;
    private final Notifications notifications;
    private final PublicUrls urls;
    private final Formats formats;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Announcements(AnnouncementRecords records, Events events, Members members, Organizations organizations,
            EmailPreferences preferences, Notifications notifications, PublicUrls urls, Formats formats, Clock clock,
            PlatformTransactionManager transactions) {
        this.records = records;
        this.events = events;
        this.members = members;
        this.organizations = organizations;
        this.preferences = preferences;
        this.notifications = notifications;
        this.urls = urls;
        this.formats = formats;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Sends the announcements that are due, one transaction per member; answers how many emails were queued. */
    public int runDue() {
        Instant now = clock.instant();
        records.forgetStartedBy(now);
        int sent = 0;
        for (Due due : records.dueMembers(now, now.minus(SPACING))) {
            try {
                Boolean queued = transaction.execute(status -> {
                    boolean done = announce(due, now);
                    if (!done) {
                        status.setRollbackOnly();
                    }
                    return done;
                });
                sent += Boolean.TRUE.equals(queued) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Announcing new events to member {} failed; trying again on the next run", due.memberId(), e);
            }
        }
        return sent;
    }

    private boolean announce(Due due, Instant now) {
        long memberId = due.memberId();
        if (records.announcedSince(memberId, now.minus(SPACING))) {
            return false;
        }
        Optional<Member> member = members.findById(memberId)
                .filter(m -> !m.erased() && m.mergedIntoId().isEmpty() && m.organizationId() == due.organizationId());
        Optional<String> address = member.flatMap(Member::primaryEmail);
        Preferences wanted = preferences.of(memberId);
        if (address.isEmpty() || !wanted.wants(EmailTopic.ALL_ANNOUNCEMENTS)) {
            return false;
        }
        Locale locale = records.locale(memberId).orElse(Locale.JAPANESE);
        List<Long> eventIds = new ArrayList<>();
        List<Map<String, Object>> announced = new ArrayList<>();
        List<EventSummary> summaries = new ArrayList<>();
        records.pendingEvents(memberId, now).forEach((communityId, ids) -> {
            if (wanted.wants(EmailTopic.announcementsOf(communityId))) {
                ids.forEach(id -> events.summary(id).ifPresent(summaries::add));
            }
        });
        summaries.sort(Comparator.comparing(EventSummary::startsAt).thenComparing(EventSummary::id));
        for (EventSummary event : summaries) {
            eventIds.add(event.id());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", event.title());
            row.put("communityName", event.communityName());
            row.put("when", formats.dateTime(event.startsAt(), event.timeZone(), locale) + " (" + event.timeZone()
                    + ")");
            row.put("url", urls.event(event.id()));
            announced.add(row);
        }
        if (eventIds.isEmpty() || !records.announced(due.organizationId(), memberId, eventIds, now)) {
            return false;
        }
        PreferenceLink link = preferences.link(due.organizationId(), memberId, EmailTopic.ALL_ANNOUNCEMENTS);
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", member.get().displayName());
        model.put("organizationName", organizations.findById(due.organizationId()).map(o -> o.name()).orElse(""));
        model.put("communityNames", String.join(", ", summaries.stream().map(EventSummary::communityName).distinct()
                .toList()));
        model.put("events", announced);
        model.put("count", announced.size());
        model.put("preferencesUrl", link.pageUrl());
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
        boolean queued = notifications.send(new OutgoingEmail(due.organizationId(), address.get(), locale,
                "follow/announcement", model, "follow-announcement:" + memberId + ":" + day)
                .withListUnsubscribe(link.oneClickUrl()));
        if (queued) {
            log.info("Announced {} new events to member {}", announced.size(), memberId);
        }
        return queued;
    }
}
