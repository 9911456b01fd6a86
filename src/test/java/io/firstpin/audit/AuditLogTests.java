package io.firstpin.audit;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class AuditLogTests {

    @LocalServerPort
    int port;

    ApiClient instanceAdmin;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
    }

    @Test
    void issuingAndRevokingATokenAreLoggedWithWhoDidItAndFromWhere() {
        ApiClient admin = instanceAdmin.foundOrganization("audit-tokens");
        ApiClient.Answer issued = admin.post("/api/v1/organizations/audit-tokens/tokens", json("name", "ci"));
        assertThat(issued.status()).isEqualTo(201);

        ApiClient.Answer log = admin.get("/api/v1/audit?organization=audit-tokens&action=token.issued");

        assertThat(log.status()).isEqualTo(200);
        JsonNode newest = log.json().get(0);
        assertThat(newest.path("target").asString()).isEqualTo("token " + issued.json().path("id").asLong());
        assertThat(newest.path("actor").asString()).startsWith("token ");
        assertThat(newest.path("clientAddress").asString()).isNotBlank();
        assertThat(log.json().toString()).doesNotContain(issued.text("token"));
    }

    @Test
    void aRevokedTokenIsListedAsRevokedAnswers401AndItsRevocationIsLogged() {
        ApiClient admin = instanceAdmin.foundOrganization("audit-revoke");
        ApiClient.Answer issued = admin.post("/api/v1/organizations/audit-revoke/tokens", json("name", "old"));
        long id = issued.json().path("id").asLong();

        assertThat(admin.delete("/api/v1/organizations/audit-revoke/tokens/" + id).status()).isEqualTo(204);

        assertThat(admin.withToken(issued.text("token")).get("/api/v1/audit?organization=audit-revoke").status())
                .isEqualTo(401);
        JsonNode listed = admin.get("/api/v1/organizations/audit-revoke/tokens").json();
        assertThat(listed.findValuesAsString("name")).contains("old", "tests");
        assertThat(instanceAdmin.get("/api/v1/tokens").json().findValuesAsString("name")).contains("bootstrap");
        JsonNode log = admin.get("/api/v1/audit?organization=audit-revoke&action=token.revoked").json();
        assertThat(log.get(0).path("target").asString()).isEqualTo("token " + id);
    }

    @Test
    void anotherOrganizationsLogIsNotFound() {
        ApiClient mine = instanceAdmin.foundOrganization("audit-mine");
        instanceAdmin.foundOrganization("audit-theirs");

        assertThat(mine.get("/api/v1/audit?organization=audit-theirs").status()).isEqualTo(404);
        assertThat(mine.get("/api/v1/audit?organization=audit-mine").status()).isEqualTo(200);
    }

    @Test
    void theLogOffersNoWayToChangeOrDeleteOneEntry() {
        assertThat(Arrays.stream(AuditLog.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName))
                .containsExactlyInAnyOrder("page", "forgetOlderThan");
    }
}
