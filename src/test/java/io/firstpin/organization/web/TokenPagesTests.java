package io.firstpin.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.identity.ApiToken;
import io.firstpin.identity.ApiTokens;
import io.firstpin.identity.Role;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.ScopedOrganization;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The API tokens page: scoped, read-only and expiring tokens issued by an admin, shown once, listed and revoked. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class TokenPagesTests {

    private static final Pattern ISSUED = Pattern.compile("id=\"issued-token\">([^<]+)<");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokens tokens;

    @Test
    void aTokyoReadOnlyTokenIsShownOnceListedWithItsTermsAndReachesTokyoOnly() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "token-page-scope");
        MockHttpSession admin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, null);
        String page = "/manage/" + org.slug() + "/tokens";

        mvc.perform(post(page).session(admin).with(csrf()).param("name", "tokyo-dashboard")
                .param("role", "VIEWER").param("community", String.valueOf(org.tokyo().id()))
                .param("expiresOn", LocalDate.now().plusDays(30).toString()));
        String firstView = mvc.perform(get(page).session(admin)).andReturn().getResponse().getContentAsString();
        String secondView = mvc.perform(get(page).session(admin).header("Accept-Language", "en")).andReturn()
                .getResponse().getContentAsString();

        Matcher issued = ISSUED.matcher(firstView);
        assertThat(issued.find()).isTrue();
        assertThat(secondView).doesNotContain("id=\"issued-token\"").contains("tokyo-dashboard", "Tokyo", "read-only");
        ApiToken token = tokens.listForOrganization(org.organization().id()).get(0);
        assertThat(token.readOnly()).isTrue();
        assertThat(token.communityId()).isEqualTo(org.tokyo().id());
        assertThat(token.expiresAt()).isNotNull();
        ApiClient api = new ApiClient(port, issued.group(1).strip());
        String events = "/api/v1/events/";
        assertThat(api.get(events + org.tokyoEvent()).status()).isEqualTo(200);
        assertThat(api.get(events + org.osakaEvent()).status()).isEqualTo(404);
    }

    @Test
    void aRevokedTokenAnswers401AndIsListedAsRevoked() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "token-page-revoke");
        MockHttpSession admin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, null);
        String secret = org.token(Role.ORGANIZATION_ADMIN, null);
        long id = tokens.listForOrganization(org.organization().id()).get(0).id();

        mvc.perform(post("/manage/" + org.slug() + "/tokens/" + id + "/revoke").session(admin).with(csrf()));

        assertThat(new ApiClient(port, secret).get("/api/v1/organizations/" + org.slug() + "/members").status())
                .isEqualTo(401);
        assertThat(mvc.perform(get("/manage/" + org.slug() + "/tokens").session(admin).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString()).contains("Revoked");
    }

    @Test
    void anExpiryInThePastOrAnotherOrganizationsCommunityIsExplainedNotIssued() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "token-page-bad");
        ScopedOrganization other = ScopedOrganization.found(context, "token-page-other");
        MockHttpSession admin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, null);
        String page = "/manage/" + org.slug() + "/tokens";

        MvcResult past = mvc.perform(post(page).session(admin).with(csrf()).header("Accept-Language", "ja")
                .param("name", "old").param("role", "VIEWER").param("community", "")
                .param("expiresOn", "2001-01-01")).andReturn();
        MvcResult elsewhere = mvc.perform(post(page).session(admin).with(csrf()).header("Accept-Language", "en")
                .param("name", "theirs")
                .param("role", "VIEWER").param("community", String.valueOf(other.osaka().id()))).andReturn();
        MvcResult notADate = mvc.perform(post(page).session(admin).with(csrf()).param("name", "typo")
                .param("role", "VIEWER").param("expiresOn", "next week")).andReturn();

        assertThat(past.getResponse().getStatus()).isEqualTo(200);
        assertThat(past.getResponse().getContentAsString()).contains("今日以降");
        assertThat(elsewhere.getResponse().getContentAsString()).contains("no such community");
        assertThat(notADate.getResponse().getContentAsString()).contains("2026-03-31");
        assertThat(tokens.listForOrganization(org.organization().id())).isEmpty();
    }

    @Test
    void onlyAdminsOfTheWholeOrganizationSeeTheTokensAndOtherOrganizationsGet404() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "token-page-roles");
        ScopedOrganization other = ScopedOrganization.found(context, "token-page-elsewhere");
        MockHttpSession tokyoAdmin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, org.tokyo());
        MockHttpSession leader = org.signedIn(mvc, Role.COMMUNITY_LEADER, null);
        MockHttpSession admin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, null);

        assertThat(status(get("/manage/" + org.slug() + "/tokens").session(tokyoAdmin))).isEqualTo(403);
        assertThat(status(get("/manage/" + org.slug() + "/tokens").session(leader))).isEqualTo(403);
        assertThat(status(get("/manage/" + other.slug() + "/tokens").session(admin))).isEqualTo(404);
        assertThat(status(post("/manage/" + other.slug() + "/tokens").session(admin).with(csrf())
                .param("name", "x").param("role", "VIEWER"))).isEqualTo(404);
        assertThat(status(post("/manage/" + org.slug() + "/tokens").session(admin)
                .param("name", "no-csrf").param("role", "VIEWER"))).isEqualTo(403);
        assertThat(tokens.listForOrganization(other.organization().id())).isEmpty();
        assertThat(tokens.listForOrganization(org.organization().id())).isEmpty();
    }

    @Test
    void theNavigationOffersNoLinkTheRoleWouldAnswerWith403() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "token-page-nav");
        MockHttpSession tokyoLeader = org.signedIn(mvc, Role.COMMUNITY_LEADER, org.tokyo());
        MockHttpSession viewer = org.signedIn(mvc, Role.VIEWER, null);
        MockHttpSession admin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, null);
        String members = "/manage/" + org.slug() + "/members";

        String leaderPage = body(get(members).session(tokyoLeader));
        String viewerPage = body(get(members).session(viewer));
        String adminPage = body(get(members).session(admin));

        assertThat(leaderPage).doesNotContain("id=\"nav-settings\"", "id=\"nav-insight\"");
        assertThat(viewerPage).doesNotContain("id=\"nav-settings\"").contains("id=\"nav-insight\"");
        assertThat(adminPage).contains("id=\"nav-settings\"", "id=\"nav-insight\"");
        assertThat(status(get("/manage/" + org.slug() + "/insight").session(viewer))).isEqualTo(200);
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }
}
