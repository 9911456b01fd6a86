package io.firstpin.output;

import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_LINK;
import static org.jooq.impl.DSL.coalesce;

import java.time.OffsetDateTime;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The outputs and their links to events as query parts for the KPIs' statements, so that the output tables are read
 * by their owner's code only; what makes a link count for its author is said here, once.
 */
public final class OutputReads {

    private OutputReads() {
    }

    public static Table<?> outputs() {
        return OUTPUT;
    }

    /** The outputs' links to events, each with its output. */
    public static Table<?> links() {
        return OUTPUT_LINK.join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID));
    }

    public static Field<Long> id() {
        return OUTPUT.ID;
    }

    public static Field<Long> organizationId() {
        return OUTPUT.ORGANIZATION_ID;
    }

    /** The author; null for an output nobody is named for. */
    public static Field<Long> authorId() {
        return OUTPUT.AUTHOR_MEMBER_ID;
    }

    /** The {@link OutputType}, by name. */
    public static Field<String> kind() {
        return OUTPUT.KIND;
    }

    public static Field<String> title() {
        return OUTPUT.TITLE;
    }

    public static Field<String> url() {
        return OUTPUT.URL;
    }

    /** The event of a link of {@link #links()}. */
    public static Field<Long> linkedEventId() {
        return OUTPUT_LINK.EVENT_ID;
    }

    /** When the output came out: its publication, or when it was recorded where that is unknown. */
    public static Field<OffsetDateTime> publishedOrRecorded() {
        return coalesce(OUTPUT.PUBLISHED_AT, OUTPUT.CREATED_AT);
    }

    /** The date the KPIs give a linked output: its publication, or its event's start where that is unknown. */
    public static Field<OffsetDateTime> dated(Field<OffsetDateTime> eventStartsAt) {
        return coalesce(OUTPUT.PUBLISHED_AT, eventStartsAt);
    }

    /** A link that stands: not unlinked by staff and not awaiting review. */
    public static Condition standing() {
        return OUTPUT_LINK.UNLINKED_AT.isNull().and(OUTPUT_LINK.AWAITING_REVIEW.isFalse());
    }

    /**
     * A link that counts for its author, in every KPI that counts outputs: it {@linkplain #standing() stands} and the
     * output has an author.
     */
    public static Condition countsForAuthor() {
        return standing().and(OUTPUT.AUTHOR_MEMBER_ID.isNotNull());
    }
}
