package io.firstpin.member.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class MemberApiTests {

    @LocalServerPort
    int port;

    ApiClient admin;

    @BeforeEach
    void connect() {
        admin = new ApiClient(port, BOOTSTRAP);
    }

    private ApiClient organization(String slug) {
        return admin.foundOrganization(slug);
    }

    private static String member(String displayName, Map<?, ?>... identities) {
        return json("displayName", displayName, "identities", List.of(identities));
    }

    private static Map<String, String> identity(String kind, String value) {
        return Map.of("kind", kind, "value", value);
    }

    private static ApiClient.Answer registerTaro(ApiClient client, String org) {
        return client.post("/api/v1/organizations/" + org + "/members", member("山田 太郎",
                identity("email", "Taro@Example.com"), identity("connpass", "taro_y"), identity("x", "@TaroYamada")));
    }

    @Test
    void aMemberIsFoundByEmailConnpassNameOrHandleInTheDocumentedShape() {
        ApiClient client = organization("api-find");
        long id = registerTaro(client, "api-find").json().path("id").asLong();

        for (String value : List.of("taro@example.com", "TARO_Y", "@taroyamada")) {
            ApiClient.Answer found = client.get("/api/v1/organizations/api-find/members?identity=" + encode(value));

            assertThat(found.status()).as(value).isEqualTo(200);
            JsonNode member = found.json().get(0);
            assertThat(found.json().size()).isEqualTo(1);
            assertThat(member.path("id").asLong()).isEqualTo(id);
            assertThat(member.path("displayName").asString()).isEqualTo("山田 太郎");
            assertThat(member.path("identities").get(0).path("kind").asString()).isEqualTo("email");
            assertThat(member.path("identities").get(0).path("value").asString()).isEqualTo("Taro@Example.com");
            assertThat(member.path("identities").get(1).path("kind").asString()).isEqualTo("connpass");
            assertThat(member.path("identities").get(2).path("kind").asString()).isEqualTo("x");
            assertThat(member.path("identities").get(2).path("value").asString()).isEqualTo("TaroYamada");
        }
        ApiClient.Answer unknown = client.get("/api/v1/organizations/api-find/members?identity=nobody%40example.com");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().size()).isZero();
    }

    @Test
    void registeringAMemberAnswers201WithTheMember() {
        ApiClient client = organization("api-create");

        ApiClient.Answer created = client.post("/api/v1/organizations/api-create/members", json("displayName", "Hanako",
                "staff", true, "identities", List.of(identity("github", "https://github.com/hanako"),
                        identity("feed", "https://hanako.example.com/feed"))));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("displayName").asString()).isEqualTo("Hanako");
        assertThat(created.json().path("staff").asBoolean()).isTrue();
        assertThat(created.json().path("identities").get(0).path("value").asString()).isEqualTo("hanako");
        long id = created.json().path("id").asLong();
        assertThat(client.get("/api/v1/organizations/api-create/members/" + id).json().path("displayName").asString())
                .isEqualTo("Hanako");
    }

    @Test
    void anIdentityAnotherMemberHasAnswers409() {
        ApiClient client = organization("api-taken");
        registerTaro(client, "api-taken");

        ApiClient.Answer again = client.post("/api/v1/organizations/api-taken/members",
                member("Impostor", identity("email", "TARO@example.com")));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("error")).isEqualTo("conflict");
        assertThat(again.json().path("details").get(0).path("field").asString()).isEqualTo("identities");
        assertThat(again.text("message")).contains("TARO@example.com");
        assertThat(client.get("/api/v1/organizations/api-taken/members").json().size()).isEqualTo(1);
    }

    @Test
    void badInputIsExplainedPerFieldWithoutA500() {
        ApiClient client = organization("api-bad");
        String path = "/api/v1/organizations/api-bad/members";

        ApiClient.Answer noName = client.post(path, json("identities", List.of()));
        ApiClient.Answer badEmail = client.post(path, member("Taro", identity("email", "not-an-email")));
        ApiClient.Answer unknownKind = client.post(path, member("Taro", identity("email", "a@example.com"),
                identity("myspace", "taro")));
        ApiClient.Answer blankValue = client.post(path, member("Taro", identity("x", " ")));
        ApiClient.Answer wrongType = client.post(path, "{\"displayName\": \"Taro\", \"staff\": \"maybe\"}");
        ApiClient.Answer tooBigPage = client.get(path + "?size=5000");
        ApiClient.Answer blankIdentity = client.get(path + "?identity=");

        assertThat(noName.status()).isEqualTo(400);
        assertThat(field(noName)).isEqualTo("displayName");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(field(badEmail)).isEqualTo("identities[0].value");
        assertThat(badEmail.text("message")).contains("email");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(field(unknownKind)).isEqualTo("identities[1].kind");
        assertThat(blankValue.status()).isEqualTo(400);
        assertThat(field(blankValue)).isEqualTo("identities[0].value");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(field(wrongType)).isEqualTo("staff");
        assertThat(tooBigPage.status()).isEqualTo(400);
        assertThat(field(tooBigPage)).isEqualTo("size");
        assertThat(blankIdentity.status()).isEqualTo(400);
        assertThat(client.get(path).json().size()).isZero();
    }

    @Test
    void membersAreSearchedByNameOrIdentityAndPaged() {
        ApiClient client = organization("api-search");
        String path = "/api/v1/organizations/api-search/members";
        registerTaro(client, "api-search");
        for (String name : List.of("Alice", "Bob", "Carol")) {
            assertThat(client.post(path, member(name)).status()).isEqualTo(201);
        }

        ApiClient.Answer byName = client.get(path + "?q=" + encode("太郎"));
        ApiClient.Answer byIdentity = client.get(path + "?q=taro_");
        ApiClient.Answer secondPage = client.get(path + "?page=1&size=3");

        assertThat(byName.json().get(0).path("displayName").asString()).isEqualTo("山田 太郎");
        assertThat(byIdentity.json().size()).isEqualTo(1);
        assertThat(secondPage.status()).isEqualTo(200);
        assertThat(secondPage.json().size()).isEqualTo(1);
    }

    @Test
    void anotherOrganizationsTokenCannotListFindOrCreateMembers() {
        ApiClient a = organization("tenant-a");
        ApiClient b = organization("tenant-b");
        long taroOfB = registerTaro(b, "tenant-b").json().path("id").asLong();

        ApiClient.Answer list = a.get("/api/v1/organizations/tenant-b/members");
        ApiClient.Answer find = a.get("/api/v1/organizations/tenant-b/members?identity=taro%40example.com");
        ApiClient.Answer create = a.post("/api/v1/organizations/tenant-b/members", member("Spy"));
        ApiClient.Answer one = a.get("/api/v1/organizations/tenant-b/members/" + taroOfB);
        ApiClient.Answer throughOwnOrganization = a.get("/api/v1/organizations/tenant-a/members/" + taroOfB);

        assertThat(List.of(list.status(), find.status(), create.status(), one.status(), throughOwnOrganization.status()))
                .containsOnly(404);
        assertThat(a.get("/api/v1/organizations/tenant-a/members?q=taro").json().size()).isZero();
        assertThat(a.get("/api/v1/organizations/tenant-a/members?identity=taro%40example.com").json().size()).isZero();
        assertThat(a.get("/api/v1/organizations/tenant-a/members").json().size()).isZero();
        assertThat(b.get("/api/v1/organizations/tenant-b/members").json().size()).isEqualTo(1);
    }

    @Test
    void theSameIdentityMayBelongToAMemberOfEachOrganization() {
        ApiClient a = organization("shared-a");
        ApiClient b = organization("shared-b");

        assertThat(registerTaro(a, "shared-a").status()).isEqualTo(201);
        assertThat(registerTaro(b, "shared-b").status()).isEqualTo(201);
    }

    @Test
    void callsWithoutATokenAreRefused() {
        organization("no-token");

        assertThat(admin.anonymous().get("/api/v1/organizations/no-token/members").status()).isEqualTo(401);
    }

    @Test
    void theMemberCallsArePublishedInTheApiDocument() {
        ApiClient.Answer document = admin.anonymous().get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        JsonNode paths = document.json().path("paths");
        assertThat(paths.has("/api/v1/organizations/{org}/members")).isTrue();
        assertThat(paths.has("/api/v1/organizations/{org}/members/{id}")).isTrue();
    }

    private static String field(ApiClient.Answer answer) {
        return answer.json().path("details").get(0).path("field").asString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
