package io.firstpin.survey;

import java.time.Instant;

/** A member's survey answer for an event, for their profile. */
public record AnsweredSurvey(SurveyResponse response, String eventTitle, Instant eventStartsAt) {
}
