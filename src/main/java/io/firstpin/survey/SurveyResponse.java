package io.firstpin.survey;

import java.time.Instant;
import java.util.Map;

/**
 * One registration's answers to its event's survey; {@code updatedAt} moves when the respondent edits them.
 *
 * @param extraAnswers the answers to the event's own questions, by question id
 */
public record SurveyResponse(long id, long registrationId, long eventId, long organizationId, long memberId,
        SurveyAnswers answers, Instant answeredAt, Instant updatedAt, Map<Long, String> extraAnswers) {

    public SurveyResponse {
        extraAnswers = Map.copyOf(extraAnswers);
    }

    public boolean promoter() {
        return answers.nps() >= 9;
    }

    public boolean detractor() {
        return answers.nps() <= 6;
    }

    /** The answer to one of the event's own questions, or null. */
    public String extraAnswer(long questionId) {
        return extraAnswers.get(questionId);
    }

    SurveyResponse withExtraAnswers(Map<Long, String> answers) {
        return new SurveyResponse(id, registrationId, eventId, organizationId, memberId, this.answers, answeredAt,
                updatedAt, answers);
    }
}
