package io.firstpin.survey;

import java.time.Instant;

/** One registration's answers to its event's survey; {@code updatedAt} moves when the respondent edits them. */
public record SurveyResponse(long id, long registrationId, long eventId, long organizationId, long memberId,
        SurveyAnswers answers, Instant answeredAt, Instant updatedAt) {

    public boolean promoter() {
        return answers.nps() >= 9;
    }

    public boolean detractor() {
        return answers.nps() <= 6;
    }
}
