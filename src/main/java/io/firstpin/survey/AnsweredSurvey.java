package io.firstpin.survey;

import java.time.Instant;
import java.util.List;

/**
 * A member's survey answer for an event, for their profile.
 *
 * @param extraAnswers the answers to the event's own questions, with the question's wording, in question order
 */
public record AnsweredSurvey(SurveyResponse response, String eventTitle, Instant eventStartsAt,
        List<ExtraAnswer> extraAnswers) {

    public AnsweredSurvey(SurveyResponse response, String eventTitle, Instant eventStartsAt) {
        this(response, eventTitle, eventStartsAt, List.of());
    }

    public AnsweredSurvey {
        extraAnswers = List.copyOf(extraAnswers);
    }

    public record ExtraAnswer(String question, String answer) {
    }
}
