package io.firstpin.mypage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signing in to the member's page with the code emailed to them (a real SMTP server), which proves the address: the
 * registrations made under it on the public form, in two communities, are theirs from then on.
 */
@DatabaseTest
@SpringBootTest(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms"})
@AutoConfigureMockMvc
@DirtiesContext
class MyPageSignInTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final Pattern CODE = Pattern.compile("([0-9]{6})");

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
    Registrations registrations;

    Organization organization;
    String email;

    @BeforeEach
    void twoRegistrationsInTwoCommunities() {
        String slug = "mypage-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "JAWS-UG");
        email = "hanako-" + slug + "@example.com";
        for (String name : List.of("東京", "大阪")) {
            Community community = communities.start(organization.id(), new Slug(slug + "-" + name.hashCode()),
                    CommunityProfile.of("JAWS-UG " + name, null, null, "Asia/Tokyo"), null);
            long event = events.plan(community, new EventDetails("勉強会 " + name, null, EventKind.STUDY_SESSION,
                    Instant.now().plus(10, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                    List.of(), "一般枠").id();
            registrations.register(event, null, new Applicant("花子", email, Locale.JAPANESE), null);
        }
    }

    private String base() {
        return "/my/" + organization.slug();
    }

    private String codeIn(MockHttpSession session) throws Exception {
        mvc.perform(post(base() + "/sign-in/code").session(session).with(csrf()).param("email", email));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSmtp.receivedBy(smtp, email).stream()
                .anyMatch(m -> m.subject().contains("サインイン")));
        String text = TestSmtp.receivedBy(smtp, email).stream().filter(m -> m.subject().contains("サインイン"))
                .reduce((a, b) -> b).orElseThrow().text();
        Matcher code = CODE.matcher(text);
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    @Test
    void theEmailedCodeSignsInAndTheRegistrationsUnderTheAddressAreShown() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = mvc.perform(get(base()).session(session)).andReturn().getResponse().getRedirectedUrl();

        String code = codeIn(session);
        MockHttpServletResponse wrong = mvc.perform(post(base() + "/sign-in/verify").session(session).with(csrf())
                .param("code", code.equals("000000") ? "000001" : "000000")).andReturn().getResponse();
        MockHttpServletResponse signedIn = mvc.perform(post(base() + "/sign-in/verify").session(session)
                .with(csrf()).param("code", code)).andReturn().getResponse();
        String page = mvc.perform(get(base()).session(session).header("Accept-Language", "ja")).andReturn()
                .getResponse().getContentAsString();
        Organization other = organizations.found(new Slug("mypage-other-" + System.nanoTime()), "Other");
        String elsewhere = mvc.perform(get("/my/" + other.slug()).session(session)).andReturn().getResponse()
                .getRedirectedUrl();

        assertThat(before).endsWith(base() + "/sign-in");
        assertThat(wrong.getRedirectedUrl()).endsWith(base() + "/sign-in/code?error");
        assertThat(signedIn.getRedirectedUrl()).endsWith(base());
        assertThat(page).contains("勉強会 東京", "勉強会 大阪", "JAWS-UG 東京", "JAWS-UG 大阪", "id=\"feed-form\"");
        assertThat(elsewhere).endsWith("/my/" + other.slug() + "/sign-in");
    }

    private MockHttpSession signedIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String code = codeIn(session);
        mvc.perform(post(base() + "/sign-in/verify").session(session).with(csrf()).param("code", code));
        return session;
    }

    @Test
    void theMemberSeesTheirReportsSurveysAndFeedsAndRegistersInOneClick() throws Exception {
        MockHttpSession session = signedIn();
        Community kyoto = communities.start(organization.id(), new Slug(organization.slug() + "-kyoto"),
                CommunityProfile.of("JAWS-UG 京都", null, null, "Asia/Tokyo"), null);
        long next = events.plan(kyoto, new EventDetails("勉強会 京都", null, EventKind.STUDY_SESSION,
                Instant.now().plus(20, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(), "一般枠").id();

        String before = mvc.perform(get(base()).session(session).header("Accept-Language", "en")).andReturn()
                .getResponse().getContentAsString();
        MockHttpServletResponse registered = mvc.perform(post(base() + "/events/" + next + "/registrations")
                .session(session).with(csrf())).andReturn().getResponse();
        String after = mvc.perform(get(base()).session(session).header("Accept-Language", "ja")).andReturn()
                .getResponse().getContentAsString();

        assertThat(before).contains("id=\"my-reports\"", "Your reports", "id=\"my-surveys\"",
                "Your survey answers", "id=\"open-events\"", "勉強会 京都");
        assertThat(registered.getRedirectedUrl()).startsWith("/r/r_");
        assertThat(after).contains("あなたのレポート", "あなたのアンケート回答")
                .doesNotContain("id=\"open-events\"");
        assertThat(after.substring(after.indexOf("id=\"upcoming-registrations\""))).contains("勉強会 京都");
    }

    @Test
    void anotherOrganizationsEventsCommunitiesAndRegistrationsAreNotFound() throws Exception {
        MockHttpSession session = signedIn();
        Organization other = organizations.found(new Slug("mypage-elsewhere-" + System.nanoTime()), "Other");
        Community theirs = communities.start(other.id(), new Slug(other.slug() + "-c"),
                CommunityProfile.of("Other UG", null, null, "Asia/Tokyo"), null);
        long theirEvent = events.plan(theirs, new EventDetails("Other meetup", null, EventKind.STUDY_SESSION,
                Instant.now().plus(20, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(), "一般枠").id();
        long theirRegistration = registrations.register(theirEvent, null,
                new Applicant("誰か", "someone-" + other.slug() + "@example.com", Locale.JAPANESE), null)
                .registration().id();

        List<Integer> statuses = List.of(
                status(post(base() + "/events/" + theirEvent + "/registrations"), session),
                status(post(base() + "/follows/" + theirs.id()), session),
                status(post(base() + "/follows/" + theirs.id() + "/unfollow"), session),
                status(post(base() + "/registrations/" + theirRegistration + "/open"), session));

        assertThat(statuses).containsExactly(404, 404, 404, 404);
        assertThat(registrations.ofMember(other.id(), registrations.ofEvent(other.id(), theirEvent).get(0)
                .registration().memberId())).hasSize(1);
    }

    private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session).with(csrf())).andReturn().getResponse().getStatus();
    }

    @Test
    void aBadAddressIsExplainedAndSendsNothing() throws Exception {
        MockHttpServletResponse answer = mvc.perform(post(base() + "/sign-in/code").with(csrf())
                .param("email", "not an address").header("Accept-Language", "en")).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentAsString()).contains("id=\"invalid-email\"");
    }
}
