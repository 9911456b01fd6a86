package io.firstpin.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventCopies;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.event.Session;
import io.firstpin.event.SessionKind;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A frame's own questions: the LT frame asks the talk title, and its answers feed the agenda draft. */
@DatabaseTest
@SpringBootTest
class FrameQuestionsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    EventCopies copies;
    @Autowired
    Registrations registrations;
    @Autowired
    Questionnaires questionnaires;
    @Autowired
    AgendaDrafts drafts;

    private Organization organization;
    private Event event;
    private Frame lightningTalks;
    private Question talkTitle;

    @BeforeEach
    void anEventWhoseLtFrameAsksTheTalkTitle() {
        String slug = "frame-questions-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Org");
        var community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 札幌", null, null, "Asia/Tokyo"), null);
        event = events.plan(community, new EventDetails("札幌勉強会", null, EventKind.STUDY_SESSION,
                Instant.now().plus(20, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", 10, FrameMode.FIFO, null),
                        new FramePlan(null, "LT枠", 1, FrameMode.FIFO, null)), "一般枠");
        lightningTalks = events.frames(event.id()).get(1);
        talkTitle = questionnaires.ask(organization.id(), event.id(), QuestionKind.TEXT, "発表タイトル", null, true,
                lightningTalks.id(), true);
    }

    private Registered register(String name, String frame, Map<String, String> answers) {
        return registrations.register(event.id(), frame, new Applicant(name, name + "@example.com", Locale.JAPANESE),
                answers);
    }

    @Test
    void onlyThoseRegisteringForTheFrameAreAskedItsQuestion() {
        assertThat(register("general", "一般枠", Map.of()).registration().status())
                .isEqualTo(RegistrationStatus.CONFIRMED);

        assertThatThrownBy(() -> register("speaker", "LT枠", Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly("answers[" + talkTitle.id() + "]"));
        Registered speaker = register("speaker", "LT枠", Map.of(String.valueOf(talkTitle.id()), "CDK で始める IaC"));

        assertThat(questionnaires.answersOf(speaker.registration().id())).containsValue("CDK で始める IaC");
    }

    @Test
    void theConfirmedSpeakersTalksAreAddedToTheAgendaOnce() {
        register("speaker", "LT枠", Map.of(String.valueOf(talkTitle.id()), "CDK で始める IaC\n(補足)"));
        register("waiting", "LT枠", Map.of(String.valueOf(talkTitle.id()), "補欠の発表"));

        assertThat(drafts.of(event.id())).extracting(AgendaDrafts.Talk::title, AgendaDrafts.Talk::speakerName)
                .containsExactly(tuple("CDK で始める IaC", "speaker"));
        assertThat(drafts.addToAgenda(organization.id(), event.id())).isEqualTo(1);
        assertThat(drafts.addToAgenda(organization.id(), event.id())).as("already in the agenda").isZero();

        Event withTalks = events.inOrganization(organization.id(), event.id());
        assertThat(withTalks.sessions()).extracting(Session::kind, Session::title)
                .containsExactly(tuple(SessionKind.LIGHTNING_TALK, "CDK で始める IaC"));
        assertThat(events.speakerNames(withTalks).values()).containsExactly("speaker");
    }

    @Test
    void aQuestionForAnotherEventsFrameOrATalkTitleThatIsNoTextIsRefused() {
        assertThatThrownBy(() -> questionnaires.ask(organization.id(), event.id(), QuestionKind.TEXT, "枠違い", null,
                false, lightningTalks.id() + 10_000, false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> questionnaires.ask(organization.id(), event.id(), QuestionKind.YES_NO, "LTしますか",
                null, false, null, true)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aCopyAsksItsOwnLtFrame() {
        Event copy = copies.copy(organization.id(), event.id(), event.startsAt().plus(30, ChronoUnit.DAYS), null);

        Frame copiedFrame = events.frames(copy.id()).get(1);
        assertThat(questionnaires.of(copy.id())).singleElement().satisfies(question -> {
            assertThat(question.frameId()).isEqualTo(copiedFrame.id());
            assertThat(question.feedsAgenda()).isTrue();
        });
    }
}
