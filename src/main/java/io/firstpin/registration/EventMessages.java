package io.firstpin.registration;

import static io.firstpin.platform.db.Tables.EVENT_MESSAGE;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.internal.RegistrationMails;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages staff write to a segment of an event's registrants (venue change, what to bring, thanks for coming). They
 * are about the registration the person made, so they carry no unsubscribe link; each is kept in the event's history.
 */
@Service
public class EventMessages {

    static final int MAX_SUBJECT = 150;
    static final int MAX_BODY = 5000;

    private final DSLContext db;
    private final Registrations registrations;
    private final RegistrationMails mails;
    private final Events events;
    private final Clock clock;

    EventMessages(DSLContext db, Registrations registrations, RegistrationMails mails, Events events, Clock clock) {
        this.db = db;
        this.registrations = registrations;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Queues the message for everyone in the segment who gave an email address, and records it; all or nothing.
     *
     * @return how many it was sent to
     */
    @Transactional
    public int send(long organizationId, long eventId, Segment segment, String subject, String body, String sentBy) {
        String cleanSubject = subject == null ? "" : subject.replaceAll("\\s+", " ").strip();
        String cleanBody = body == null ? "" : body.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (segment == null) {
            problems.add(new FieldProblem("segment", "validation.required", List.of()));
        }
        check(problems, "subject", cleanSubject, MAX_SUBJECT);
        check(problems, "body", cleanBody, MAX_BODY);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        EventSummary event = events.summary(eventId).filter(e -> e.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
        List<Registration> recipients = registrations.ofEvent(organizationId, eventId).stream()
                .filter(segment::includes)
                .map(Registrations.Entry::registration)
                .filter(r -> r.email() != null)
                .toList();
        Instant now = clock.instant();
        long messageId = db.insertInto(EVENT_MESSAGE)
                .set(EVENT_MESSAGE.ORGANIZATION_ID, organizationId)
                .set(EVENT_MESSAGE.EVENT_ID, eventId)
                .set(EVENT_MESSAGE.SEGMENT, segment.name())
                .set(EVENT_MESSAGE.SUBJECT, cleanSubject)
                .set(EVENT_MESSAGE.BODY, cleanBody)
                .set(EVENT_MESSAGE.RECIPIENTS, recipients.size())
                .set(EVENT_MESSAGE.SENT_BY, sentBy)
                .set(EVENT_MESSAGE.SENT_AT, now.atOffset(ZoneOffset.UTC))
                .returningResult(EVENT_MESSAGE.ID)
                .fetchOne(EVENT_MESSAGE.ID);
        for (Registration recipient : recipients) {
            mails.message(recipient, event, messageId, cleanSubject, cleanBody, segment.linksToRegistration());
        }
        return recipients.size();
    }

    /** How many registrants each segment has now, counting those with an email address. */
    @Transactional(readOnly = true)
    public Map<Segment, Integer> audience(long organizationId, long eventId) {
        Map<Segment, Integer> counts = new EnumMap<>(Segment.class);
        List<Registrations.Entry> entries = registrations.ofEvent(organizationId, eventId);
        for (Segment segment : Segment.values()) {
            counts.put(segment, (int) entries.stream()
                    .filter(segment::includes).filter(e -> e.registration().email() != null).count());
        }
        return counts;
    }

    /** The messages sent for the event, newest first. */
    @Transactional(readOnly = true)
    public List<Sent> history(long organizationId, long eventId) {
        return db.selectFrom(EVENT_MESSAGE)
                .where(EVENT_MESSAGE.ORGANIZATION_ID.eq(organizationId))
                .and(EVENT_MESSAGE.EVENT_ID.eq(eventId))
                .orderBy(EVENT_MESSAGE.SENT_AT.desc(), EVENT_MESSAGE.ID.desc())
                .fetch(row -> new Sent(row.getId(), Segment.valueOf(row.getSegment()), row.getSubject(), row.getBody(),
                        row.getRecipients(), row.getSentBy(), row.getSentAt().toInstant()));
    }

    private static void check(List<FieldProblem> problems, String field, String value, int max) {
        if (value.isEmpty()) {
            problems.add(new FieldProblem(field, "validation.required", List.of()));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "validation.too-long", List.of(max)));
        }
    }

    public record Sent(long id, Segment segment, String subject, String body, int recipients, String sentBy,
            Instant sentAt) {
    }
}
