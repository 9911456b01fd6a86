package io.firstpin.insight;

import io.firstpin.survey.SurveySummary;
import java.time.Instant;

/**
 * The survey numbers of one event in a report's scope and period, as the survey module computes them (NPS: % of 9–10
 * minus % of 0–6, one decimal; CES and heat means, two decimals), so the dashboard and the survey pages agree.
 */
public record EventSurveyScore(long eventId, long communityId, String title, Instant startsAt, int attendees,
        SurveySummary summary) {
}
