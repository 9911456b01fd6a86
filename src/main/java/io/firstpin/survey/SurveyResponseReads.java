package io.firstpin.survey;

import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;

import java.time.OffsetDateTime;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The survey responses as query parts for other modules' statements (a member's timeline), so that the response table
 * is read by its owner's code only.
 */
public final class SurveyResponseReads {

    private SurveyResponseReads() {
    }

    public static Table<?> responses() {
        return SURVEY_RESPONSE;
    }

    public static Field<Long> organizationId() {
        return SURVEY_RESPONSE.ORGANIZATION_ID;
    }

    public static Field<Long> eventId() {
        return SURVEY_RESPONSE.EVENT_ID;
    }

    public static Field<Long> memberId() {
        return SURVEY_RESPONSE.MEMBER_ID;
    }

    public static Field<Integer> nps() {
        return SURVEY_RESPONSE.NPS;
    }

    public static Field<OffsetDateTime> answeredAt() {
        return SURVEY_RESPONSE.ANSWERED_AT;
    }

    /** Responses given under the member's name: an anonymous one is never tied to a person outside the survey. */
    public static Condition named() {
        return SURVEY_RESPONSE.ANONYMOUS.isFalse();
    }
}
