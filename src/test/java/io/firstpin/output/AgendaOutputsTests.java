package io.firstpin.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.event.Material;
import io.firstpin.event.RegistrationWindow;
import io.firstpin.event.SessionKind;
import io.firstpin.event.SessionPlan;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@DatabaseTest
@SpringBootTest(properties = "firstpin.outputs.preview-check-interval=1h")
class AgendaOutputsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Members members;
    @Autowired
    Outputs outputs;

    private static final EventDetails MEETUP = new EventDetails("福岡勉強会 #20", null, EventKind.STUDY_SESSION,
            Instant.now().plus(7, ChronoUnit.DAYS), null, null, true, null, Optional.empty());

    private static List<SessionPlan> agendaWith(String slides) {
        return List.of(new SessionPlan(SessionKind.LIGHTNING_TALK, "CDK で作る", 5, List.of("博多 花子"), List.of(
                Material.link(slides, "LT資料"),
                Material.link("https://www.youtube.com/watch?v=abc123", null),
                Material.link("https://example.com/notes", "メモ"))));
    }

    @Test
    void speakersSlidesAndVideosAreOutputsOfTheEventAndStayUnlinkedWhenStaffSaySo() {
        String slug = "agenda-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "Org");
        var community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 福岡", null, null, "Asia/Tokyo"), null);
        Event event = events.plan(community, MEETUP, agendaWith("https://speakerdeck.com/hanako/cdk"),
                List.of(FramePlan.general("一般枠")), "一般枠");

        List<EventOutput> listed = outputs.ofEvent(organization.id(), event.id());
        assertThat(listed).extracting(e -> e.output().type()).containsExactlyInAnyOrder(OutputType.SLIDE,
                OutputType.VIDEO);
        assertThat(listed).allSatisfy(e -> {
            assertThat(e.link().linkedBy()).isEqualTo(LinkedBy.AGENDA);
            assertThat(e.author()).isEqualTo("博多 花子");
        });
        assertThat(listed).extracting(e -> e.output().label()).contains("LT資料", "CDK で作る");

        long slides = listed.stream().filter(e -> e.output().type() == OutputType.SLIDE).findFirst().orElseThrow()
                .output().id();
        outputs.unlink(organization.id(), event.id(), slides);
        events.revise(organization.id(), event.id(), MEETUP, agendaWith("https://speakerdeck.com/hanako/cdk"),
                List.of(new FramePlan(events.frames(event.id()).get(0).id(), "一般枠", null,
                        FrameMode.FIFO, null)), RegistrationWindow.UNTIL_THE_EVENT_ENDS);

        assertThat(outputs.ofEvent(organization.id(), event.id())).extracting(e -> e.output().type())
                .containsExactly(OutputType.VIDEO);
    }
}
