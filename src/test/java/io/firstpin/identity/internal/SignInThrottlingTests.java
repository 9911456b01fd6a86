package io.firstpin.identity.internal;

import static io.firstpin.platform.db.Tables.NOTIFICATION_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.FirstpinApplication;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestDatabase;
import java.io.IOException;
import java.net.CookieManager;
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
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Guessing passwords against two application instances on one database: the failures count together, whichever
 * instance takes them, and the account's owner is emailed once when the lock happens.
 */
@DatabaseTest
class SignInThrottlingTests {

    private static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        Map<String, Object> database = TestDatabase.current().newDatabase();
        for (int i = 0; i < 2; i++) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
                    "--db-scheduler.scheduler-name=sign-in-" + i, "--firstpin.sign-in.failures-per-account=5",
                    "--firstpin.sign-in.failures-per-address=12", "--firstpin.sign-in.lockout=1h"));
            database.forEach((key, value) -> args.add("--" + key + "=" + value));
            INSTANCES.add(new SpringApplicationBuilder(FirstpinApplication.class).run(args.toArray(String[]::new)));
        }
    }

    @AfterAll
    static void stopInstances() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
        INSTANCES.clear();
    }

    @Test
    void guessesSpreadOverTwoInstancesLockTheAccountAndItsOwnerIsToldOnce() throws Exception {
        long accountId = account("victim@throttle.test");

        List<String> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            answers.add(signIn(attempt % 2, "victim@throttle.test", "wrong guess number " + attempt));
        }
        String rightPasswordOnFirst = signIn(0, "Victim@Throttle.test", PASSWORD);
        String rightPasswordOnSecond = signIn(1, "victim@throttle.test", PASSWORD);
        account("bystander@throttle.test");
        String otherAccount = signIn(1, "bystander@throttle.test", PASSWORD);

        assertThat(answers.subList(0, 5)).allMatch(location -> location.endsWith("/login?error"));
        assertThat(answers.subList(5, 8)).allMatch(location -> location.endsWith("/login?locked"));
        assertThat(rightPasswordOnFirst).as("locked: the right password is refused too").endsWith("/login?locked");
        assertThat(rightPasswordOnSecond).endsWith("/login?locked");
        assertThat(otherAccount).as("other accounts are not locked").endsWith("/manage");
        assertThat(lockEmails(accountId)).as("one email per lock").isEqualTo(1);
    }

    @Test
    void oneAddressTryingManyAccountsIsHeldBack() throws Exception {
        account("spray-target@throttle.test");
        List<String> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 14; attempt++) {
            answers.add(signIn("127.0.0.2", attempt % 2, "spray-" + attempt + "@throttle.test",
                    "wrong guess number " + attempt));
        }
        String rightPassword = signIn("127.0.0.2", 0, "spray-target@throttle.test", PASSWORD);

        assertThat(answers).last().satisfies(location -> assertThat(location).endsWith("/login?locked"));
        assertThat(rightPassword).as("from this address nothing gets in for now").endsWith("/login?locked");
    }

    private static long account(String email) {
        ConfigurableApplicationContext first = INSTANCES.get(0);
        Organization organization = first.getBean(Organizations.class)
                .found(new Slug("throttle-" + System.nanoTime()), "Throttle");
        return first.getBean(StaffAccounts.class).openWithRole(email, "Staff", PASSWORD, organization.id(),
                Role.VIEWER).id();
    }

    private static int lockEmails(long accountId) {
        return INSTANCES.get(1).getBean(DSLContext.class).fetchCount(NOTIFICATION_OUTBOX,
                NOTIFICATION_OUTBOX.DEDUP_KEY.like("sign-in-locked:" + accountId + ":%"));
    }

    /** The login form as a browser sends it, with the cookie and CSRF token of the page; answers where it redirects. */
    private static String signIn(int instance, String email, String password)
            throws IOException, InterruptedException {
        return signIn("127.0.0.1", instance, email, password);
    }

    private static String signIn(String host, int instance, String email, String password)
            throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) INSTANCES.get(instance)).getWebServer().getPort();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.headers().firstValue("Location").orElse("status " + answer.statusCode());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
