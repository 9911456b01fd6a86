package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The events as query parts that the KPIs compose with their own statements, so that the event table is read by its
 * owner's code only: the columns others may rely on, and what counts as an event of a community's sequence. Rendered
 * as the table itself, so a statement built of them is the one that named the table directly.
 */
public final class EventReads {

    private static final EventReads EVENTS = new EventReads(EVENT);

    private final io.firstpin.platform.db.tables.Event e;

    private EventReads(io.firstpin.platform.db.tables.Event e) {
        this.e = e;
    }

    public static EventReads events() {
        return EVENTS;
    }

    /** The events once more under another name, for a statement that reads them twice. */
    public static EventReads as(String alias) {
        return new EventReads(EVENT.as(alias));
    }

    public Table<?> table() {
        return e;
    }

    public Field<Long> id() {
        return e.ID;
    }

    public Field<Long> organizationId() {
        return e.ORGANIZATION_ID;
    }

    public Field<Long> communityId() {
        return e.COMMUNITY_ID;
    }

    public Field<String> title() {
        return e.TITLE;
    }

    public Field<OffsetDateTime> startsAt() {
        return e.STARTS_AT;
    }

    public Field<String> prefectureCode() {
        return e.PREFECTURE_CODE;
    }

    public Field<String> city() {
        return e.CITY;
    }

    public Field<Boolean> online() {
        return e.ONLINE;
    }

    /** The {@link EventKind}, by name. */
    public Field<String> kind() {
        return e.KIND;
    }

    /** Events that count in their community's KPIs ({@link EventStatus#counts()}). */
    public Condition counts() {
        return e.STATUS.in(EventStatus.counted());
    }

    /** {@link #counts()} with the statuses written into the statement, for a plan made for them. */
    public Condition countsInline() {
        return e.STATUS.in(EventStatus.counted().stream().map(DSL::inline).toList());
    }

    /**
     * Events of their own: not a sub-event (an after-party under its study session), whose guests came to the parent.
     */
    public Condition ownEvent() {
        return e.PARENT_EVENT_ID.isNull();
    }

    /** The events of these communities starting in [{@code from}, {@code to}). */
    public Condition heldIn(Collection<Long> communityIds, Instant from, Instant to) {
        return e.COMMUNITY_ID.in(communityIds).and(e.STARTS_AT.ge(at(from))).and(e.STARTS_AT.lt(at(to)));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
