package io.firstpin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTests {

    @LocalServerPort
    int port;

    @Test
    void healthAndInfoAreOpenForLoadBalancersAndMonitoring() {
        ApiClient anonymous = new ApiClient(port, null);

        ApiClient.Answer health = anonymous.get("/actuator/health");
        ApiClient.Answer readiness = anonymous.get("/actuator/health/readiness");
        ApiClient.Answer info = anonymous.get("/actuator/info");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(info.json().path("app").path("name").asString()).isEqualTo("Firstpin");
        assertThat(info.json().propertyNames()).containsExactly("app");
        assertThat(info.body()).doesNotContain(System.getProperty("java.version"))
                .doesNotContain(System.getProperty("java.vendor")).doesNotContain(System.getProperty("os.name"));
    }

    @Test
    void metricsAreForInstanceAdministratorsOnly() {
        ApiClient.Answer metrics = new ApiClient(port, null).get("/actuator/metrics");

        assertThat(metrics.status()).isIn(302, 401, 403);
    }

    @Test
    void theWholeApiIsDescribedAsOpenApi() {
        ApiClient.Answer docs = new ApiClient(port, null).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames())
                .contains("/api/v1/organizations", "/api/v1/organizations/{org}/tokens",
                        "/api/v1/organizations/{org}/communities", "/api/v1/communities/{slug}",
                        "/api/v1/communities/{slug}/events", "/api/v1/events/{id}",
                        "/api/v1/organizations/{org}/members");
    }

    @Test
    void unknownApiPathsAnswerJsonErrorsWithoutInternals() {
        ApiClient.Answer answer = new ApiClient(port, "fp_unknown").get("/api/v1/nothing-here");
        ApiClient.Answer page = new ApiClient(port, null).get("/no-such-page");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.text("error")).isEqualTo("unauthorized");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("trace");
    }
}
