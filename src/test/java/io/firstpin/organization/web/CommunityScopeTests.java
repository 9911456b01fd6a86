package io.firstpin.organization.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.platform.db.Tables.API_TOKEN;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.identity.ApiTokens;
import io.firstpin.identity.Role;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.ScopedOrganization;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Roles and tokens that hold in one community: the Tokyo leader reaches Tokyo and its branches, and Osaka's events,
 * members and segments answer 404 as another organization's would; acting on the whole organization answers 403.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
@AutoConfigureMockMvc
class CommunityScopeTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    DSLContext db;

    ApiClient instanceAdmin;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
    }

    private ApiClient client(String token) {
        return instanceAdmin.withToken(token);
    }

    @Test
    void aTokyoLeadersTokenGets404OnOsakasEventMemberAndSegmentCalls() {
        ScopedOrganization org = ScopedOrganization.found(context, "scope-api-osaka");
        ApiClient tokyoLeader = client(org.token(Role.COMMUNITY_LEADER, org.tokyo()));
        String members = "/api/v1/organizations/" + org.slug() + "/members";
        String segments = "/api/v1/organizations/" + org.slug() + "/segments";

        assertThat(tokyoLeader.get("/api/v1/events/" + org.osakaEvent()).status()).isEqualTo(404);
        assertThat(tokyoLeader.get("/api/v1/events/" + org.osakaEvent() + "/registrations").status()).isEqualTo(404);
        assertThat(tokyoLeader.get("/api/v1/events/" + org.osakaEvent() + "/outputs").status()).isEqualTo(404);
        assertThat(tokyoLeader.get("/api/v1/events/" + org.osakaEvent() + "/survey-summary").status()).isEqualTo(404);
        assertThat(tokyoLeader.post("/api/v1/events/" + org.osakaEvent() + "/checkins", json("registrationId", 1))
                .status()).isEqualTo(404);
        assertThat(tokyoLeader.post("/api/v1/communities/" + org.osaka().slug() + "/events",
                json("title", "Sneaky", "startsAt", "2030-01-01T19:00:00+09:00")).status()).isEqualTo(404);
        assertThat(tokyoLeader.get("/api/v1/communities/" + org.osaka().slug()).status()).isEqualTo(404);
        assertThat(tokyoLeader.get("/api/v1/communities/" + org.osaka().slug() + "/leaders").status()).isEqualTo(404);
        assertThat(tokyoLeader.get(members + "/" + org.osakaMember()).status()).isEqualTo(404);
        assertThat(tokyoLeader.get(members + "/" + org.osakaMember() + "/audience").status()).isEqualTo(404);
        assertThat(tokyoLeader.get("/api/v1/members/" + org.osakaMember() + "/feeds").status()).isEqualTo(404);
        assertThat(tokyoLeader.get(segments + "/" + org.osakaSegment().id()).status()).isEqualTo(404);
        assertThat(tokyoLeader.get(segments + "/" + org.osakaSegment().id() + "/members").status()).isEqualTo(404);
        assertThat(tokyoLeader.post(segments, json("name", "Osaka again", "community", org.osaka().slug(),
                "minEvents", 1, "withinMonths", 12)).status()).isEqualTo(400);
        ApiClient.Answer byEmail = tokyoLeader.get(members + "?identity="
                + URLEncoder.encode("scope-api-osaka-osaka@example.com", StandardCharsets.UTF_8));
        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(byEmail.json().size()).isZero();
    }

    @Test
    void aTokyoLeadersTokenWorksInTokyoAndItsBranchesAndListsOnlyThem() {
        ScopedOrganization org = ScopedOrganization.found(context, "scope-api-tokyo");
        ApiClient tokyoLeader = client(org.token(Role.COMMUNITY_LEADER, org.tokyo()));
        String members = "/api/v1/organizations/" + org.slug() + "/members";

        assertThat(tokyoLeader.get("/api/v1/events/" + org.tokyoEvent()).status()).isEqualTo(200);
        assertThat(tokyoLeader.get("/api/v1/events/" + org.shibuyaEvent() + "/registrations").status()).isEqualTo(200);
        assertThat(tokyoLeader.get(members + "/" + org.tokyoMember()).status()).isEqualTo(200);
        assertThat(tokyoLeader.get(members + "/" + org.shibuyaMember()).status()).isEqualTo(200);
        ApiClient.Answer planned = tokyoLeader.post("/api/v1/communities/" + org.shibuya().slug() + "/events",
                json("title", "渋谷の勉強会", "startsAt", "2030-01-01T19:00:00+09:00", "online", true));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        JsonNode listed = tokyoLeader.get(members).json();
        assertThat(listed.findValuesAsString("displayName")).containsExactlyInAnyOrder("Shibuya Hanako", "Tokyo Taro");
        JsonNode segments = tokyoLeader.get("/api/v1/organizations/" + org.slug() + "/segments").json();
        assertThat(segments.findValuesAsString("name")).containsExactly("Tokyo regulars");
        assertThat(tokyoLeader.get("/api/v1/organizations/" + org.slug() + "/segments/" + org.tokyoSegment().id()
                + "/members").status()).isEqualTo(200);
    }

    @Test
    void actingOnTheWholeOrganizationIsRefusedWith403ForARoleInOneCommunity() {
        ScopedOrganization org = ScopedOrganization.found(context, "scope-api-org");
        ApiClient tokyoAdmin = client(org.token(Role.ORGANIZATION_ADMIN, org.tokyo()));
        String base = "/api/v1/organizations/" + org.slug();

        assertThat(tokyoAdmin.post(base + "/communities", json("slug", "scope-api-org-new", "name", "New")).status())
                .isEqualTo(403);
        assertThat(tokyoAdmin.post(base + "/members", json("displayName", "Someone")).status()).isEqualTo(403);
        assertThat(tokyoAdmin.post(base + "/tokens", json("name", "wider")).status()).isEqualTo(403);
        assertThat(tokyoAdmin.post(base + "/feeds/poll", "{}").status()).isEqualTo(403);
        assertThat(tokyoAdmin.get(base + "/merge-suggestions").status()).isEqualTo(403);
        assertThat(tokyoAdmin.get("/api/v1/communities/" + org.tokyo().slug() + "/kpis").status()).isEqualTo(200);
        assertThat(tokyoAdmin.get("/api/v1/communities/" + org.osaka().slug() + "/kpis").status()).isEqualTo(404);
        assertThat(tokyoAdmin.postMultipart("/api/v1/events/" + org.osakaEvent() + "/imports",
                Map.of("format", "connpass"), "file", "osaka.csv", "a,b\n".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(404);
    }

    @Test
    void anotherOrganizationStaysNotFoundForATokenOfOneCommunity() {
        ScopedOrganization mine = ScopedOrganization.found(context, "scope-api-mine");
        ScopedOrganization theirs = ScopedOrganization.found(context, "scope-api-theirs");
        ApiClient tokyoLeader = client(mine.token(Role.COMMUNITY_LEADER, mine.tokyo()));

        assertThat(tokyoLeader.get("/api/v1/events/" + theirs.tokyoEvent()).status()).isEqualTo(404);
        assertThat(tokyoLeader.get("/api/v1/organizations/" + theirs.slug() + "/members").status()).isEqualTo(404);
        assertThat(tokyoLeader.get("/api/v1/communities/" + theirs.tokyo().slug() + "/kpis").status()).isEqualTo(404);
    }

    @Test
    void aReadOnlyTokenReadsButEveryWriteIsRefusedWith403() {
        ScopedOrganization org = ScopedOrganization.found(context, "scope-api-read");
        ApiClient reader = client(org.token(Role.VIEWER, null));

        assertThat(reader.get("/api/v1/events/" + org.osakaEvent() + "/registrations").status()).isEqualTo(200);
        assertThat(reader.get("/api/v1/organizations/" + org.slug() + "/members").status()).isEqualTo(200);
        ApiClient.Answer create = reader.post("/api/v1/communities/" + org.tokyo().slug() + "/events",
                json("title", "x", "startsAt", "2030-01-01T19:00:00+09:00"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.text("error")).isEqualTo("forbidden");
        long registration = reader.get("/api/v1/events/" + org.tokyoEvent() + "/registrations").json()
                .get(0).path("id").asLong();
        assertThat(reader.delete("/api/v1/registrations/" + registration).status()).isEqualTo(403);
        assertThat(reader.patch("/api/v1/frames/1", json("capacity", 10)).status()).isEqualTo(403);
        assertThat(reader.put("/api/v1/organizations/" + org.slug() + "/members/" + org.tokyoMember() + "/audience",
                "{}").status()).isEqualTo(403);
    }

    @Test
    void aRevokedOrExpiredTokenIsRefusedWith401() {
        ScopedOrganization org = ScopedOrganization.found(context, "scope-api-gone");
        ApiTokens.IssuedToken revoked = tokens.issueForOrganization(org.organization().id(), "revoked");
        ApiTokens.IssuedToken expired = tokens.issueForOrganization(org.organization().id(), "expired");
        String path = "/api/v1/organizations/" + org.slug() + "/members";
        assertThat(client(revoked.token()).get(path).status()).isEqualTo(200);

        tokens.revoke(org.organization().id(), revoked.id());
        db.update(API_TOKEN).set(API_TOKEN.EXPIRES_AT, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .where(API_TOKEN.ID.eq(expired.id())).execute();

        for (ApiTokens.IssuedToken gone : new ApiTokens.IssuedToken[] {revoked, expired}) {
            ApiClient.Answer answer = client(gone.token()).get(path);
            assertThat(answer.status()).as(gone.name()).isEqualTo(401);
            assertThat(answer.text("error")).isEqualTo("unauthorized");
        }
    }

    @Test
    void aTokyoLeaderSignedInGets404OnOsakasPagesAndSeesOnlyTokyosLists() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "scope-pages");
        MockHttpSession tokyoLeader = org.signedIn(mvc, Role.COMMUNITY_LEADER, org.tokyo());
        String manage = "/manage/" + org.slug();

        for (String osaka : new String[] {"/events/" + org.osakaEvent(), "/events/" + org.osakaEvent() + "/registrations",
                "/events/" + org.osakaEvent() + "/registrations.csv", "/events/" + org.osakaEvent() + "/checkin",
                "/events/" + org.osakaEvent() + "/survey", "/events/" + org.osakaEvent() + "/outputs",
                "/members/" + org.osakaMember(), "/members/" + org.osakaMember() + "/edit",
                "/segments/" + org.osakaSegment().id(), "/segments/" + org.osakaSegment().id() + "/members.csv",
                "/communities/" + org.osaka().slug() + "/events", "/communities/" + org.osaka().slug() + "/dashboard",
                "/communities/" + org.osaka().slug() + "/leaders"}) {
            assertThat(page(tokyoLeader, manage + osaka).getStatus()).as(osaka).isEqualTo(404);
        }
        assertThat(page(tokyoLeader, manage + "/settings").getStatus()).isEqualTo(403);
        assertThat(page(tokyoLeader, manage + "/events/" + org.shibuyaEvent()).getStatus()).isEqualTo(200);
        String memberList = page(tokyoLeader, manage + "/members").getContentAsString();
        assertThat(memberList).contains("Tokyo Taro", "Shibuya Hanako").doesNotContain("Osaka Jiro");
        String eventList = page(tokyoLeader, manage + "/events").getContentAsString();
        assertThat(eventList).contains("Tokyo 2026-01-15", "Shibuya 2026-01-20").doesNotContain("Osaka");
        String segmentList = page(tokyoLeader, manage + "/segments").getContentAsString();
        assertThat(segmentList).contains("Tokyo regulars").doesNotContain("Osaka regulars");
    }

    @Test
    void theSameCallsAnswerForARoleInTheWholeOrganization() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "scope-whole");
        ApiClient leader = client(org.token(Role.COMMUNITY_LEADER, null));
        MockHttpSession session = org.signedIn(mvc, Role.COMMUNITY_LEADER, null);

        assertThat(leader.get("/api/v1/events/" + org.osakaEvent()).status()).isEqualTo(200);
        assertThat(leader.get("/api/v1/organizations/" + org.slug() + "/members/" + org.osakaMember()).status())
                .isEqualTo(200);
        assertThat(page(session, "/manage/" + org.slug() + "/members/" + org.osakaMember()).getStatus()).isEqualTo(200);
        assertThat(page(session, "/manage/" + org.slug() + "/members").getContentAsString()).contains("Osaka Jiro");
    }

    private MockHttpServletResponse page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session).header("Accept-Language", "en")).andReturn().getResponse();
    }
}
