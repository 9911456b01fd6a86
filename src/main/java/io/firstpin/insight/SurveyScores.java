package io.firstpin.insight;

import io.firstpin.survey.SurveySummary;
import io.firstpin.survey.Surveys;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The survey results of a report's events, event after event, from the survey module's one implementation. */
@Service
public class SurveyScores {

    private final Surveys surveys;

    SurveyScores(Surveys surveys) {
        this.surveys = surveys;
    }

    /** One row per event of the report, in its order; an event without responses has null NPS and means. */
    public List<EventSurveyScore> of(CommunityReport report) {
        Map<Long, SurveySummary> summaries = surveys.summariesOf(report.community().organizationId(),
                report.events().stream().map(EventKpis::id).toList());
        return report.events().stream()
                .map(e -> new EventSurveyScore(e.id(), e.communityId(), e.title(), e.startsAt(), e.attendees(),
                        summaries.get(e.id())))
                .toList();
    }
}
