package io.firstpin.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The image, the compose file and the Helm chart cannot be built on the machines the suite runs on (no Docker, no
 * Helm), so the suite holds them to the application instead: the port the image exposes and the chart targets is the
 * one the application listens on, the probes ask the health groups the application has, the load balancer is not
 * sticky, and every setting the deploy files give is documented in docs/configuration.md. That the probe paths answer
 * as promised is HealthAndMetricsTests' part.
 */
class DeployFilesTests {

    private static final Path HELM = Path.of("deploy/helm/firstpin");
    private static final String READINESS = "/actuator/health/readiness";
    private static final String LIVENESS = "/actuator/health/liveness";

    @Test
    void theImageRunsAsNonRootExposesTheApplicationsPortAndChecksReadiness() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));

        assertThat(single(dockerfile, "(?m)^EXPOSE (\\d+)$")).isEqualTo(String.valueOf(applicationPort()));
        assertThat(single(dockerfile, "(?m)^USER (\\S+)$")).isNotIn("root", "0");
        assertThat(single(dockerfile, "(?m)CMD curl -fsS http://127\\.0\\.0\\.1:(\\d+)/")).isEqualTo(
                String.valueOf(applicationPort()));
        assertThat(dockerfile).contains("http://127.0.0.1:" + applicationPort() + READINESS)
                .contains("extract --layers --launcher").contains("-XX:MaxRAMPercentage");
        assertThat(healthGroups()).contains("readiness", "liveness");
    }

    @Test
    void theChartProbesLivenessAndReadinessOnTheApplicationsPortAndKeepsOneReplicaThroughDisruptions()
            throws IOException {
        String deployment = Files.readString(HELM.resolve("templates/deployment.yaml"));

        assertThat(single(deployment, "containerPort: (\\d+)")).isEqualTo(String.valueOf(applicationPort()));
        assertThat(block(deployment, "livenessProbe")).contains("path: " + LIVENESS);
        assertThat(block(deployment, "readinessProbe")).contains("path: " + READINESS);
        assertThat(block(deployment, "startupProbe")).contains("path: " + LIVENESS);
        assertThat(Files.readString(HELM.resolve("templates/pdb.yaml"))).contains("kind: PodDisruptionBudget");
        assertThat(Files.readString(HELM.resolve("templates/secret.yaml")))
                .contains("FIRSTPIN_BOOTSTRAP_TOKEN", "SPRING_MAIL_PASSWORD", "SPRING_DATASOURCE_PASSWORD");
        assertThat(Files.readString(HELM.resolve("templates/service.yaml"))).contains("sessionAffinity: None");
    }

    @Test
    void everySettingTheDeployFilesGiveIsDocumented() throws IOException {
        String documented = Files.readString(Path.of("docs/configuration.md"));
        Set<String> given = new TreeSet<>();
        try (Stream<Path> templates = Files.list(HELM.resolve("templates"))) {
            for (Path template : templates.toList()) {
                given.addAll(all(Files.readString(template), "(?m)^\\s*- name: ([A-Z][A-Z0-9_]+)$"));
                given.addAll(all(Files.readString(template), "(?m)^\\s+([A-Z][A-Z0-9_]+): "));
            }
        }
        given.addAll(composeEnvironment().keySet());

        assertThat(given).contains("SPRING_DATASOURCE_URL", "FIRSTPIN_BOOTSTRAP_TOKEN", "SPRING_MAIL_HOST");
        assertThat(given).allSatisfy(name -> assertThat(documented).as(name).contains("`" + name));
    }

    @Test
    void theComposeLoadBalancerSpreadsRequestsWithoutStickinessToReadyInstancesOnly() throws IOException {
        String haproxy = Files.readString(Path.of("deploy/compose/haproxy.cfg"));

        assertThat(haproxy).contains("balance roundrobin", "option httpchk GET " + READINESS);
        assertThat(haproxy.lines().filter(line -> !line.strip().startsWith("#")))
                .noneMatch(line -> line.contains("cookie") || line.contains("stick") || line.contains("balance source"));
        assertThat(all(haproxy, "server \\S+ \\S+:(\\d+) check")).containsOnly(String.valueOf(applicationPort()));
    }

    /** Boot's default unless application.yml says otherwise. */
    @SuppressWarnings("unchecked")
    private static int applicationPort() throws IOException {
        Map<String, Object> server = (Map<String, Object>) applicationYaml().get("server");
        Object port = server == null ? null : server.get("port");
        return port == null ? 8080 : Integer.parseInt(port.toString());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> healthGroups() throws IOException {
        Map<String, Object> management = (Map<String, Object>) applicationYaml().get("management");
        Map<String, Object> health = (Map<String, Object>) ((Map<String, Object>) management.get("endpoint"))
                .get("health");
        return ((Map<String, Object>) health.get("group")).keySet();
    }

    private static Map<String, Object> applicationYaml() throws IOException {
        return new Yaml().load(Files.readString(Path.of("src/main/resources/application.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeEnvironment() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        return (Map<String, Object>) ((Map<String, Object>) services.get("app1")).get("environment");
    }

    private static String single(String text, String regex) {
        List<String> found = all(text, regex);
        assertThat(found).as(regex).hasSize(1);
        return found.get(0);
    }

    private static List<String> all(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    /** The lines of a YAML block, from its key to the next key of the same indentation. */
    private static String block(String yaml, String key) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals(key + ":")) {
                int indent = line.indexOf(key);
                StringBuilder block = new StringBuilder();
                for (int j = i + 1; j < lines.size() && lines.get(j).indexOf(lines.get(j).strip()) > indent; j++) {
                    block.append(lines.get(j)).append('\n');
                }
                return block.toString();
            }
        }
        throw new AssertionError("no " + key + " in the chart");
    }
}
