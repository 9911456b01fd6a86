package io.firstpin.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Typing someone's email gets nobody their registrations or history; only the mailbox proves the email. */
@DatabaseTest
@SpringBootTest(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms"})
@AutoConfigureMockMvc
@DirtiesContext
class ProvenEmailTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("http://firstpin\\.test(/r/r_[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Members members;
    @Autowired
    Registrations registrations;

    private Event studySession(Organization organization) {
        var community = communities.start(organization.id(), new Slug("c-" + System.nanoTime()),
                CommunityProfile.of("JAWS-UG", null, null, "Asia/Tokyo"), null);
        Instant startsAt = Instant.now().plus(30, ChronoUnit.DAYS);
        return events.plan(community, new EventDetails("勉強会", null, EventKind.STUDY_SESSION, startsAt, null, null,
                true, null, Optional.empty()), List.of(), List.of(new FramePlan(null, "一般枠", 10, FrameMode.FIFO, null)),
                "一般枠");
    }

    private MvcResult registerByApi(Event event, String name, String email) throws Exception {
        return mvc.perform(post("/api/v1/events/" + event.id() + "/registrations")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}")).andReturn();
    }

    @Test
    void aRegistrationUnderAKnownEmailStaysApartUntilTheLinkSentToThatEmailProvesIt() throws Exception {
        Organization organization = organizations.found(new Slug("proof-" + System.nanoTime()), "Org");
        String email = "owner-" + organization.id() + "@example.com";
        Member owner = members.register(organization.id(), "本人", List.of(IdentityInput.email(email)));
        Event event = studySession(organization);

        MvcResult typed = registerByApi(event, "なりすまし", email.toUpperCase());
        JsonNode answer = JSON.readTree(typed.getResponse().getContentAsString());
        Registration registration = registrations.find(answer.path("id").asLong()).orElseThrow();
        String callersLink = "/r/" + answer.path("manageToken").asString();

        assertThat(typed.getResponse().getStatus()).isEqualTo(201);
        assertThat(answer.propertyNames()).containsExactlyInAnyOrder("id", "status", "waitlistPosition", "manageToken");
        assertThat(registration.memberId()).isNotEqualTo(owner.id());
        assertThat(members.findById(registration.memberId()).orElseThrow().provisional()).isTrue();
        assertThat(members.findById(registration.memberId()).orElseThrow().identities()).isEmpty();

        String callersPage = mvc.perform(get(callersLink)).andReturn().getResponse().getContentAsString();
        int callerProves = mvc.perform(post(callersLink + "/prove").with(csrf())).andReturn().getResponse().getStatus();
        assertThat(callersPage).contains("id=\"prove-by-email\"").doesNotContain("id=\"prove\"");
        assertThat(callerProves).as("the link answered to the caller proves nothing").isEqualTo(404);
        assertThat(registrations.find(registration.id()).orElseThrow().memberId()).isNotEqualTo(owner.id());

        MvcResult again = registerByApi(event, "なりすまし", email);
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString()).doesNotContain("r_")
                .doesNotContain(String.valueOf(registration.id()));

        String mailedLink = await().atMost(Duration.ofSeconds(20)).until(() -> TestSmtp.receivedBy(smtp, email).stream()
                .map(mail -> LINK.matcher(mail.text())).filter(Matcher::find).map(m -> m.group(1)).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(mailedLink).isNotEqualTo(callersLink);
        String ownersPage = mvc.perform(get(mailedLink)).andReturn().getResponse().getContentAsString();
        assertThat(ownersPage).contains("id=\"prove\"");

        MvcResult proven = mvc.perform(post(mailedLink + "/prove").with(csrf())).andReturn();

        assertThat(proven.getResponse().getRedirectedUrl()).isEqualTo(mailedLink);
        assertThat(registrations.find(registration.id()).orElseThrow().memberId()).isEqualTo(owner.id());
    }

    @Test
    void registeringAgainAfterCancellingStartsANewRegistrationAndNeverHandsOverTheOldOne() throws Exception {
        Organization organization = organizations.found(new Slug("again-" + System.nanoTime()), "Org");
        Event event = studySession(organization);
        String email = "again-" + organization.id() + "@example.com";
        JsonNode first = JSON.readTree(registerByApi(event, "一回目", email).getResponse().getContentAsString());
        mvc.perform(post("/r/" + first.path("manageToken").asString() + "/cancel").with(csrf())
                .param("confirm", "true"));

        JsonNode second = JSON.readTree(registerByApi(event, "二回目", email).getResponse().getContentAsString());

        assertThat(second.path("id").asLong()).isNotEqualTo(first.path("id").asLong());
        assertThat(second.path("status").asString()).isEqualTo("confirmed");
        assertThat(registrations.byToken(second.path("manageToken").asString()).orElseThrow().id())
                .isEqualTo(second.path("id").asLong());
    }
}
