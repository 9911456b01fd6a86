package io.firstpin.survey.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.firstpin.identity.PublicApiEndpoint;
import io.firstpin.survey.SurveyEmails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import io.firstpin.platform.limits.Limit;
import io.firstpin.platform.limits.RequestLimit;
import java.time.Duration;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class SurveyConfiguration {

    static final String TASK = "survey-emails";

    private static final Logger log = LoggerFactory.getLogger(SurveyConfiguration.class);

    /** One instance runs each pass; each event's round is also claimed by its own row, so nobody gets it twice. */
    @Bean
    @ConditionalOnProperty(name = "firstpin.surveys.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> surveyEmailsTask(SurveyEmails emails, SurveyProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.checkInterval()))
                .execute((instance, context) -> {
                    try {
                        emails.runDue();
                    } catch (RuntimeException e) {
                        log.warn("Sending due surveys failed; trying again in {}", properties.checkInterval(), e);
                    }
                });
    }

    /** A registrant answers with the private token of their registration, without an API token. */
    @Bean
    PublicApiEndpoint registrantSurveyResponse() {
        return new PublicApiEndpoint(HttpMethod.POST, "/api/v1/events/*/survey-responses");
    }

    @Bean
    PublicApiEndpoint registrantSurveyEdit() {
        return new PublicApiEndpoint(HttpMethod.PUT, "/api/v1/events/*/survey-responses/mine");
    }

    /** Answering and editing, per client address: far more than a person needs, far less than a script wants. */
    private static final Limit ANSWERING = Limit.of("survey-answer", 20, Duration.ofMinutes(10));

    @Bean
    RequestLimit surveyAnswerPage() {
        return RequestLimit.of(HttpMethod.POST, "/r/*/survey", ANSWERING);
    }

    /**
     * Asking for one's survey link from the venue screen: the whole room asks at once behind the venue's one address,
     * so a burst of a room's size, then a steady rate far below a script's.
     */
    private static final Limit LINK_REQUESTS = new Limit("survey-link-request", 100, 10, Duration.ofMinutes(1));

    @Bean
    RequestLimit surveyLinkRequests() {
        return RequestLimit.of(HttpMethod.POST, "/e/*/survey", LINK_REQUESTS);
    }

    @Bean
    RequestLimit surveyAnswerApi() {
        return new RequestLimit(Set.of(HttpMethod.POST, HttpMethod.PUT), "/api/v1/events/*/survey-responses/**",
                ANSWERING, false);
    }
}
