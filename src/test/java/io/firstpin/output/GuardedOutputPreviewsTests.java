package io.firstpin.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.attendance.Door;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.LocalWebServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@DatabaseTest
@SpringBootTest(properties = "firstpin.outputs.preview-check-interval=1h")
class GuardedOutputPreviewsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    Outputs outputs;
    @Autowired
    OutputPreviews previews;

    @Test
    void aSubmittedLinkToAPrivateAddressIsNeverFetched() {
        try (LocalWebServer internal = LocalWebServer.start()) {
            internal.answer("/admin", LocalWebServer.text(200, "text/html", "<title>internal dashboard</title>"));
            Door door = new Door(organizations, communities, events, registrations);
            Organization organization = door.organization();
            Event event = door.event(organization, Instant.now().minus(1, ChronoUnit.DAYS), 10);
            Output output = outputs.submitByStaff(organization.id(), event.id(),
                    new OutputSubmission(internal.url("/admin"), "blog", null, null));

            previews.fetchDue(10);

            assertThat(internal.requests()).isEmpty();
            assertThat(outputs.inOrganization(organization.id(), output.id()).label()).isEqualTo(internal.url("/admin"));
        }
    }
}
