package io.firstpin.audit;

import static io.firstpin.platform.db.Tables.AUDIT_ENTRY;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Actor;
import io.firstpin.platform.audit.AuditedAction;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit log. There is no way to change or delete one entry: the only delete is the retention's,
 * of every entry older than the kept period.
 */
@Service
public class AuditLog {

    public static final int MAX_PAGE_SIZE = 200;

    private final DSLContext db;
    private final AccessGuard access;
    private final Clock clock;

    AuditLog(DSLContext db, AccessGuard access, Clock clock) {
        this.db = db;
        this.access = access;
        this.clock = clock;
    }

    /** Records the action with the caller of the current request (or the system) and its client address. */
    void record(AuditedAction action) {
        db.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.ORGANIZATION_ID, action.organizationId())
                .set(AUDIT_ENTRY.OCCURRED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(AUDIT_ENTRY.ACTION, cut(action.action(), 64))
                .set(AUDIT_ENTRY.TARGET, cut(action.target(), 200))
                .set(AUDIT_ENTRY.DETAILS, action.details().isEmpty() ? null : cut(action.details().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")), 2000))
                .set(AUDIT_ENTRY.ACTOR, actor())
                .set(AUDIT_ENTRY.CLIENT_ADDRESS, clientAddress())
                .execute();
    }

    private String actor() {
        Actor actor = access.current();
        if (actor instanceof Actor.Staff staff) {
            return "account " + staff.accountId();
        }
        if (actor instanceof Actor.Token token) {
            return "token " + token.tokenId();
        }
        return request() == null ? "system" : "anonymous";
    }

    private static String clientAddress() {
        HttpServletRequest request = request();
        return request == null ? null : cut(request.getRemoteAddr(), 64);
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** One page of the organization's entries, newest first, with the number of all that match. */
    @Transactional(readOnly = true)
    public Page page(long organizationId, AuditFilter filter, int page, int size) {
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        int pageIndex = Math.max(0, page);
        Condition matches = matching(organizationId, filter);
        int total = db.fetchCount(AUDIT_ENTRY, matches);
        List<AuditEntry> entries = db.selectFrom(AUDIT_ENTRY).where(matches)
                .orderBy(AUDIT_ENTRY.OCCURRED_AT.desc(), AUDIT_ENTRY.ID.desc())
                .limit(pageSize).offset((long) pageIndex * pageSize)
                .fetch(AuditLog::entry);
        return new Page(entries, pageIndex, pageSize, total);
    }

    private static Condition matching(long organizationId, AuditFilter filter) {
        Condition condition = AUDIT_ENTRY.ORGANIZATION_ID.eq(organizationId);
        if (filter.action() != null && !filter.action().isBlank()) {
            condition = condition.and(AUDIT_ENTRY.ACTION.eq(filter.action().strip()));
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            condition = condition.and(AUDIT_ENTRY.ACTOR.eq(filter.actor().strip()));
        }
        if (filter.from() != null) {
            condition = condition.and(AUDIT_ENTRY.OCCURRED_AT.ge(startOf(filter.from())));
        }
        if (filter.to() != null) {
            condition = condition.and(AUDIT_ENTRY.OCCURRED_AT.lt(startOf(filter.to().plusDays(1))));
        }
        return condition;
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static AuditEntry entry(Record row) {
        return new AuditEntry(row.get(AUDIT_ENTRY.ID), row.get(AUDIT_ENTRY.ORGANIZATION_ID),
                row.get(AUDIT_ENTRY.OCCURRED_AT).toInstant(), row.get(AUDIT_ENTRY.ACTION), row.get(AUDIT_ENTRY.TARGET),
                row.get(AUDIT_ENTRY.DETAILS), row.get(AUDIT_ENTRY.ACTOR), row.get(AUDIT_ENTRY.CLIENT_ADDRESS));
    }

    /** Deletes every entry older than {@code keptFor}; answers how many. */
    @Transactional
    public int forgetOlderThan(Duration keptFor) {
        return db.deleteFrom(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.OCCURRED_AT.lt(clock.instant().minus(keptFor).atOffset(ZoneOffset.UTC)))
                .execute();
    }

    public record Page(List<AuditEntry> entries, int page, int size, int total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }
}
