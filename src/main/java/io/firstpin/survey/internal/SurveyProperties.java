package io.firstpin.survey.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Surveys after events.
 *
 * @param sendAfter attendees get the survey email this long after the event ends
 * @param closeAfter the survey takes answers and edits until this long after the event ends
 * @param checkInterval how often events due for the survey email are looked for
 * @param enabled false sends no survey emails (answers are still taken)
 */
@ConfigurationProperties("firstpin.surveys")
public record SurveyProperties(@DefaultValue("2h") Duration sendAfter, @DefaultValue("14d") Duration closeAfter,
        @DefaultValue("10m") Duration checkInterval, @DefaultValue("true") boolean enabled) {

    public SurveyProperties {
        if (sendAfter.isNegative() || closeAfter.compareTo(sendAfter) <= 0 || checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("firstpin.surveys: send-after cannot be negative, close-after must be "
                    + "longer than send-after, check-interval must be positive");
        }
    }
}
