package io.firstpin.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.attendance.Door;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.Registered;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The parts other modules load into the registrant's private page (the check-in pass, the report form, the survey
 * link) are private link pages like the page itself: only the link opens them, and their address is never sent on.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class RegistrantPagePartsTests {

    private static final List<String> PARTS = List.of("/checkin", "/report", "/survey-link");

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;

    private MockHttpServletResponse part(String path) throws Exception {
        return mvc.perform(get(path).header("HX-Request", "true")).andReturn().getResponse();
    }

    @Test
    void eachPartOpensOnlyWithTheLinkAndSendsNoReferrer() throws Exception {
        Door door = new Door(organizations, communities, events, registrations);
        Event event = door.event(door.organization(), Instant.now().plus(Duration.ofMinutes(10)), 5);
        Registered seated = door.register(event, "部品 花子");

        for (String part : PARTS) {
            MockHttpServletResponse opened = part("/r/" + seated.manageToken() + part);
            assertThat(opened.getStatus()).as(part).isEqualTo(200);
            assertThat(opened.getHeader("Referrer-Policy")).as(part).isEqualTo("no-referrer");
            assertThat(opened.getContentAsString()).as(part).doesNotContain("@example.com");
            assertThat(part("/r/r_not-a-token" + part).getStatus()).as(part).isEqualTo(404);
        }
    }
}
