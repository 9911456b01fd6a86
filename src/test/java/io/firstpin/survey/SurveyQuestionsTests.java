package io.firstpin.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.attendance.CheckInMethod;
import io.firstpin.attendance.CheckIns;
import io.firstpin.attendance.Door;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.registration.Registered;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import io.firstpin.testing.StaffLogin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** An event's own survey questions: staff editing them, attendees answering them, the results. */
@DatabaseTest
@SpringBootTest(properties = {"firstpin.surveys.enabled=false", "firstpin.outputs.nudge-enabled=false"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@DirtiesContext
class SurveyQuestionsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    CheckIns checkIns;
    @Autowired
    Surveys surveys;
    @Autowired
    SurveyQuestions questions;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    MovableClock clock;
    @Autowired
    MockMvc mvc;

    Organization organization;
    Event meetup;
    Registered hanako;
    Registered taro;

    /** A meetup that ended an hour ago, with two attendees who checked in. */
    @BeforeEach
    void aMeetupThatJustEnded() {
        clock.set(Instant.parse("2030-09-01T09:00:00Z"));
        Door door = new Door(organizations, communities, events, registrations);
        organization = door.organization();
        meetup = door.event(organization, clock.instant().plus(Duration.ofDays(1)), 10);
        hanako = door.register(meetup, "出席 花子");
        taro = door.register(meetup, "出席 太郎");
        for (Registered attendee : List.of(hanako, taro)) {
            checkIns.checkIn(organization.id(), meetup.id(), attendee.registration().id(), CheckInMethod.STAFF);
        }
        clock.set(meetup.endsAt().plus(Duration.ofHours(1)));
    }

    private ExtraQuestion add(String kind, String wording, List<String> options, boolean required) {
        return questions.add(organization.id(), meetup.id(), QuestionDraft.of(kind, wording, options, required));
    }

    private static SurveyAnswers rating(int nps, boolean anonymous) {
        return new SurveyAnswers(nps, 6, 4, null, null, false, null, false, anonymous);
    }

    private MockHttpSession signedIn(Organization where, Role role) {
        return StaffLogin.newStaff(mvc, accounts, where, role);
    }

    private String staffPath(String tail) {
        return "/manage/" + organization.slug() + "/events/" + meetup.id() + "/survey" + tail;
    }

    @Test
    void anAnsweredQuestionCanBeRewordedAndRetiredButNotTurnedIntoAnotherKindNorLoseAChosenOption() {
        ExtraQuestion track = add("choice", "どのトラックに参加しましたか?", List.of("A\nB\nC"), true);
        ExtraQuestion unanswered = add("scale", "会場の快適さ", List.of(), false);
        surveys.answer(hanako.manageToken(), meetup.id(), rating(9, false), Map.of(String.valueOf(track.id()), "B"));

        ExtraQuestion reworded = questions.change(organization.id(), meetup.id(), track.id(),
                QuestionDraft.of("choice", "参加したトラック", List.of("A\nB\nD"), false), false);

        assertThat(reworded.wording()).isEqualTo("参加したトラック");
        assertThat(reworded.options()).as("C had no answer, D is new").containsExactly("A", "B", "D");
        assertThatThrownBy(() -> questions.change(organization.id(), meetup.id(), track.id(),
                QuestionDraft.of("choice", "参加したトラック", List.of("A\nBee"), false), false))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("survey.questions.answered-option"));
        assertThatThrownBy(() -> questions.change(organization.id(), meetup.id(), track.id(),
                QuestionDraft.of("text", "参加したトラック", List.of(), false), false))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("survey.questions.answered-kind"));
        assertThat(questions.change(organization.id(), meetup.id(), unanswered.id(),
                QuestionDraft.of("text", "会場について", List.of(), false), false).kind()).isEqualTo(QuestionKind.TEXT);
        assertThat(questions.of(meetup.id()).questions()).extracting(ExtraQuestion::wording)
                .containsExactly("参加したトラック", "会場について");

        questions.retire(organization.id(), meetup.id(), track.id(), true);
        SurveyResponse edited = surveys.edit(hanako.manageToken(), meetup.id(), rating(10, false), Map.of());

        assertThat(edited.extraAnswer(track.id())).as("kept: not asked again").isEqualTo("B");
        assertThatThrownBy(() -> surveys.answer(taro.manageToken(), meetup.id(), rating(8, false),
                Map.of(String.valueOf(track.id()), "A"))).isInstanceOf(InvalidInputException.class);
        assertThat(surveys.summary(organization.id(), meetup.id()).responses()).isEqualTo(1);
    }

    @Test
    void questionsAreReorderedAndAnotherOrganizationsQuestionIsNotFound() {
        ExtraQuestion first = add("text", "一つ目", List.of(), false);
        ExtraQuestion second = add("text", "二つ目", List.of(), false);
        Organization other = organizations.found(new Slug("svq-other-" + System.nanoTime()),
                "Other");

        questions.move(organization.id(), meetup.id(), second.id(), -1);

        assertThat(questions.of(meetup.id()).asked()).extracting(ExtraQuestion::id)
                .containsExactly(second.id(), first.id());
        assertThatThrownBy(() -> questions.retire(other.id(), meetup.id(), first.id(), true))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> questions.setBuiltIn(organization.id(), meetup.id(), BuiltInQuestion.NPS, null,
                false)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("survey.questions.nps-required"));
    }

    @Test
    void resultsCountChoicesAndScalesAndListTextsWithoutTheNameOfAnAnonymousRespondent() throws Exception {
        ExtraQuestion track = add("choice", "トラック", List.of("A\nB"), false);
        ExtraQuestion venue = add("scale", "会場", List.of(), false);
        ExtraQuestion wish = add("text", "次に聞きたいこと", List.of(), false);
        surveys.answer(hanako.manageToken(), meetup.id(), rating(9, false), Map.of(String.valueOf(track.id()), "B",
                String.valueOf(venue.id()), 5, String.valueOf(wish.id()), "<script>Bedrock</script>"));
        surveys.answer(taro.manageToken(), meetup.id(), rating(3, true), Map.of(String.valueOf(track.id()), "B",
                String.valueOf(venue.id()), "2", String.valueOf(wish.id()), "匿名の希望"));

        List<Surveys.QuestionResult> results = surveys.questionResults(organization.id(), meetup.id());

        assertThat(results).extracting(r -> r.question().id()).containsExactly(track.id(), venue.id(), wish.id());
        assertThat(results.get(0).counts()).containsExactly(0, 2);
        assertThat(results.get(1).counts()).containsExactly(0, 1, 0, 0, 1);
        assertThat(results.get(2).texts()).containsExactly(new Surveys.TextAnswer("出席 花子", "<script>Bedrock</script>"),
                new Surveys.TextAnswer(null, "匿名の希望"));

        String page = mvc.perform(get(staffPath("")).session(signedIn(organization, Role.VIEWER))
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"chart-question-" + track.id() + "\"", "id=\"chart-question-" + venue.id() + "\"",
                        "&lt;script&gt;Bedrock&lt;/script&gt;", "匿名の希望", "(anonymous)", "2 answers")
                .doesNotContain("<script>Bedrock", "出席 太郎");
        assertThat(surveys.ofMember(organization.id(), hanako.registration().memberId())).singleElement()
                .satisfies(a -> assertThat(a.extraAnswers()).contains(new AnsweredSurvey.ExtraAnswer("トラック", "B")));
    }

    @Test
    void theSurveyPageAsksTheEventsQuestionsAndExplainsAWrongAnswer() throws Exception {
        ExtraQuestion venue = add("scale", "会場の快適さは?", List.of(), true);
        questions.setBuiltIn(organization.id(), meetup.id(), BuiltInQuestion.NPS, "同僚にこの会を薦めますか?", true);
        questions.setBuiltIn(organization.id(), meetup.id(), BuiltInQuestion.CES, null, false);
        String survey = "/r/" + hanako.manageToken() + "/survey";

        String page = mvc.perform(get(survey).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();
        MockHttpServletResponse wrong = mvc.perform(post(survey).with(csrf()).header("Accept-Language", "ja")
                .param("nps", "9").param("answers." + venue.id(), "6")).andReturn().getResponse();
        MockHttpServletResponse saved = mvc.perform(post(survey).with(csrf()).param("nps", "9").param("ces", "2")
                .param("answers." + venue.id(), "4")).andReturn().getResponse();

        assertThat(page).contains("同僚にこの会を薦めますか?", "会場の快適さは?", "name=\"answers." + venue.id() + "\"")
                .doesNotContain("id=\"ces-field\"");
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(wrong.getContentAsString()).contains("1 から 5 までの整数で答えてください。");
        assertThat(saved.getStatus()).isEqualTo(302);
        SurveyResponse response = surveys.respondents(organization.id(), meetup.id()).get(0).response();
        assertThat(response.extraAnswer(venue.id())).isEqualTo("4");
        assertThat(response.answers().ces()).as("CES was not asked").isNull();
        assertThat(mvc.perform(get(survey)).andReturn().getResponse().getContentAsString())
                .containsPattern("id=\"q" + venue.id() + "-4\"[^>]*checked");
    }

    @Test
    void aLeaderEditsTheQuestionsOnTheStaffPageAViewerOnlyReadsThemAndOthersSeeNothing() throws Exception {
        MockHttpSession leader = signedIn(organization, Role.COMMUNITY_LEADER);

        MockHttpServletResponse added = mvc.perform(post(staffPath("/questions")).with(csrf()).session(leader)
                .param("kind", "CHOICE").param("wording", "<b>参加形態</b>").param("options", "現地\r\nオンライン")
                .param("required", "true")).andReturn().getResponse();
        MockHttpServletResponse oneOption = mvc.perform(post(staffPath("/questions")).with(csrf()).session(leader)
                .header("Accept-Language", "en").param("kind", "CHOICE").param("wording", "Track")
                .param("options", "A")).andReturn().getResponse();
        MockHttpServletResponse npsOff = mvc.perform(post(staffPath("/questions/built-in/nps")).with(csrf())
                .session(leader).header("Accept-Language", "en").param("wording", "")).andReturn().getResponse();
        mvc.perform(post(staffPath("/questions/built-in/heat")).with(csrf()).session(leader)
                .param("wording", "今の熱量は?"));
        int viewer = mvc.perform(post(staffPath("/questions")).with(csrf()).session(signedIn(organization, Role.VIEWER))
                .param("kind", "TEXT").param("wording", "x")).andReturn().getResponse().getStatus();
        Organization other = organizations.found(new Slug("svq-x-" + System.nanoTime()), "X");
        int outsider = mvc.perform(get(staffPath("/questions")).session(signedIn(other, Role.ORGANIZATION_ADMIN)))
                .andReturn().getResponse().getStatus();

        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(oneOption.getStatus()).isEqualTo(400);
        assertThat(oneOption.getContentAsString()).contains("A choice needs at least two different options.");
        assertThat(npsOff.getStatus()).isEqualTo(400);
        assertThat(npsOff.getContentAsString()).contains("The NPS question is always asked.");
        assertThat(viewer).isEqualTo(403);
        assertThat(outsider).isEqualTo(404);
        SurveyQuestionnaire questionnaire = questions.of(meetup.id());
        assertThat(questionnaire.asked()).singleElement().satisfies(q -> {
            assertThat(q.options()).containsExactly("現地", "オンライン");
            assertThat(q.required()).isTrue();
        });
        assertThat(questionnaire.builtIn().get(BuiltInQuestion.HEAT).enabled()).as("unchecked box").isFalse();
        assertThat(mvc.perform(get(staffPath("/questions")).session(leader)).andReturn().getResponse()
                .getContentAsString()).contains("&lt;b&gt;参加形態&lt;/b&gt;", "value=\"今の熱量は?\"");
    }
}
