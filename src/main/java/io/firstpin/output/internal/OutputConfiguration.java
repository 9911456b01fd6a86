package io.firstpin.output.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.firstpin.identity.PublicApiEndpoint;
import io.firstpin.output.OutputPreviews;
import io.firstpin.output.LinkingRules;
import io.firstpin.output.MemberFeeds;
import io.firstpin.output.Nudges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import io.firstpin.platform.limits.Limit;
import io.firstpin.platform.limits.RequestLimit;
import io.firstpin.platform.limits.UploadLimit;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class OutputConfiguration {

    static final String FEED_TASK = "output-feed-poll";
    static final String NUDGE_TASK = "output-nudges";
    static final String PREVIEW_TASK = "output-previews";

    private static final Logger log = LoggerFactory.getLogger(OutputConfiguration.class);

    /** The one path of the module that takes a file: the CSV list of posts. */
    @Bean
    UploadLimit outputImportUploads() {
        return new UploadLimit("/api/v1/communities/*/outputs/imports", UploadLimit.SINGLE_FILE);
    }

    @Bean
    UploadLimit outputImportPageUploads() {
        return new UploadLimit("/manage/*/communities/*/outputs/imports", UploadLimit.SINGLE_FILE);
    }

    @Bean
    LinkingRules linkingRules(OutputProperties properties) {
        return new LinkingRules(properties.linkWindowAfterEvent());
    }

    /** One instance reads the due feeds in each run; each feed's posts are taken in a transaction of their own. */
    @Bean
    RecurringTask<Void> outputFeedPollTask(MemberFeeds feeds, OutputProperties properties) {
        return Tasks.recurring(FEED_TASK, FixedDelay.of(properties.feedCheckInterval()))
                .execute((instance, context) -> {
                    try {
                        feeds.pollDue();
                    } catch (RuntimeException e) {
                        log.warn("Polling due feeds failed; trying again in {}", properties.feedCheckInterval(), e);
                    }
                });
    }

    /** One instance runs each pass; each event's round is also claimed by its own row, so nobody is nudged twice. */
    @Bean
    @ConditionalOnProperty(name = "firstpin.outputs.nudge-enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> outputNudgesTask(Nudges nudges, OutputProperties properties) {
        return Tasks.recurring(NUDGE_TASK, FixedDelay.of(properties.nudgeCheckInterval()))
                .execute((instance, context) -> {
                    try {
                        nudges.runDue();
                    } catch (RuntimeException e) {
                        log.warn("Sending due report nudges failed; trying again in {}", properties.nudgeCheckInterval(), e);
                    }
                });
    }

    /** Link previews are fetched in the background, so that submitting a link never waits for another site. */
    @Bean
    RecurringTask<Void> outputPreviewTask(OutputPreviews previews, OutputProperties properties) {
        return Tasks.recurring(PREVIEW_TASK, FixedDelay.of(properties.previewCheckInterval()))
                .execute((instance, context) -> {
                    try {
                        previews.fetchDue(properties.previewsPerRun());
                    } catch (RuntimeException e) {
                        log.warn("Fetching link previews failed; trying again in {}", properties.previewCheckInterval(), e);
                    }
                });
    }

    /** RFC 8058 one-click unsubscribe: mail clients POST to the List-Unsubscribe address without any session. */
    @Bean
    PublicApiEndpoint oneClickNudgeUnsubscribe() {
        return new PublicApiEndpoint(HttpMethod.POST, "/api/v1/output-nudges/*/unsubscribe");
    }

    /** A registrant submits their report with the private token of their registration, without an API token. */
    @Bean
    PublicApiEndpoint registrantOutputSubmission() {
        return new PublicApiEndpoint(HttpMethod.POST, "/api/v1/events/*/outputs");
    }

    private static final Limit UNSUBSCRIBING = Limit.of("unsubscribe", 30, Duration.ofMinutes(1));

    /** Reports per client address. */
    @Bean
    RequestLimit reportFromPrivatePage(OutputProperties properties) {
        return RequestLimit.of(HttpMethod.POST, "/r/*/outputs", properties.reportsPerAddress());
    }

    @Bean
    RequestLimit reportFromNudge(OutputProperties properties) {
        return RequestLimit.of(HttpMethod.POST, "/o/*", properties.reportsPerAddress());
    }

    @Bean
    RequestLimit reportByApi(OutputProperties properties) {
        return RequestLimit.anonymous(HttpMethod.POST, "/api/v1/events/*/outputs", properties.reportsPerAddress());
    }

    @Bean
    RequestLimit nudgeUnsubscribePage() {
        return RequestLimit.of(HttpMethod.POST, "/o/*/unsubscribe", UNSUBSCRIBING);
    }

    @Bean
    RequestLimit nudgeUnsubscribeOneClick() {
        return RequestLimit.of(HttpMethod.POST, "/api/v1/output-nudges/*/unsubscribe", UNSUBSCRIBING);
    }
}
