package io.firstpin.organization.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class TenancyApiTests {

    @LocalServerPort
    int port;

    ApiClient admin;

    @BeforeEach
    void connect() {
        admin = new ApiClient(port, BOOTSTRAP);
    }

    private String organizationWithToken(String slug) {
        return admin.foundOrganization(slug).token();
    }

    @Test
    void instanceAdminCreatesAnOrganizationAndItsSlugCannotBeTakenTwice() {
        ApiClient.Answer created = admin.post("/api/v1/organizations", json("slug", "acme", "name", "ACME Cloud"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("slug")).isEqualTo("acme");
        assertThat(created.text("name")).isEqualTo("ACME Cloud");

        ApiClient.Answer again = admin.post("/api/v1/organizations", json("slug", "acme", "name", "Other"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("error")).isEqualTo("conflict");
        assertThat(again.json().path("details").get(0).path("field").asString()).isEqualTo("slug");
    }

    @Test
    void callsWithoutAValidTokenAreRefusedWith401() {
        ApiClient.Answer none = admin.anonymous().post("/api/v1/organizations", json("slug", "nope", "name", "No"));
        ApiClient.Answer wrong = admin.withToken("fp_not-a-real-token").get("/api/v1/communities/anything");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.text("error")).isEqualTo("unauthorized");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text("message")).contains("token");
    }

    @Test
    void anOrganizationTokenMayNotCreateOrganizations() {
        String token = organizationWithToken("tenancy-not-a-founder");

        ApiClient.Answer answer = admin.withToken(token).post("/api/v1/organizations", json("slug", "sneaky", "name", "S"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.text("error")).isEqualTo("forbidden");
    }

    @Test
    void anOrganizationAdminIssuesTokensForItsOwnOrganizationOnly() {
        String tokenA = organizationWithToken("issuer-a");
        organizationWithToken("issuer-b");
        ApiClient a = admin.withToken(tokenA);

        ApiClient.Answer own = a.post("/api/v1/organizations/issuer-a/tokens", json("name", "second"));
        ApiClient.Answer foreign = a.post("/api/v1/organizations/issuer-b/tokens", json("name", "steal"));
        ApiClient.Answer missing = a.post("/api/v1/organizations/does-not-exist/tokens", json("name", "x"));

        assertThat(own.status()).isEqualTo(201);
        assertThat(own.text("token")).startsWith("fp_").isNotEqualTo(tokenA);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void communitySlugsAreUniqueAcrossTheInstance() {
        ApiClient a = admin.withToken(organizationWithToken("slug-a"));
        ApiClient b = admin.withToken(organizationWithToken("slug-b"));

        assertThat(a.post("/api/v1/organizations/slug-a/communities", json("slug", "shared", "name", "A")).status())
                .isEqualTo(201);
        ApiClient.Answer clash = b.post("/api/v1/organizations/slug-b/communities", json("slug", "shared", "name", "B"));

        assertThat(clash.status()).isEqualTo(409);
    }

    @Test
    void aBranchNamesItsParentBySlug() {
        ApiClient a = admin.withToken(organizationWithToken("branches"));
        a.post("/api/v1/organizations/branches/communities", json("slug", "jaws-ug", "name", "JAWS-UG",
                "hashtag", "#jawsug", "interestAxis", "AWS を使う人のためのコミュニティ"));

        ApiClient.Answer branch = a.post("/api/v1/organizations/branches/communities",
                json("slug", "jaws-ug-osaka", "name", "JAWS-UG 大阪", "parent", "jaws-ug", "timeZone", "Asia/Tokyo"));
        ApiClient.Answer parent = a.get("/api/v1/communities/jaws-ug");

        assertThat(branch.status()).isEqualTo(201);
        assertThat(branch.text("parent")).isEqualTo("jaws-ug");
        assertThat(parent.status()).isEqualTo(200);
        assertThat(parent.text("hashtag")).isEqualTo("#jawsug");
        assertThat(parent.json().path("branches").get(0).asString()).isEqualTo("jaws-ug-osaka");
    }

    @Test
    void badInputIsExplainedPerFieldWithoutA500() {
        ApiClient a = admin.withToken(organizationWithToken("bad-input"));

        ApiClient.Answer badSlug = a.post("/api/v1/organizations/bad-input/communities", json("slug", "Not A Slug!", "name", "x"));
        ApiClient.Answer missingName = a.post("/api/v1/organizations/bad-input/communities", json("slug", "ok-slug"));
        ApiClient.Answer badZone = a.post("/api/v1/organizations/bad-input/communities",
                json("slug", "zone", "name", "Z", "timeZone", "Mars/Olympus"));
        ApiClient.Answer unknownParent = a.post("/api/v1/organizations/bad-input/communities",
                json("slug", "orphan", "name", "O", "parent", "nowhere"));
        ApiClient.Answer notJson = a.post("/api/v1/organizations/bad-input/communities", "{slug: ");
        ApiClient.Answer wrongType = a.post("/api/v1/organizations/bad-input/communities", "{\"slug\": [1,2], \"name\": \"x\"}");

        assertThat(badSlug.status()).isEqualTo(400);
        assertThat(badSlug.json().path("details").get(0).path("field").asString()).isEqualTo("slug");
        assertThat(missingName.status()).isEqualTo(400);
        assertThat(missingName.json().path("details").get(0).path("field").asString()).isEqualTo("name");
        assertThat(badZone.json().path("details").get(0).path("field").asString()).isEqualTo("timeZone");
        assertThat(unknownParent.json().path("details").get(0).path("field").asString()).isEqualTo("parent");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.text("error")).isEqualTo("malformed_request");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("details").get(0).path("field").asString()).isEqualTo("slug");
    }
}
