package io.firstpin.notification;

import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.firstpin.FirstpinApplication;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.TestDatabase;
import io.firstpin.testing.TestSmtp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Mail resumes within 30 s after the instance sending it dies: an instance (its own process) is killed with SIGKILL
 * while it waits on the SMTP server in the middle of sending, and the other instance on the same PostgreSQL delivers
 * the email. The seconds from the kill to the email's arrival are printed for BENCHMARKS.md.
 */
class MailFailoverTests {

    private static final String TOKEN = "failover-9d2b6f0a4e8c1b5d7f3a9e2c6b0d4f8a1e5c3b7d";

    @TempDir
    Path dataDir;

    @Test
    void theSurvivorDeliversTheEmailTheKilledInstanceWasSendingWithinThirtySeconds() throws Exception {
        Map<String, Object> database = TestDatabase.POSTGRES.newDatabase();
        int smtpPort = TestSmtp.freePort();
        List<Socket> held = new CopyOnWriteArrayList<>();
        ServerSocket silentSmtp = new ServerSocket(smtpPort, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(silentSmtp.accept());
                }
            } catch (IOException closed) {
                // the test closed the server: the survivor is to meet the real one
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();

        int victimPort = TestSmtp.freePort();
        List<String> args = new ArrayList<>(List.of("--firstpin.bootstrap-token=" + TOKEN,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--firstpin.mail.smtp-timeout=5m",
                "--firstpin.data-dir=" + dataDir, "--spring.datasource.hikari.maximum-pool-size=5"));
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        Process victim = startVictim(victimPort, args);
        ConfigurableApplicationContext survivor = null;
        GreenMail smtp = null;
        try {
            ApiClient admin = new ApiClient(victimPort, TOKEN);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> admin.anonymous().get("/actuator/health/readiness").status() == 200);
            ApiClient organization = admin.foundOrganization("failover");
            organization.post("/api/v1/organizations/failover/communities", json("slug", "failover-c", "name", "F"));
            long eventId = organization.post("/api/v1/communities/failover-c/events", json("title", "勉強会",
                    "startsAt", "2030-06-01T19:00:00+09:00", "online", true,
                    "frames", List.of(Map.of("name", "一般枠", "capacity", 10)))).json().path("id").asLong();
            assertThat(admin.anonymous().post("/api/v1/events/" + eventId + "/registrations",
                    json("name", "参加者", "email", "failover@example.com", "frame", "一般枠")).status()).isEqualTo(201);
            // the victim's sender is now waiting for the SMTP server's greeting, holding the email
            await().atMost(Duration.ofMinutes(1)).until(() -> !held.isEmpty());

            List<String> survivorArgs = new ArrayList<>(args);
            survivorArgs.add("--server.port=0");
            survivor = new SpringApplicationBuilder(FirstpinApplication.class).run(survivorArgs.toArray(String[]::new));
            silentSmtp.close();
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            assertThat(smtp.getReceivedMessages()).isEmpty();

            victim.destroyForcibly();
            long killed = System.nanoTime();
            GreenMail server = smtp;
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> server.getReceivedMessages().length > 0);
            double seconds = (System.nanoTime() - killed) / 1e9;
            System.out.printf("MAIL FAILOVER: first email from the survivor %.1f s after the kill%n", seconds);

            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(seconds).isLessThan(30);
        } finally {
            victim.destroyForcibly();
            if (survivor != null) {
                survivor.close();
            }
            if (smtp != null) {
                smtp.stop();
            }
            silentSmtp.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private Process startVictim(int port, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dfirstpin.test.database=postgres", FirstpinApplication.class.getName(), "--server.port=" + port));
        command.addAll(args);
        Path log = Files.createTempFile(dataDir, "victim", ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
