package io.firstpin.demo;

import static io.firstpin.demo.DemoWriter.time;
import static io.firstpin.platform.db.Tables.MEMBER_AUDIENCE;
import static io.firstpin.platform.db.Tables.MEMBER_FEED;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_LINK;
import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;
import static io.firstpin.platform.db.Tables.SURVEY_ROUND;

import io.firstpin.demo.DemoPlan.Aftermath;
import io.firstpin.demo.DemoPlan.Answer;
import io.firstpin.demo.DemoPlan.Audience;
import io.firstpin.demo.DemoPlan.Feed;
import io.firstpin.demo.DemoPlan.Output;
import io.firstpin.demo.DemoPlan.OutputSource;
import io.firstpin.demo.DemoPlan.SurveyRound;
import io.firstpin.platform.BulkWriter;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Writes the aftermath of the history into the output, survey and member modules' tables, the way those modules keep
 * them: outputs by their (already normalized) address, each with its link to the event; survey rounds and responses
 * on the attendees' registrations; audiences as an integration would record them.
 */
final class DemoAftermathWriter {

    /** The demo's feeds are addresses on reserved example domains: reading them would only fail, so none is due. */
    private static final long FEEDS_RESTING = 3_650L * DemoSchedule.DAY;

    record Written(int outputs, int feeds, int answers, int audiences) {
    }

    private final BulkWriter bulk;

    DemoAftermathWriter(BulkWriter bulk) {
        this.bulk = bulk;
    }

    Written write(long organizationId, Aftermath aftermath, long[] memberIds, long[] eventIds, long[] registrationIds) {
        long[] feedIds = feeds(organizationId, aftermath, memberIds);
        outputs(organizationId, aftermath, memberIds, eventIds, feedIds);
        surveys(organizationId, aftermath, memberIds, eventIds, registrationIds);
        audiences(organizationId, aftermath, memberIds);
        return new Written(aftermath.outputs().size(), feedIds.length, aftermath.answers().size(),
                aftermath.audiences().size());
    }

    private long[] feeds(long organizationId, Aftermath aftermath, long[] memberIds) {
        DemoBatch<?> rows = new DemoBatch<>(bulk, MEMBER_FEED, MEMBER_FEED.ID, MEMBER_FEED.ORGANIZATION_ID,
                MEMBER_FEED.MEMBER_ID, MEMBER_FEED.URL, MEMBER_FEED.NORMALIZED_URL, MEMBER_FEED.NEXT_POLL_AT,
                MEMBER_FEED.LAST_POLLED_AT, MEMBER_FEED.LAST_SUCCESS_AT, MEMBER_FEED.FAILURES, MEMBER_FEED.CREATED_AT);
        for (Feed feed : aftermath.feeds()) {
            Long polled = feed.lastSuccessAt();
            rows.add(organizationId, memberIds[feed.person()], feed.url(), feed.url(),
                    time((polled == null ? feed.registeredAt() : polled) + FEEDS_RESTING),
                    polled == null ? null : time(polled), polled == null ? null : time(polled), 0,
                    time(feed.registeredAt()));
        }
        return rows.finish();
    }

    private void outputs(long organizationId, Aftermath aftermath, long[] memberIds, long[] eventIds, long[] feedIds) {
        DemoBatch<?> rows = new DemoBatch<>(bulk, OUTPUT, OUTPUT.ID, OUTPUT.ORGANIZATION_ID, OUTPUT.URL,
                OUTPUT.NORMALIZED_URL, OUTPUT.KIND, OUTPUT.TITLE, OUTPUT.AUTHOR_MEMBER_ID, OUTPUT.PUBLISHED_AT,
                OUTPUT.SOURCE, OUTPUT.FEED_ID, OUTPUT.CREATED_AT, OUTPUT.PREVIEW_STATE);
        for (Output output : aftermath.outputs()) {
            // addresses that came in alone get a link preview; the demo's point nowhere, so they count as tried
            boolean previewed = output.source() == OutputSource.SUBMITTED || output.source() == OutputSource.STAFF;
            rows.add(organizationId, output.url(), output.url(), output.kind().name(), output.title(),
                    output.author() == null ? null : memberIds[output.author()], time(output.publishedAt()),
                    output.source().name(), output.feed() < 0 ? null : feedIds[output.feed()],
                    time(output.linkedAt()), previewed ? "FAILED" : null);
        }
        long[] outputIds = rows.finish();
        DemoBatch<?> links = new DemoBatch<>(bulk, OUTPUT_LINK, null, OUTPUT_LINK.OUTPUT_ID, OUTPUT_LINK.EVENT_ID,
                OUTPUT_LINK.LINKED_BY, OUTPUT_LINK.LINKED_AT, OUTPUT_LINK.AWAITING_REVIEW);
        for (int i = 0; i < outputIds.length; i++) {
            Output output = aftermath.outputs().get(i);
            links.add(outputIds[i], eventIds[output.event()], output.linkedBy().name(), time(output.linkedAt()), false);
        }
        links.finish();
    }

    private void surveys(long organizationId, Aftermath aftermath, long[] memberIds, long[] eventIds,
            long[] registrationIds) {
        DemoBatch<?> rounds = new DemoBatch<>(bulk, SURVEY_ROUND, null, SURVEY_ROUND.EVENT_ID,
                SURVEY_ROUND.ORGANIZATION_ID, SURVEY_ROUND.DONE_AT, SURVEY_ROUND.RECIPIENTS);
        for (SurveyRound round : aftermath.surveys()) {
            rounds.add(eventIds[round.event()], organizationId, time(round.doneAt()), round.recipients());
        }
        rounds.finish();
        DemoBatch<?> rows = new DemoBatch<>(bulk, SURVEY_RESPONSE, null, SURVEY_RESPONSE.REGISTRATION_ID,
                SURVEY_RESPONSE.EVENT_ID, SURVEY_RESPONSE.ORGANIZATION_ID, SURVEY_RESPONSE.MEMBER_ID,
                SURVEY_RESPONSE.NPS, SURVEY_RESPONSE.CES, SURVEY_RESPONSE.HEAT, SURVEY_RESPONSE.BEST,
                SURVEY_RESPONSE.COMMENT, SURVEY_RESPONSE.WANTS_TO_SPEAK, SURVEY_RESPONSE.TALK_TOPIC,
                SURVEY_RESPONSE.WANTS_TO_ORGANISE, SURVEY_RESPONSE.ANONYMOUS, SURVEY_RESPONSE.ANSWERED_AT,
                SURVEY_RESPONSE.UPDATED_AT);
        for (Answer a : aftermath.answers()) {
            rows.add(registrationIds[a.registration()], eventIds[a.event()], organizationId, memberIds[a.person()],
                    a.nps(), a.ces(), a.heat(), a.best(), a.comment(), a.wantsToSpeak(), a.talkTopic(),
                    a.wantsToOrganise(), a.anonymous(), time(a.answeredAt()), time(a.answeredAt()));
        }
        rows.finish();
    }

    private void audiences(long organizationId, Aftermath aftermath, long[] memberIds) {
        DemoBatch<?> rows = new DemoBatch<>(bulk, MEMBER_AUDIENCE, null, MEMBER_AUDIENCE.ORGANIZATION_ID,
                MEMBER_AUDIENCE.MEMBER_ID, MEMBER_AUDIENCE.CHANNEL, MEMBER_AUDIENCE.AUDIENCE_SIZE,
                MEMBER_AUDIENCE.AS_OF, MEMBER_AUDIENCE.SOURCE, MEMBER_AUDIENCE.RECORDED_AT);
        for (Audience audience : aftermath.audiences()) {
            rows.add(organizationId, memberIds[audience.person()], audience.channel().name(), audience.size(),
                    Instant.ofEpochSecond(audience.asOf()).atOffset(ZoneOffset.UTC).toLocalDate(), "API",
                    time(audience.asOf()));
        }
        rows.finish();
    }
}
