package io.firstpin.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.Hashtag;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.Slug;
import io.firstpin.platform.geo.Prefecture;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Question;
import io.firstpin.registration.QuestionKind;
import io.firstpin.registration.Questionnaires;
import io.firstpin.registration.Registrations;
import io.firstpin.survey.BuiltInQuestion;
import io.firstpin.survey.ExtraQuestion;
import io.firstpin.survey.QuestionDraft;
import io.firstpin.survey.SurveyQuestions;
import io.firstpin.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Copying an event to a new date, and event series with their numbers. */
@DatabaseTest
@SpringBootTest(properties = "db-scheduler.enabled=false")
class EventCopiesTests {

    private static final Instant STARTS_AT = Instant.parse("2030-03-12T10:00:00Z");
    private static final Duration FOUR_WEEKS = Duration.ofDays(28);
    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    EventCopies copies;
    @Autowired
    EventSeries series;
    @Autowired
    Questionnaires questionnaires;
    @Autowired
    SurveyQuestions surveyQuestions;
    @Autowired
    Registrations registrations;

    private Community community() {
        String slug = "copies-" + ORGANIZATIONS.incrementAndGet() + "-" + System.nanoTime();
        long organizationId = organizations.found(new Slug(slug), "Org").id();
        return communities.start(organizationId, new Slug(slug + "-c"),
                CommunityProfile.of("Kotlin Fest", null, null, "Asia/Tokyo"), null);
    }

    private Event monthlySession(Community community, String title) {
        Venue venue = new Venue("Hall A", "大崎1-1", Prefecture.TOKYO, "品川区");
        return events.plan(community, new EventDetails(title, "毎月の勉強会", EventKind.STUDY_SESSION, STARTS_AT,
                        STARTS_AT.plus(Duration.ofHours(3)), venue, true, "https://meet.example.com/abc",
                        Optional.of(new Hashtag("kotlin_benkyo"))),
                List.of(new SessionPlan(SessionKind.KEYNOTE, "基調講演", 40, List.of("登壇 太郎"), List.of()),
                        new SessionPlan(SessionKind.LIGHTNING_TALK, "LT大会", 30, List.of("登壇 花子"), List.of())),
                List.of(new FramePlan(null, "一般枠", 30, FrameMode.FIFO, null),
                        new FramePlan(null, "抽選枠", 10, FrameMode.LOTTERY, STARTS_AT.minus(Duration.ofDays(5)))),
                "一般枠", new RegistrationWindow(null, STARTS_AT.minus(Duration.ofDays(1))));
    }

    @Test
    void aCopyHasTheShapeOfItsSourceAtTheNewDateWithoutSpeakersRegistrationsOrTheJoinUrl() {
        Community community = community();
        Event source = monthlySession(community, "Kotlin勉強会");
        long organizationId = community.organizationId();
        questionnaires.ask(organizationId, source.id(), QuestionKind.YES_NO, "懇親会に参加しますか", null, true);
        Question retired = questionnaires.ask(organizationId, source.id(), QuestionKind.TEXT, "昔の質問", null, false);
        questionnaires.retire(organizationId, retired.id());
        surveyQuestions.setBuiltIn(organizationId, source.id(), BuiltInQuestion.COMMENT, "ひとことどうぞ", false);
        surveyQuestions.add(organizationId, source.id(), QuestionDraft.of("text", "次に聞きたいテーマは", List.of(), false));
        registrations.register(source.id(), "一般枠", new Applicant("参加 一郎", "ichiro@example.com", Locale.JAPANESE));

        Event copy = copies.copy(organizationId, source.id(), STARTS_AT.plus(FOUR_WEEKS), null);

        assertThat(copy.id()).isNotEqualTo(source.id());
        assertThat(copy.title()).isEqualTo("Kotlin勉強会");
        assertThat(copy.description()).isEqualTo("毎月の勉強会");
        assertThat(copy.startsAt()).isEqualTo(STARTS_AT.plus(FOUR_WEEKS));
        assertThat(copy.endsAt()).isEqualTo(source.endsAt().plus(FOUR_WEEKS));
        assertThat(copy.venue()).isEqualTo(source.venue());
        assertThat(copy.online()).isTrue();
        assertThat(copy.onlineUrl()).isNull();
        assertThat(copy.hashtagText()).isEqualTo("#kotlin_benkyo");
        assertThat(copy.registrationClosesAt()).isEqualTo(source.registrationClosesAt().plus(FOUR_WEEKS));
        assertThat(copy.sessions()).extracting(Session::kind, Session::title, Session::durationMinutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SessionKind.KEYNOTE, "基調講演", 40),
                        org.assertj.core.groups.Tuple.tuple(SessionKind.LIGHTNING_TALK, "LT大会", 30));
        assertThat(copy.sessions()).allSatisfy(session -> assertThat(session.speakerIds()).isEmpty());
        List<Frame> frames = events.frames(copy.id());
        assertThat(frames).extracting(Frame::name, Frame::capacity, Frame::mode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("一般枠", 30, FrameMode.FIFO),
                        org.assertj.core.groups.Tuple.tuple("抽選枠", 10, FrameMode.LOTTERY));
        assertThat(frames.get(1).lotteryAt()).isEqualTo(STARTS_AT.minus(Duration.ofDays(5)).plus(FOUR_WEEKS));
        assertThat(questionnaires.of(copy.id())).extracting(Question::label).containsExactly("懇親会に参加しますか");
        var survey = surveyQuestions.of(copy.id());
        assertThat(survey.asks(BuiltInQuestion.COMMENT)).isFalse();
        assertThat(survey.asked()).extracting(ExtraQuestion::wording).containsExactly("次に聞きたいテーマは");
        assertThat(registrations.ofEvent(organizationId, copy.id())).isEmpty();
        assertThat(events.occupancy(copy.id()).values()).allSatisfy(counts -> assertThat(counts.total()).isZero());
    }

    @Test
    void inASeriesTheCopyTakesTheNextNumberAndItsTitleFollowsAndIsTheNextOne() {
        Community community = community();
        Series kotlin = series.start(community, "Kotlin勉強会", "Vol.{n}");
        Event twelfth = monthlySession(community, "Kotlin勉強会 Vol.12");
        series.number(community.organizationId(), twelfth.id(), kotlin.id(), 12);

        Event copy = copies.copy(community.organizationId(), twelfth.id(), STARTS_AT.plus(FOUR_WEEKS), null);

        assertThat(copy.title()).isEqualTo("Kotlin勉強会 Vol.13");
        assertThat(copy.seriesId()).isEqualTo(kotlin.id());
        assertThat(copy.seriesNumber()).isEqualTo(13);
        assertThat(kotlin.label(13)).isEqualTo("Vol.13");
        assertThat(series.next(events.find(twelfth.id()).orElseThrow())).map(Event::id).contains(copy.id());
        assertThat(series.next(copy)).isEmpty();
        assertThat(series.events(kotlin.id())).extracting(Event::seriesNumber).containsExactly(12, 13);
        assertThat(copies.copy(community.organizationId(), twelfth.id(), STARTS_AT.plus(FOUR_WEEKS.multipliedBy(2)),
                "Kotlin勉強会 特別回").title()).isEqualTo("Kotlin勉強会 特別回");
    }

    @Test
    void aNumberIsUsedOnceInASeriesAndASeriesTakesItsOwnCommunitysEventsOnly() {
        Community community = community();
        Series numbered = series.start(community, "JAWS-UG 東京", null);
        Event first = monthlySession(community, "第1回");
        Event second = monthlySession(community, "第2回");
        series.number(community.organizationId(), first.id(), numbered.id(), null);
        Community elsewhere = communities.start(community.organizationId(), new Slug("else-" + System.nanoTime()),
                CommunityProfile.of("Other", null, null, "Asia/Tokyo"), null);
        Event foreign = monthlySession(elsewhere, "Other #1");

        assertThat(numbered.numbering()).isEqualTo("#{n}");
        assertThat(events.find(first.id()).orElseThrow().seriesNumber()).isEqualTo(1);
        assertThatThrownBy(() -> series.number(community.organizationId(), second.id(), numbered.id(), 1))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.args()).containsExactly("#1"));
        assertThatThrownBy(() -> series.number(community.organizationId(), foreign.id(), numbered.id(), 5))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> series.start(community, "Bad", "Vol."))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> series.start(community, "Bad", "{n}-{n}"))
                .isInstanceOf(InvalidInputException.class);
    }
}
