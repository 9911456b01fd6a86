package io.firstpin.mypage.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.follow.Follows;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.platform.db.DefaultSchema;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import io.firstpin.testing.StaffLogin;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The acceptance of "members own their data", in a real browser: a member who registered in two communities signs in
 * with the code emailed to them, sees both registrations, adds their blog feed, follows a community, downloads their
 * data and erases themselves; afterwards their address is nowhere (no page, CSV, API answer, export or table), and
 * both communities' numbers are what they were.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms",
                "firstpin.bootstrap-token=" + BOOTSTRAP})
@AutoConfigureMockMvc
class MemberOwnsTheirDataBrowserTests {

    private static final String STAFF_PASSWORD = "violet otter climbs 41 ladders";
    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
    private static final Pattern ERASURE_LINK = Pattern.compile("http://firstpin\\.test(/my/[^\\s]+/sign-in/erase\\?token=\\S+)");

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    Follows follows;
    @Autowired
    DSLContext db;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    MockMvc mvc;

    private String tag;
    private ApiClient admin;
    private String email;
    private String name;
    private String feed;
    private List<Community> both;
    private List<Long> eventIds;

    private void hanakoRegisteredInTwoCommunities() {
        tag = "own" + System.nanoTime();
        admin = new ApiClient(port, BOOTSTRAP).foundOrganization(tag);
        email = "hanako-" + tag + "@example.com";
        name = "花子" + tag;
        feed = "https://hanako-" + tag + ".example.com/feed";
        both = new ArrayList<>();
        eventIds = new ArrayList<>();
        for (String city : List.of("tokyo", "osaka")) {
            String slug = tag + "-" + city;
            admin.post("/api/v1/organizations/" + tag + "/communities", json("slug", slug, "name", "JAWS-UG " + city));
            Community community = communities.findBySlug(slug).orElseThrow();
            both.add(community);
            long event = events.plan(community, new EventDetails("勉強会 " + city, null, EventKind.STUDY_SESSION,
                    Instant.now().plus(10, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                    List.of(), "一般枠").id();
            eventIds.add(event);
            registrations.register(event, null, new Applicant(name, email, Locale.JAPANESE), null);
            // someone else comes too, so that the numbers are not all ones
            registrations.register(event, null, new Applicant("次郎", "jiro-" + tag + "@example.com",
                    Locale.JAPANESE), null);
        }
    }

    private ReceivedEmail lastMail(String subjectPart) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSmtp.receivedBy(smtp, email).stream()
                .anyMatch(m -> m.subject().contains(subjectPart)));
        return TestSmtp.receivedBy(smtp, email).stream().filter(m -> m.subject().contains(subjectPart))
                .reduce((a, b) -> b).orElseThrow();
    }

    /** The KPIs of both communities, as the dashboards and the API count them, and their followers now. */
    private String dashboardNumbers() {
        LocalDate today = LocalDate.now();
        String period = "?from=" + today.minusDays(30) + "&to=" + today.plusDays(60);
        StringBuilder numbers = new StringBuilder();
        for (Community community : both) {
            String path = "/api/v1/communities/" + community.slug();
            numbers.append(admin.get(path + "/kpis" + period).body())
                    .append(" followers=").append(follows.followersAt(community.id(), Instant.now()));
        }
        return numbers.toString();
    }

    /** Every text column of every table where the value stands (case ignored), as table.column. */
    private List<String> whereStands(String... values) {
        List<String> found = new ArrayList<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            for (Field<?> field : table.fields()) {
                if (!field.getDataType().isString()) {
                    continue;
                }
                for (String value : values) {
                    if (db.fetchCount(table, DSL.lower(field.cast(String.class))
                            .contains(value.toLowerCase(Locale.ROOT))) > 0) {
                        found.add(table.getName() + "." + field.getName() + " has " + value);
                    }
                }
            }
        }
        return found;
    }

    private MockHttpSession staffSession() {
        String staff = "admin-" + tag + "@example.com";
        long organizationId = both.get(0).organizationId();
        accounts.openWithRole(staff, "Admin", STAFF_PASSWORD, organizationId, Role.ORGANIZATION_ADMIN);
        return StaffLogin.signIn(mvc, staff, STAFF_PASSWORD);
    }

    private String fetchInPage(Browser browser, String path) {
        Object body = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done);", path);
        return String.valueOf(body);
    }

    @Test
    void aMemberSignsInWithTheEmailedCodeTakesTheirDataAndErasesThemselvesLeavingTheNumbersAsTheyWere()
            throws Exception {
        hanakoRegisteredInTwoCommunities();
        String my = "/my/" + tag;

        try (Browser browser = Browser.open(port, "ja")) {
            browser.visit(my);
            assertThat(browser.path()).isEqualTo(my + "/sign-in");
            browser.type(By.id("email"), email).click(By.id("send-code"));
            Matcher code = CODE.matcher(lastMail("サインイン").text());
            assertThat(code.find()).isTrue();
            browser.type(By.id("code"), code.group(1)).click(By.id("verify-code"));

            browser.find(By.id("my-name"));
            assertThat(browser.find(By.id("upcoming-registrations")).getText())
                    .contains("勉強会 tokyo", "JAWS-UG tokyo", "勉強会 osaka", "JAWS-UG osaka");

            browser.type(By.id("feed-url"), feed).click(By.id("add-feed"));
            browser.find(By.id("feed-added"));
            assertThat(browser.find(By.id("my-feeds")).getText()).contains(feed);

            browser.click(By.id("follow-" + both.get(0).slug()));
            browser.awaitText(By.cssSelector("tr[data-community='" + both.get(0).slug() + "'] .badge.following"),
                    "フォロー中");

            String data = fetchInPage(browser, my + "/data.json");
            assertThat(data).contains(email, feed, "JAWS-UG tokyo", "勉強会 osaka");

            String numbersBefore = dashboardNumbers();
            browser.click(By.id("request-erasure"));
            browser.find(By.id("erasure-requested"));
            Matcher link = ERASURE_LINK.matcher(lastMail("データ消去").text());
            assertThat(link.find()).isTrue();
            browser.visit(link.group(1)).click(By.id("confirm-erasure"));
            browser.find(By.id("erased"));

            assertThat(dashboardNumbers()).isEqualTo(numbersBefore);
            browser.visit(my);
            assertThat(browser.path()).as("signed out for good").isEqualTo(my + "/sign-in");
            for (long event : eventIds) {
                browser.visit("/e/" + event);
                assertThat(browser.text()).doesNotContain(email, name);
            }
            browser.visit("/c/" + both.get(0).slug());
            assertThat(browser.text()).doesNotContain(email, name);
        }
        List<String> answers = new ArrayList<>();
        answers.add(admin.get("/api/v1/organizations/" + tag + "/members?identity=" + email).body());
        answers.add(admin.get("/api/v1/organizations/" + tag + "/members").body());
        for (long event : eventIds) {
            answers.add(admin.get("/api/v1/events/" + event + "/registrations").body());
        }
        MockHttpSession staff = staffSession();
        for (long event : eventIds) {
            answers.add(mvc.perform(get("/manage/" + tag + "/events/" + event + "/registrations.csv").session(staff))
                    .andReturn().getResponse().getContentAsString());
            answers.add(mvc.perform(get("/manage/" + tag + "/events/" + event + "/registrations").session(staff))
                    .andReturn().getResponse().getContentAsString());
        }
        answers.add(mvc.perform(get("/manage/" + tag + "/members").session(staff)).andReturn().getResponse()
                .getContentAsString());
        assertThat(String.join("\n", answers)).contains("(退会ユーザー)").doesNotContain(email, name);
        assertThat(whereStands(email, name, feed)).as("no table holds the address, the name or the feed").isEmpty();
    }
}
