package io.firstpin.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@DatabaseTest
@SpringBootTest
class QuestionnairesTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    RegistrantActions registrant;
    @Autowired
    Questionnaires questionnaires;

    private Organization organization;
    private Event event;
    private Question afterParty;
    private Question track;

    @BeforeEach
    void anEventAskingTwoQuestions() {
        String slug = "questions-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Org");
        var community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 仙台", null, null, "Asia/Tokyo"), null);
        event = events.plan(community, new EventDetails("仙台勉強会", null, EventKind.STUDY_SESSION,
                Instant.now().plus(20, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", 10, FrameMode.FIFO, null)), "一般枠");
        afterParty = questionnaires.ask(organization.id(), event.id(), QuestionKind.YES_NO, "懇親会に参加しますか?",
                null, true);
        track = questionnaires.ask(organization.id(), event.id(), QuestionKind.CHOICE, "興味のあるトラック",
                "AI\nServerless", false);
    }

    private Registered register(String name, Map<String, String> answers) {
        return registrations.register(event.id(), "一般枠",
                new Applicant(name, name + "@example.com", Locale.JAPANESE), answers);
    }

    private Map<String, String> answers(Object... questionAndAnswer) {
        Map<String, String> answers = new HashMap<>();
        for (int i = 0; i < questionAndAnswer.length; i += 2) {
            answers.put(String.valueOf(((Question) questionAndAnswer[i]).id()), (String) questionAndAnswer[i + 1]);
        }
        return answers;
    }

    @Test
    void answersAreKeptWithTheRegistration() {
        Registered registered = register("taro", answers(afterParty, "yes", track, "AI"));

        assertThat(questionnaires.answersOf(registered.registration().id()))
                .isEqualTo(Map.of(afterParty.id(), "yes", track.id(), "AI"));
    }

    @Test
    void everyBadAnswerIsReportedAtOnceAndNothingIsRegistered() {
        assertThatThrownBy(() -> register("jiro", Map.of(String.valueOf(track.id()), "Blockchain", "999999", "?")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(
                                tuple(afterParty.field(), "validation.required"),
                                tuple(track.field(), "question.not-a-choice"),
                                tuple("answers[999999]", "question.unknown")));

        assertThat(registrations.ofEvent(organization.id(), event.id())).isEmpty();
    }

    @Test
    void theRegistrantChangesTheirAnswersByTheirLink() {
        Registered registered = register("saburo", answers(afterParty, "yes", track, "AI"));

        registrant.answerWithToken(registered.manageToken(), answers(afterParty, "no"));

        assertThat(questionnaires.answersOf(registered.registration().id())).isEqualTo(Map.of(afterParty.id(), "no"));
    }

    @Test
    void aRetiredQuestionIsNoLongerAskedAndItsAnswersStay() {
        Registered early = register("shiro", answers(afterParty, "yes", track, "Serverless"));

        questionnaires.retire(organization.id(), track.id());
        Registered late = register("goro", answers(afterParty, "no"));
        registrant.answerWithToken(early.manageToken(), answers(afterParty, "no"));

        assertThat(questionnaires.of(event.id())).containsExactly(afterParty);
        assertThat(questionnaires.everAsked(event.id())).containsExactly(afterParty, track);
        assertThat(questionnaires.answersOf(early.registration().id()))
                .isEqualTo(Map.of(afterParty.id(), "no", track.id(), "Serverless"));
        assertThat(questionnaires.answersOf(late.registration().id())).isEqualTo(Map.of(afterParty.id(), "no"));
    }

    @Test
    void staffRegisteringSomeoneAtTheDoorNeedNotAnswerForThem() {
        Registered walkIn = registrations.register(event.id(), "一般枠",
                new Applicant("rokuro", "rokuro@example.com", Locale.JAPANESE));

        assertThat(walkIn.registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(questionnaires.answersOf(walkIn.registration().id())).isEmpty();
    }

    @Test
    void anotherOrganizationCannotRetireTheQuestion() {
        Organization other = organizations.found(new Slug("other-q-" + System.nanoTime()), "Other");

        assertThatThrownBy(() -> questionnaires.retire(other.id(), afterParty.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(questionnaires.of(event.id())).contains(afterParty);
    }
}
