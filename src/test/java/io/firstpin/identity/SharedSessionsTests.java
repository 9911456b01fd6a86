package io.firstpin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.firstpin.FirstpinApplication;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application instances on one database, as behind a load balancer without sticky sessions: a browser's session
 * (sign-in and CSRF token) is the database's, so whichever instance takes a request knows it, also after the instance
 * that signed it in is gone.
 */
@DatabaseTest
class SharedSessionsTests {

    private static final String EMAIL = "admin@sessions.example";
    private static final String PASSWORD = "a-long-admin-password-for-sessions";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("^SESSION=([^;]*)");

    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static Map<String, Object> database;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        database = TestDatabase.current().newDatabase();
        startInstance();
        startInstance();
    }

    private static int startInstance() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--firstpin.admin-email=" + EMAIL,
                "--firstpin.admin-password=" + PASSWORD, "--spring.datasource.hikari.maximum-pool-size=5"));
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        instances.add(new SpringApplicationBuilder(FirstpinApplication.class).run(args.toArray(String[]::new)));
        return instances.size() - 1;
    }

    @AfterAll
    static void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
        instances.clear();
    }

    @Test
    void aSignInOnOneInstanceHoldsOnTheOtherAfterTheFirstIsGoneAndCsrfTokensAreSharedToo() throws Exception {
        int doomed = startInstance();
        Browser browser = new Browser();
        String loginForm = browser.get(0, "/login").body();
        String tokenFromFirst = csrfIn(loginForm);

        // the form one instance served is taken by another: its CSRF token is known there
        HttpResponse<String> signedIn = browser.postForm(doomed, "/login",
                Map.of("username", EMAIL, "password", PASSWORD, "_csrf", tokenFromFirst));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/manage");

        instances.remove(doomed).close();

        HttpResponse<String> manage = browser.get(0, "/manage");
        assertThat(manage.statusCode()).as("still signed in on the surviving instance").isEqualTo(200);
        String tokenAfterSignIn = csrfIn(manage.body());

        assertThat(browser.postForm(0, "/logout", Map.of("_csrf", tokenFromFirst)).statusCode())
                .as("the token from before the sign-in was replaced").isEqualTo(403);
        HttpResponse<String> signedOut = browser.postForm(1, "/logout", Map.of("_csrf", tokenAfterSignIn));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(browser.get(0, "/manage").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void anExpiredSessionSignsNobodyInAndTheCleanupTaskDeletesIt() throws Exception {
        Browser browser = signedInBrowser();
        JdbcTemplate jdbc = jdbc();
        idleForTwoHours(jdbc);

        assertThat(browser.get(1, "/manage").headers().firstValue("Location").orElseThrow()).endsWith("/login");

        idleForTwoHours(jdbc);
        instances.get(0).getBean("sessionCleanupTask", RecurringTask.class).execute(null, null);
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isZero();
    }

    @Test
    void aSessionAnotherVersionWroteThatCannotBeReadAsksForASignInInsteadOfFailing() throws Exception {
        Browser browser = signedInBrowser();
        jdbc().update("update spring_session_attributes set attribute_bytes = ? where attribute_name = ?",
                new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 's', 'r', 0, 1, 'X'}, "SPRING_SECURITY_CONTEXT");

        HttpResponse<String> manage = browser.get(1, "/manage");

        assertThat(manage.statusCode()).isEqualTo(302);
        assertThat(manage.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private Browser signedInBrowser() throws Exception {
        Browser browser = new Browser();
        String token = csrfIn(browser.get(0, "/login").body());
        assertThat(browser.postForm(0, "/login", Map.of("username", EMAIL, "password", PASSWORD, "_csrf", token))
                .headers().firstValue("Location").orElseThrow()).endsWith("/manage");
        assertThat(browser.get(1, "/manage").statusCode()).isEqualTo(200);
        return browser;
    }

    /** Every session last used two hours ago: longer than the 30 minutes a session lasts unused. */
    private static void idleForTwoHours(JdbcTemplate jdbc) {
        long then = System.currentTimeMillis() - 2 * 3600 * 1000;
        jdbc.update("update spring_session set last_access_time = ?, expiry_time = ?", then, then + 30 * 60 * 1000);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(instances.get(0).getBean(DataSource.class));
    }

    private static String csrfIn(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
        return matcher.group(1);
    }

    /** Keeps the session cookie the way a browser does, and sends each request to the instance the test names. */
    private final class Browser {

        private final HttpClient http = HttpClient.newHttpClient();
        private String session;

        HttpResponse<String> get(int instance, String path) throws IOException, InterruptedException {
            return send(request(instance, path).GET());
        }

        HttpResponse<String> postForm(int instance, String path, Map<String, String> fields)
                throws IOException, InterruptedException {
            String body = String.join("&", fields.entrySet().stream()
                    .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).toList());
            return send(request(instance, path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpRequest.Builder request(int instance, String path) {
            int port = ((WebServerApplicationContext) instances.get(instance)).getWebServer().getPort();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (session != null) {
                request.header("Cookie", "SESSION=" + session);
            }
            return request;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(cookie -> {
                Matcher matcher = SESSION_COOKIE.matcher(cookie);
                if (matcher.find()) {
                    session = matcher.group(1).isEmpty() ? null : matcher.group(1);
                }
            });
            return response;
        }
    }
}
