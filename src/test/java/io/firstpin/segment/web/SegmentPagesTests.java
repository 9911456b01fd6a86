package io.firstpin.segment.web;

import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.community.Community;
import io.firstpin.identity.Role;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.Members;
import io.firstpin.segment.MemberSegment;
import io.firstpin.segment.OutputFilter;
import io.firstpin.segment.SegmentCriteria;
import io.firstpin.segment.SegmentMessages;
import io.firstpin.segment.Segments;
import io.firstpin.segment.TalkFilter;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The segment pages, CSV and API. Last month "=Fan" (with email, checked in twice) and Quiet (no email, once) came;
 * staff member Sam (with email) too.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SegmentPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Members members;
    @Autowired
    Segments segments;
    @Autowired
    SegmentMessages messages;

    TestTenant tenant;
    Community community;
    ApiClient api;
    MemberSegment regulars;
    String base;

    @BeforeEach
    void aCommunityWithASegment() {
        tenant = TestTenant.found(context, "segweb", "JAWS-UG 札幌");
        community = tenant.community();
        api = new ApiClient(port, tenant.token(Role.ORGANIZATION_ADMIN));
        String slug = tenant.slug();
        CommunityHistory history = tenant.history();
        long fan = history.member("=Fan");
        long quiet = history.member("Quiet");
        long sam = history.staffMember("Sam");
        members.addIdentity(tenant.id(), fan, IdentityInput.email("fan@" + slug + ".test"));
        members.addIdentity(tenant.id(), fan, IdentityInput.of("github", "fan-gh"));
        members.addIdentity(tenant.id(), sam, IdentityInput.email("sam@" + slug + ".test"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        history.eventAt(today.minusMonths(2) + "T19:00", "JP-01", "札幌市").checkedIn(fan);
        history.eventAt(today.minusMonths(1) + "T19:00", "JP-01", "札幌市").checkedIn(fan, quiet, sam);
        regulars = segments.create(tenant.id(), community.slug(), false, "Regulars",
                new SegmentCriteria(1, 6, OutputFilter.ANY, TalkFilter.ANY, null, false));
        base = tenant.manage("/segments");
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, MockHttpSession session)
            throws Exception {
        return mvc.perform(request.session(session).header("Accept-Language", "en")).andReturn().getResponse();
    }

    @Test
    void aLeaderSavesASegmentThroughTheFormWithCsrfAndSeesItsMembers() throws Exception {
        MockHttpSession session = tenant.staff(mvc, Role.COMMUNITY_LEADER);
        MockHttpServletRequestBuilder create = post(base).param("name", "Twice or more")
                .param("community", community.slug()).param("minEvents", "2").param("withinMonths", "12")
                .param("outputs", "NONE").param("talks", "ANY").param("quadrant", "");

        String form = perform(get(base + "/new"), session).getContentAsString();
        int withoutCsrf = perform(create, session).getStatus();
        MockHttpServletResponse created = perform(create.with(csrf()), session);
        String detail = perform(get(created.getRedirectedUrl()), session).getContentAsString();

        assertThat(form).contains("name=\"_csrf\"", "hx-post=\"" + base + "/preview\"", "JAWS-UG 札幌");
        assertThat(withoutCsrf).isEqualTo(403);
        assertThat(detail).contains("Twice or more", "attended 2+ events in the last 12 months</span><span>, no output yet",
                "1 members, 1 of them with an email address", "=Fan").doesNotContain("Quiet");
    }

    @Test
    void badCriteriaAreExplainedNextToTheirFieldsWith400() throws Exception {
        MockHttpSession session = tenant.staff(mvc, Role.COMMUNITY_LEADER);

        MockHttpServletResponse answer = perform(post(base).with(csrf()).param("name", "")
                .param("community", community.slug()).param("minEvents", "lots").param("withinMonths", "500")
                .param("outputs", "ANY").param("talks", "ANY"), session);

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentAsString()).contains("Please fill this in.", "Enter a whole number.",
                "Use a number from 1 to 120.");
        assertThat(segments.list(tenant.id())).hasSize(1);
    }

    @Test
    void thePreviewIsAFragmentWithTheCountAndTheFirstMembers() throws Exception {
        MockHttpSession session = tenant.staff(mvc, Role.COMMUNITY_LEADER);

        String preview = perform(post(base + "/preview").with(csrf()).header("HX-Request", "true")
                .param("community", community.slug()).param("minEvents", "1").param("withinMonths", "6")
                .param("outputs", "ANY").param("talks", "ANY").param("includeStaff", "true"), session)
                .getContentAsString();

        assertThat(preview).doesNotContain("<html").contains("id=\"segment-preview\"",
                "3 members, 2 of them with an email address", "=Fan", "Quiet", "Sam");
    }

    @Test
    void theCsvHasEveryMemberWithEmailAndIdentitiesInSafeCells() throws Exception {
        MockHttpSession session = tenant.staff(mvc, Role.VIEWER);

        MockHttpServletResponse csv = perform(get(base + "/" + regulars.id() + "/members.csv"), session);
        String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);

        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(text).startsWith("\uFEFFMember number,Name,Email,Other identities,Staff,Events in the window,");
        assertThat(text).contains(",'=Fan,fan@" + tenant.slug() + ".test,github:fan-gh,false,2,2,0,0,")
                .contains(",Quiet,,,false,1,1,0,0,").doesNotContain("Sam");
    }

    @Test
    void emailIsSentOnlyAfterTheConfirmationStepThatSaysHowManyWillReceiveIt() throws Exception {
        MockHttpSession session = tenant.staff(mvc, Role.COMMUNITY_LEADER);
        String email = base + "/" + regulars.id() + "/email";

        String compose = perform(get(email), session).getContentAsString();
        MockHttpServletResponse confirm = perform(post(email).with(csrf()).param("subject", " See you ")
                .param("body", "Next month too."), session);
        List<SegmentMessages.Sent> beforeSending = messages.history(tenant.id(), regulars.id());
        MvcResult sent = mvc.perform(post(email + "/send").session(session).with(csrf())
                .param("subject", "See you").param("body", "Next month too.")).andReturn();
        String detail = mvc.perform(get(sent.getResponse().getRedirectedUrl()).session(session)
                .header("Accept-Language", "en").flashAttrs(sent.getFlashMap())).andReturn().getResponse()
                .getContentAsString();

        assertThat(compose).contains("1 members will receive it; 1 without an email address are skipped.");
        assertThat(confirm.getContentAsString()).contains("This email goes to 1 members", "Send 1 emails",
                "value=\"See you\"");
        assertThat(beforeSending).isEmpty();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(base + "/" + regulars.id());
        assertThat(detail).contains("Sent to 1 members; 1 without an email address were skipped.", "Emails sent");
        assertThat(messages.history(tenant.id(), regulars.id())).singleElement()
                .extracting(SegmentMessages.Sent::subject, SegmentMessages.Sent::recipients)
                .containsExactly("See you", 1);
    }

    @Test
    void anotherOrganizationGets404OnEverySegmentPageAndCall() throws Exception {
        TestTenant other = TestTenant.found(context, "segweb-other", "Other");
        MockHttpSession session = other.staff(mvc, Role.ORGANIZATION_ADMIN);
        String theirs = other.manage("/segments/" + regulars.id());
        ApiClient otherApi = new ApiClient(port, other.token(Role.ORGANIZATION_ADMIN));
        String otherApiBase = "/api/v1/organizations/" + other.slug() + "/segments/" + regulars.id();

        List<Integer> statuses = List.of(
                perform(get(theirs), session).getStatus(),
                perform(get(theirs + "/edit"), session).getStatus(),
                perform(get(theirs + "/members.csv"), session).getStatus(),
                perform(get(theirs + "/email"), session).getStatus(),
                perform(post(theirs + "/email").with(csrf()).param("subject", "s").param("body", "b"), session)
                        .getStatus(),
                perform(post(theirs + "/email/send").with(csrf()).param("subject", "s").param("body", "b"), session)
                        .getStatus(),
                perform(post(theirs + "/edit").with(csrf()).param("name", "x").param("community", community.slug()),
                        session).getStatus(),
                perform(post(theirs + "/delete").with(csrf()), session).getStatus(),
                perform(get(tenant.manage("/segments")), session).getStatus(),
                otherApi.get(otherApiBase).status(),
                otherApi.get(otherApiBase + "/members").status());
        String preview = perform(post(other.manage("/segments/preview")).with(csrf())
                .param("community", community.slug()).param("minEvents", "0").param("withinMonths", "6")
                .param("outputs", "ANY").param("talks", "ANY"), session).getContentAsString();

        assertThat(statuses).containsOnly(404);
        assertThat(preview).doesNotContain("=Fan", "Quiet");
        assertThat(segments.list(tenant.id())).hasSize(1);
    }

    @Test
    void theApiListsCreatesAndEvaluatesSegments() {
        String path = "/api/v1/organizations/" + tenant.slug() + "/segments";

        ApiClient.Answer created = api.post(path, json("name", "No output yet", "community", community.slug(),
                "minEvents", 2, "withinMonths", 12, "outputs", "none", "talks", "any"));
        ApiClient.Answer bad = api.post(path, json("name", "", "community", "nowhere", "minEvents", -1,
                "withinMonths", 12, "outputs", "sometimes", "talks", "any"));
        JsonNode list = api.get(path).json();
        JsonNode found = api.get(path + "/" + created.json().path("id").asLong() + "/members").json();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("outputs").asString()).isEqualTo("none");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("name", "minEvents", "outputs");
        assertThat(list.size()).isEqualTo(2);
        assertThat(found.path("count").asInt()).isEqualTo(1);
        assertThat(found.path("withEmail").asInt()).isEqualTo(1);
        assertThat(found.path("members").get(0).path("displayName").asString()).isEqualTo("=Fan");
        assertThat(found.path("members").get(0).path("eventsSince").asInt()).isEqualTo(2);
        assertThat(found.path("members").get(0).path("identities").get(0).path("kind").asString()).isEqualTo("email");
    }
}
