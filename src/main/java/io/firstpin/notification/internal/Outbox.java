package io.firstpin.notification.internal;

import static io.firstpin.platform.db.Tables.NOTIFICATION_OUTBOX;

import io.firstpin.notification.MailStatus;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.notification.QueuedEmail;
import io.firstpin.notification.RenderedEmail;
import io.firstpin.platform.db.tables.records.NotificationOutboxRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox table: queued emails and how their delivery stands. An email queued from a template keeps its template and
 * model (as JSON) until its first attempt renders it.
 */
@Repository
public class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MODEL = new TypeReference<>() {
    };

    private final DSLContext db;

    Outbox(DSLContext db) {
        this.db = db;
    }

    /**
     * Queues the written email, due at once; answers false, changing nothing, when an email with its dedup key is queued
     * already. {@code on conflict do nothing} keeps PostgreSQL's transaction alive when a concurrent transaction
     * queued the same key; H2 may instead report the clash as an error, which leaves its transaction usable.
     */
    public boolean add(RenderedEmail email, String messageId, Instant now) {
        return insert(email.organizationId(), null, email.dedupKey(), email.to(), email.locale(), email.listUnsubscribe(),
                messageId, now, NOTIFICATION_OUTBOX.SUBJECT, email.subject(), NOTIFICATION_OUTBOX.TEXT_BODY,
                email.text(), NOTIFICATION_OUTBOX.HTML_BODY, email.html());
    }

    /** Queues the email as template and model, to be rendered when it is sent; as {@link #add(RenderedEmail, String, Instant)}. */
    public boolean add(OutgoingEmail email, String messageId, Instant now) {
        return insert(email.organizationId(), email.eventId(), email.dedupKey(), email.to(), email.locale(),
                email.listUnsubscribe(), messageId, now, NOTIFICATION_OUTBOX.TEMPLATE, email.template(), NOTIFICATION_OUTBOX.MODEL,
                JSON.writeValueAsString(email.model()), null, null);
    }

    private boolean insert(Long organizationId, Long eventId, String dedupKey, String to, Locale locale,
            String listUnsubscribe, String messageId, Instant now, Field<String> first, String firstValue,
            Field<String> second, String secondValue, Field<String> third, String thirdValue) {
        var insert = db.insertInto(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.ORGANIZATION_ID, organizationId)
                .set(NOTIFICATION_OUTBOX.EVENT_ID, eventId)
                .set(NOTIFICATION_OUTBOX.DEDUP_KEY, dedupKey)
                .set(NOTIFICATION_OUTBOX.MESSAGE_ID, messageId)
                .set(NOTIFICATION_OUTBOX.RECIPIENT, to)
                .set(NOTIFICATION_OUTBOX.LOCALE, locale.toLanguageTag())
                .set(NOTIFICATION_OUTBOX.LIST_UNSUBSCRIBE, listUnsubscribe)
                .set(NOTIFICATION_OUTBOX.STATUS, MailStatus.PENDING.name())
                .set(NOTIFICATION_OUTBOX.ATTEMPTS, 0)
                .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, at(now))
                .set(NOTIFICATION_OUTBOX.CREATED_AT, at(now))
                .set(first, firstValue)
                .set(second, secondValue);
        if (third != null) {
            insert = insert.set(third, thirdValue);
        }
        try {
            return insert.onConflict(NOTIFICATION_OUTBOX.DEDUP_KEY).doNothing().execute() == 1;
        } catch (DuplicateKeyException queuedConcurrently) {
            return false;
        }
    }

    public Optional<Entry> find(String dedupKey) {
        return db.selectFrom(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.DEDUP_KEY.eq(dedupKey))
                .fetchOptional()
                .map(Outbox::toEntry);
    }

    /** The ids of pending emails whose attempt is due, the longest waiting first. */
    public List<Long> dueIds(Instant now, int limit) {
        return db.select(NOTIFICATION_OUTBOX.ID)
                .from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.STATUS.eq(MailStatus.PENDING.name()))
                .and(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT.le(at(now)))
                .orderBy(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, NOTIFICATION_OUTBOX.ID)
                .limit(limit)
                .fetch(NOTIFICATION_OUTBOX.ID);
    }

    /**
     * Locks the email for this transaction if it is still pending and due; empty when another sender holds it or has
     * just dealt with it. Another sender's lock is skipped rather than waited for, so two senders never send one email.
     */
    public Optional<Entry> claimIfDue(long id, Instant now) {
        return db.selectFrom(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.ID.eq(id))
                .and(NOTIFICATION_OUTBOX.STATUS.eq(MailStatus.PENDING.name()))
                .and(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT.le(at(now)))
                .forUpdate()
                .skipLocked()
                .fetchOptional()
                .map(Outbox::toEntry);
    }

    /** Keeps the rendering of an email queued as template and model: every later attempt sends the same text. */
    public void storeRendered(long id, RenderedEmail email) {
        db.update(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.SUBJECT, email.subject())
                .set(NOTIFICATION_OUTBOX.TEXT_BODY, email.text())
                .set(NOTIFICATION_OUTBOX.HTML_BODY, email.html())
                .where(NOTIFICATION_OUTBOX.ID.eq(id))
                .execute();
    }

    /**
     * Marks the email sent, keeping it only without its secrets: the private links in its bodies are cut out
     * ({@link SentMail#withoutSecrets}), and its model (which held them until rendered) and {@code List-Unsubscribe}
     * go. Whoever reads the outbox, or a copy of the database, afterwards finds no link that opens anything.
     */
    public void markSent(long id, Instant sentAt, QueuedEmail sent) {
        db.update(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.STATUS, MailStatus.SENT.name())
                .set(NOTIFICATION_OUTBOX.SENT_AT, at(sentAt))
                .set(NOTIFICATION_OUTBOX.SUBJECT, SentMail.withoutSecrets(sent.subject()))
                .set(NOTIFICATION_OUTBOX.TEXT_BODY, SentMail.withoutSecrets(sent.text()))
                .set(NOTIFICATION_OUTBOX.HTML_BODY, SentMail.withoutSecrets(sent.html()))
                .setNull(NOTIFICATION_OUTBOX.MODEL)
                .setNull(NOTIFICATION_OUTBOX.LIST_UNSUBSCRIBE)
                .where(NOTIFICATION_OUTBOX.ID.eq(id))
                .execute();
    }

    /**
     * Deletes the emails sent, or given up, before {@code before}: answers how many. Pending ones are never deleted, so
     * a promised email is never lost.
     */
    public int deleteOlderThan(Instant before) {
        return db.deleteFrom(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.STATUS.eq(MailStatus.SENT.name())
                        .and(NOTIFICATION_OUTBOX.SENT_AT.lt(at(before))))
                .or(NOTIFICATION_OUTBOX.STATUS.eq(MailStatus.FAILED.name())
                        .and(NOTIFICATION_OUTBOX.CREATED_AT.lt(at(before))))
                .execute();
    }

    /** Records a failed attempt: pending again at {@code nextAttemptAt}, or FAILED when that is empty. */
    public void markFailed(long id, int attempts, Optional<Instant> nextAttemptAt, String error) {
        Field<OffsetDateTime> next = nextAttemptAt.isPresent()
                ? DSL.val(at(nextAttemptAt.get()), NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT)
                : NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT;
        db.update(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.ATTEMPTS, attempts)
                .set(NOTIFICATION_OUTBOX.LAST_ERROR, error)
                .set(NOTIFICATION_OUTBOX.STATUS, nextAttemptAt.isPresent() ? MailStatus.PENDING.name() : MailStatus.FAILED.name())
                .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, next)
                .where(NOTIFICATION_OUTBOX.ID.eq(id))
                .execute();
    }

    /** Puts a given-up email back in the queue, due at once, with a fresh count of attempts. */
    public boolean requeueFailed(String dedupKey, Instant now) {
        return requeueFailed(NOTIFICATION_OUTBOX.DEDUP_KEY.eq(dedupKey), now);
    }

    /** As {@link #requeueFailed(String, Instant)}, for an email about the event of the organization. */
    public boolean requeueFailed(long organizationId, long eventId, long id, Instant now) {
        return requeueFailed(ofEvent(organizationId, eventId).and(NOTIFICATION_OUTBOX.ID.eq(id)), now);
    }

    private boolean requeueFailed(Condition which, Instant now) {
        return db.update(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.STATUS, MailStatus.PENDING.name())
                .set(NOTIFICATION_OUTBOX.ATTEMPTS, 0)
                .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, at(now))
                .where(which)
                .and(NOTIFICATION_OUTBOX.STATUS.eq(MailStatus.FAILED.name()))
                .execute() == 1;
    }

    /**
     * One page of the emails about an event of the organization, newest first, without their bodies; a status narrows
     * them. The model is read only for an email not rendered yet, whose subject is still to be written from it.
     */
    public List<Listed> ofEvent(long organizationId, long eventId, MailStatus status, int offset, int limit) {
        return db.select(NOTIFICATION_OUTBOX.ID, NOTIFICATION_OUTBOX.RECIPIENT, NOTIFICATION_OUTBOX.LOCALE,
                        NOTIFICATION_OUTBOX.TEMPLATE, NOTIFICATION_OUTBOX.MODEL, NOTIFICATION_OUTBOX.DEDUP_KEY,
                        NOTIFICATION_OUTBOX.SUBJECT, NOTIFICATION_OUTBOX.STATUS, NOTIFICATION_OUTBOX.ATTEMPTS,
                        NOTIFICATION_OUTBOX.LAST_ERROR, NOTIFICATION_OUTBOX.CREATED_AT, NOTIFICATION_OUTBOX.SENT_AT,
                        NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT)
                .from(NOTIFICATION_OUTBOX)
                .where(ofEvent(organizationId, eventId))
                .and(status == null ? DSL.noCondition() : NOTIFICATION_OUTBOX.STATUS.eq(status.name()))
                .orderBy(NOTIFICATION_OUTBOX.CREATED_AT.desc(), NOTIFICATION_OUTBOX.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(row -> new Listed(row.value1(), row.value2(), Locale.forLanguageTag(row.value3()),
                        row.value4(), row.value5() == null ? null : JSON.readValue(row.value5(), MODEL), row.value6(),
                        row.value7(), MailStatus.valueOf(row.value8()), row.value9(), row.value10(),
                        instant(row.value11()), instant(row.value12()), instant(row.value13())));
    }

    /** How many emails about the event are pending, sent and given up. */
    public Map<MailStatus, Long> countOfEvent(long organizationId, long eventId) {
        return countWhere(ofEvent(organizationId, eventId));
    }

    private static Condition ofEvent(long organizationId, long eventId) {
        return NOTIFICATION_OUTBOX.EVENT_ID.eq(eventId).and(NOTIFICATION_OUTBOX.ORGANIZATION_ID.eq(organizationId));
    }

    /** An email as an event's list shows it: no bodies; the model only while the subject is not rendered. */
    public record Listed(long id, String to, Locale locale, String template, Map<String, Object> model,
            String dedupKey, String subject, MailStatus status, int attempts, String lastError, Instant createdAt,
            Instant sentAt, Instant nextAttemptAt) {
    }

    /** When the oldest email still waiting to be sent was queued. */
    public Optional<Instant> oldestPendingSince() {
        return Optional.ofNullable(db.select(DSL.min(NOTIFICATION_OUTBOX.CREATED_AT))
                .from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.STATUS.eq(MailStatus.PENDING.name()))
                .fetchOne(0, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    public long count(MailStatus status) {
        return db.fetchCount(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.STATUS.eq(status.name()));
    }

    public Map<MailStatus, Long> countByStatus() {
        return countWhere(DSL.noCondition());
    }

    private Map<MailStatus, Long> countWhere(Condition condition) {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus status : MailStatus.values()) {
            counts.put(status, 0L);
        }
        db.select(NOTIFICATION_OUTBOX.STATUS, DSL.count())
                .from(NOTIFICATION_OUTBOX)
                .where(condition)
                .groupBy(NOTIFICATION_OUTBOX.STATUS)
                .forEach(row -> counts.put(MailStatus.valueOf(row.value1()), row.value2().longValue()));
        return counts;
    }

    /**
     * A queued email; {@code unrendered} is its template and model while it has not been rendered yet, else null.
     */
    public record Entry(QueuedEmail email, OutgoingEmail unrendered) {

        /** The email with the subject and bodies it is sent with. */
        public QueuedEmail renderedWith(RenderedEmail rendering) {
            return new QueuedEmail(email.id(), email.organizationId(), email.dedupKey(), email.messageId(), email.to(),
                    email.locale(), rendering.subject(), rendering.text(), rendering.html(), email.listUnsubscribe(),
                    email.status(), email.attempts(), email.nextAttemptAt(), email.lastError(), email.createdAt(),
                    email.sentAt());
        }
    }

    private static Entry toEntry(NotificationOutboxRecord row) {
        OutgoingEmail unrendered = row.getSubject() != null ? null
                : new OutgoingEmail(row.getOrganizationId(), row.getRecipient(), Locale.forLanguageTag(row.getLocale()),
                        row.getTemplate(), JSON.readValue(row.getModel(), MODEL), row.getDedupKey(),
                        row.getListUnsubscribe(), row.getEventId());
        return new Entry(toEmail(row), unrendered);
    }

    private static QueuedEmail toEmail(NotificationOutboxRecord row) {
        return new QueuedEmail(row.getId(), row.getOrganizationId(), row.getDedupKey(), row.getMessageId(),
                row.getRecipient(), Locale.forLanguageTag(row.getLocale()), row.getSubject(), row.getTextBody(),
                row.getHtmlBody(), row.getListUnsubscribe(), MailStatus.valueOf(row.getStatus()), row.getAttempts(),
                instant(row.getNextAttemptAt()), row.getLastError(), instant(row.getCreatedAt()),
                instant(row.getSentAt()));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
