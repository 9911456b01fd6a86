package io.firstpin.event;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * A round that runs once per event (the reminders before it, the report nudge and the survey email after it), as the
 * module owning it describes it for {@link EventRounds}: the columns of its own table where a row claims the round for
 * an event and keeps when it ran and for how many recipients. The table stays its owner's; this only names its
 * columns, the way a module hands its table to a query of another.
 *
 * <p>By default one row per event claims the round. {@link #perStart} keys it by the event's start too, so that a
 * rescheduled event has it again; {@link #kind} tells apart the rounds one table holds; {@link #onlyFor} and
 * {@link #after} narrow the events it is due for.
 */
public final class EventRound {

    private final String name;
    private final TableField<?, Long> eventId;
    private final TableField<?, OffsetDateTime> doneAt;
    private final TableField<?, Integer> recipients;
    private final TableField<?, Long> organizationId;
    private final TableField<?, OffsetDateTime> eventStartsAt;
    private final TableField<?, String> kindColumn;
    private final String kind;
    private final Function<Field<Long>, Condition> onlyFor;
    private final EventRound after;

    private EventRound(String name, TableField<?, Long> eventId, TableField<?, OffsetDateTime> doneAt,
            TableField<?, Integer> recipients, TableField<?, Long> organizationId,
            TableField<?, OffsetDateTime> eventStartsAt, TableField<?, String> kindColumn, String kind,
            Function<Field<Long>, Condition> onlyFor, EventRound after) {
        this.name = name;
        this.eventId = eventId;
        this.doneAt = doneAt;
        this.recipients = recipients;
        this.organizationId = organizationId;
        this.eventStartsAt = eventStartsAt;
        this.kindColumn = kindColumn;
        this.kind = kind;
        this.onlyFor = onlyFor;
        this.after = after;
    }

    /**
     * A round named for the log, claimed by a row of the table of these columns: the event it ran for, when, and how
     * many it reached.
     */
    public static EventRound of(String name, TableField<?, Long> eventId, TableField<?, OffsetDateTime> doneAt,
            TableField<?, Integer> recipients) {
        return new EventRound(Objects.requireNonNull(name), eventId, doneAt, recipients, null, null, null, null,
                event -> DSL.noCondition(), null);
    }

    /** The rows name the event's organization too. */
    public EventRound withOrganization(TableField<?, Long> organizationId) {
        return new EventRound(name, eventId, doneAt, recipients, organizationId, eventStartsAt, kindColumn, kind,
                onlyFor, after);
    }

    /** The round runs once per event and start: a rescheduled event has it again, for its new start. */
    public EventRound perStart(TableField<?, OffsetDateTime> eventStartsAt) {
        return new EventRound(name, eventId, doneAt, recipients, organizationId, eventStartsAt, kindColumn, kind,
                onlyFor, after);
    }

    /** The table holds several rounds; this one's rows carry the kind in the column. */
    public EventRound kind(TableField<?, String> column, String kind) {
        return new EventRound(name, eventId, doneAt, recipients, organizationId, eventStartsAt, column,
                Objects.requireNonNull(kind), onlyFor, after);
    }

    /** The round is due only for the events (given by their id) that meet the owner's condition. */
    public EventRound onlyFor(Function<Field<Long>, Condition> condition) {
        return new EventRound(name, eventId, doneAt, recipients, organizationId, eventStartsAt, kindColumn, kind,
                condition, after);
    }

    /** The round is due for an event only once the other round ran for it (for the same start, if per start). */
    public EventRound after(EventRound first) {
        return new EventRound(name, eventId, doneAt, recipients, organizationId, eventStartsAt, kindColumn, kind,
                onlyFor, first);
    }

    String name() {
        return name;
    }

    Table<?> table() {
        return eventId.getTable();
    }

    TableField<?, Integer> recipients() {
        return recipients;
    }

    /** The columns of the row that claims the round for the event, none of it reached yet. */
    Map<Field<?>, Object> claim(EventSummary event, OffsetDateTime now) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(eventId, event.id());
        if (organizationId != null) {
            row.put(organizationId, event.organizationId());
        }
        if (eventStartsAt != null) {
            row.put(eventStartsAt, EventRounds.at(event.startsAt()));
        }
        if (kindColumn != null) {
            row.put(kindColumn, kind);
        }
        row.put(doneAt, now);
        row.put(recipients, 0);
        return row;
    }

    /** The row of this round for the event (and start). */
    Condition rowOf(Field<Long> event, Field<OffsetDateTime> startsAt) {
        Condition row = eventId.eq(event);
        if (eventStartsAt != null) {
            row = row.and(eventStartsAt.eq(startsAt));
        }
        if (kindColumn != null) {
            row = row.and(kindColumn.eq(kind));
        }
        return row;
    }

    /** The events, given by their id and start, this round has not run for and may run for. */
    Condition dueFor(Field<Long> event, Field<OffsetDateTime> startsAt) {
        Condition due = DSL.notExists(DSL.selectOne().from(table()).where(rowOf(event, startsAt)))
                .and(onlyFor.apply(event));
        if (after != null) {
            due = due.andExists(DSL.selectOne().from(after.table()).where(after.rowOf(event, startsAt)));
        }
        return due;
    }
}
