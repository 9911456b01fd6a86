package io.firstpin.member.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.member.AudienceInput;
import io.firstpin.member.AudienceSource;
import io.firstpin.member.Audiences;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.Member;
import io.firstpin.member.MemberMerges;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.StaffLogin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** A member's audience per channel (reach): the API, the staff form, merges, and other organizations kept out. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
@AutoConfigureMockMvc
class MemberAudienceTests {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Audiences audiences;
    @Autowired
    MemberMerges merges;

    private static String audience(Object... channelSizeAsOf) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < channelSizeAsOf.length; i += 3) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("channel", channelSizeAsOf[i]);
            row.put("size", channelSizeAsOf[i + 1]);
            if (channelSizeAsOf[i + 2] != null) {
                row.put("asOf", channelSizeAsOf[i + 2]);
            }
            rows.add(row);
        }
        return json("audiences", rows);
    }

    private MockHttpSession signedInAs(Organization organization, Role role) {
        String email = role.name().toLowerCase() + "-" + System.nanoTime() + "@" + organization.slug() + ".test";
        accounts.openWithRole(email, "Staff", PASSWORD, organization.id(), role);
        return StaffLogin.signIn(mvc, email, PASSWORD);
    }

    @Test
    void theApiRecordsAudiencesAndAnswersReachAsTheSumOfTheLatestPerChannel() {
        ApiClient client = new ApiClient(port, BOOTSTRAP).foundOrganization("aud-api");
        long id = client.post("/api/v1/organizations/aud-api/members", json("displayName", "Taro")).json().path("id")
                .asLong();
        String path = "/api/v1/organizations/aud-api/members/" + id + "/audience";

        assertThat(client.get(path).json().path("reach").isNull()).isTrue();
        client.put(path, audience("x", 100, "2025-01-01", "github", 40, "2025-01-01"));
        ApiClient.Answer answer = client.put(path, audience("X", 1200, "2025-06-01"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode reach = answer.json();
        assertThat(reach.path("reach").asLong()).isEqualTo(1240);
        assertThat(reach.path("channels").get(0).path("channel").asString()).isEqualTo("x");
        assertThat(reach.path("channels").get(0).path("size").asLong()).isEqualTo(1200);
        assertThat(reach.path("channels").get(0).path("asOf").asString()).isEqualTo("2025-06-01");
        assertThat(reach.path("channels").get(0).path("source").asString()).isEqualTo("api");
    }

    @Test
    void aNegativeSizeOrAnUnknownChannelIsA400WithTheFieldAndItsMessage() {
        ApiClient client = new ApiClient(port, BOOTSTRAP).foundOrganization("aud-bad");
        long id = client.post("/api/v1/organizations/aud-bad/members", json("displayName", "Taro")).json().path("id")
                .asLong();
        String path = "/api/v1/organizations/aud-bad/members/" + id + "/audience";

        ApiClient.Answer answer = client.put(path, audience("x", -5, null, "myspace", 10, null));
        ApiClient.Answer notANumber = client.put(path, "{\"audiences\":[{\"channel\":\"x\",\"size\":\"many\"}]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("audiences[0].size", "audiences[1].channel",
                "Enter a whole number of 0 or more.", "Unknown channel");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(client.get(path).json().path("channels").size()).isZero();
    }

    @Test
    void anotherOrganizationGets404ForTheAudienceOfAMemberNotItsOwn() {
        ApiClient owner = new ApiClient(port, BOOTSTRAP).foundOrganization("aud-owner");
        ApiClient other = new ApiClient(port, BOOTSTRAP).foundOrganization("aud-other");
        long id = owner.post("/api/v1/organizations/aud-owner/members", json("displayName", "Taro")).json()
                .path("id").asLong();

        assertThat(other.get("/api/v1/organizations/aud-other/members/" + id + "/audience").status()).isEqualTo(404);
        assertThat(other.put("/api/v1/organizations/aud-other/members/" + id + "/audience",
                audience("x", 5, null)).status()).isEqualTo(404);
    }

    @Test
    void staffEnterTheAudienceOnTheMemberPageWithCsrfAndSeeTheirReach() throws Exception {
        Organization org = organizations.found(new Slug("aud-pages"), "Org");
        Member taro = members.register(org.id(), "Taro", List.of());
        MockHttpSession session = signedInAs(org, Role.COMMUNITY_LEADER);
        String path = "/manage/aud-pages/members/" + taro.id() + "/audience";

        String form = mvc.perform(get(path).session(session).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString();
        int withoutCsrf = mvc.perform(post(path).session(session).param("rows[0].channel", "X")
                .param("rows[0].size", "10")).andReturn().getResponse().getStatus();
        MockHttpServletResponse saved = mvc.perform(post(path).session(session).with(csrf())
                .param("rows[0].channel", "X").param("rows[0].size", "1200").param("rows[0].asOf", "2025-06-01")
                .param("rows[1].channel", "GITHUB").param("rows[1].size", "").param("rows[1].asOf", ""))
                .andReturn().getResponse();
        String detail = mvc.perform(get("/manage/aud-pages/members/" + taro.id()).session(session)
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();

        assertThat(form).contains("name=\"_csrf\"", "Blog / feed", "YouTube");
        assertThat(withoutCsrf).isEqualTo(403);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/manage/aud-pages/members/" + taro.id());
        assertThat(detail).contains("Reach: 1,200", "2025-06-01", "Love and reach");
    }

    @Test
    void aBadSizeOnTheFormIsExplainedNextToItsRowAndNothingIsStored() throws Exception {
        Organization org = organizations.found(new Slug("aud-form-bad"), "Org");
        Member taro = members.register(org.id(), "Taro", List.of());
        MockHttpSession session = signedInAs(org, Role.COMMUNITY_LEADER);

        MockHttpServletResponse answer = mvc.perform(post("/manage/aud-form-bad/members/" + taro.id() + "/audience")
                .session(session).with(csrf()).header("Accept-Language", "en")
                .param("rows[0].channel", "X").param("rows[0].size", "")
                .param("rows[1].channel", "BLUESKY").param("rows[1].size", "-3")).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentAsString()).containsPattern("name=\"rows\\[1]\\.size\"[^>]*>\\s*"
                + "<div class=\"field-error\">Enter a whole number of 0 or more.</div>");
        assertThat(audiences.reachOf(org.id(), taro.id()).known()).isFalse();
    }

    @Test
    void anotherOrganizationsStaffGet404OnTheAudienceForm() throws Exception {
        Organization owner = organizations.found(new Slug("aud-form-owner"), "Owner");
        Organization other = organizations.found(new Slug("aud-form-other"), "Other");
        Member taro = members.register(owner.id(), "Taro", List.of());
        MockHttpSession session = signedInAs(other, Role.ORGANIZATION_ADMIN);

        int page = mvc.perform(get("/manage/aud-form-other/members/" + taro.id() + "/audience").session(session))
                .andReturn().getResponse().getStatus();
        int save = mvc.perform(post("/manage/aud-form-other/members/" + taro.id() + "/audience").session(session)
                .with(csrf()).param("rows[0].channel", "X").param("rows[0].size", "5")).andReturn().getResponse()
                .getStatus();

        assertThat(List.of(page, save)).containsOnly(404);
    }

    @Test
    void aMergeMovesTheAudienceAndItsUndoMovesItBack() {
        Organization org = organizations.found(new Slug("aud-merge"), "Org");
        Member into = members.register(org.id(), "Taro", List.of(IdentityInput.email("taro@example.com")));
        Member from = members.register(org.id(), "Taro Y", List.of(IdentityInput.connpass("taro_y")));
        audiences.record(org.id(), from.id(), List.of(new AudienceInput("x", "300", "2025-01-01")),
                AudienceSource.STAFF);

        long mergeId = merges.merge(org.id(), into.id(), from.id()).id();
        long afterMerge = audiences.reachOf(org.id(), into.id()).total();
        merges.undo(org.id(), mergeId);

        assertThat(afterMerge).isEqualTo(300);
        assertThat(audiences.reachOf(org.id(), into.id()).known()).isFalse();
        assertThat(audiences.reachOf(org.id(), from.id()).total()).isEqualTo(300);
    }
}
