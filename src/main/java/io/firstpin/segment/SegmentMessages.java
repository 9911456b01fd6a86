package io.firstpin.segment;

import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE;

import io.firstpin.member.EmailPreferences;
import io.firstpin.member.EmailPreferences.PreferenceLink;
import io.firstpin.member.EmailTopic;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email staff write to a segment: one email per member with an email address, queued through the outbox in one
 * transaction with the record of it (all or nothing), as {@code registration.EventMessages} does for an event's
 * registrants. Members without an email address are counted as skipped, members who unsubscribed as opted out. Staff
 * chose who gets it, not the member, so each email links to the member's email preferences in the text and carries
 * the one-click {@code List-Unsubscribe} address, which stops email to segments ({@link SegmentOptOuts}).
 */
@Service
public class SegmentMessages {

    static final int MAX_SUBJECT = 150;
    static final int MAX_BODY = 5000;

    private final DSLContext db;
    private final Segments segments;
    private final Notifications notifications;
    private final EmailPreferences preferences;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SegmentMessages(DSLContext db, Segments segments, Notifications notifications, EmailPreferences preferences,
            Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.db = db;
        this.segments = segments;
        this.notifications = notifications;
        this.preferences = preferences;
        this.clock = clock;
    }

    /**
     * Queues the message for every member of the segment with an email address who did not opt out, and records it,
     * in the given language; refused when nobody in the segment can be reached.
     */
    @Transactional
    public Sent send(long organizationId, long segmentId, String subject, String body, String sentBy,
            Locale locale) {
        Draft draft = Draft.of(subject, body);
        SegmentMembers found = segments.members(organizationId, segmentId);
        List<SegmentMember> recipients = found.recipients();
        if (recipients.isEmpty()) {
            throw InvalidInputException.of("segment", "segment.message.nobody");
        }
        Instant now = clock.instant();
        long messageId = db.insertInto(SEGMENT_MESSAGE)
                .set(SEGMENT_MESSAGE.ORGANIZATION_ID, organizationId)
                .set(SEGMENT_MESSAGE.SEGMENT_ID, segmentId)
                .set(SEGMENT_MESSAGE.SEGMENT_NAME, found.segment().name())
                .set(SEGMENT_MESSAGE.SUBJECT, draft.subject())
                .set(SEGMENT_MESSAGE.BODY, draft.body())
                .set(SEGMENT_MESSAGE.RECIPIENTS, recipients.size())
                .set(SEGMENT_MESSAGE.SKIPPED, found.withoutEmail())
                .set(SEGMENT_MESSAGE.OPTED_OUT, found.optedOut())
                .set(SEGMENT_MESSAGE.SENT_BY, sentBy)
                .set(SEGMENT_MESSAGE.SENT_AT, now.atOffset(ZoneOffset.UTC))
                .returningResult(SEGMENT_MESSAGE.ID)
                .fetchOne(SEGMENT_MESSAGE.ID);
        for (SegmentMember member : recipients) {
            PreferenceLink link = preferences.link(organizationId, member.id(), EmailTopic.SEGMENT_EMAILS);
            Map<String, Object> model = new HashMap<>();
            model.put("recipientName", member.displayName());
            model.put("communityName", found.communityName());
            model.put("subject", draft.subject());
            model.put("body", draft.body());
            model.put("preferencesUrl", link.pageUrl());
            notifications.send(new OutgoingEmail(organizationId, member.email().orElseThrow(), locale,
                    "segment/message", model, "segment-message:" + messageId + ":" + member.id())
                    .withListUnsubscribe(link.oneClickUrl()));
        }
        events.publishEvent(new SegmentMessageSent(organizationId, segmentId, messageId, recipients.size(),
                found.withoutEmail(), found.optedOut()));
        return new Sent(messageId, found.segment().name(), draft.subject(), draft.body(), recipients.size(),
                found.withoutEmail(), found.optedOut(), sentBy, now);
    }

    /** The messages sent to the segment, newest first. */
    @Transactional(readOnly = true)
    public List<Sent> history(long organizationId, long segmentId) {
        return db.selectFrom(SEGMENT_MESSAGE)
                .where(SEGMENT_MESSAGE.ORGANIZATION_ID.eq(organizationId))
                .and(SEGMENT_MESSAGE.SEGMENT_ID.eq(segmentId))
                .orderBy(SEGMENT_MESSAGE.SENT_AT.desc(), SEGMENT_MESSAGE.ID.desc())
                .fetch(row -> new Sent(row.getId(), row.getSegmentName(), row.getSubject(), row.getBody(),
                        row.getRecipients(), row.getSkipped(), row.getOptedOut(), row.getSentBy(),
                        row.getSentAt().toInstant()));
    }

    /** A subject and body checked as they will be sent: whitespace of the subject folded, both trimmed. */
    public record Draft(String subject, String body) {

        public static Draft of(String subject, String body) {
            String cleanSubject = subject == null ? "" : subject.replaceAll("\\s+", " ").strip();
            String cleanBody = body == null ? "" : body.strip();
            List<FieldProblem> problems = new ArrayList<>();
            check(problems, "subject", cleanSubject, MAX_SUBJECT);
            check(problems, "body", cleanBody, MAX_BODY);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Draft(cleanSubject, cleanBody);
        }

        private static void check(List<FieldProblem> problems, String field, String value, int max) {
            if (value.isEmpty()) {
                problems.add(new FieldProblem(field, "validation.required", List.of()));
            } else if (value.length() > max) {
                problems.add(new FieldProblem(field, "validation.too-long", List.of(max)));
            }
        }
    }

    /**
     * A message as recorded.
     *
     * @param skipped members without an email address
     * @param optedOut members who had unsubscribed
     */
    public record Sent(long id, String segmentName, String subject, String body, int recipients, int skipped,
            int optedOut, String sentBy, Instant sentAt) implements Serializable {
    }
}
