package io.firstpin.insight.web;

import io.firstpin.insight.LadderStep;
import java.util.Arrays;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.demo.DemoDataGenerator;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.insight.CommunityKpis;
import io.firstpin.insight.Period;
import io.firstpin.insight.PeriodPreset;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo as a manager trying Firstpin first walks it, in Japanese: the national community's dashboard with its
 * branches, the ladder, the surveys, love and reach, the organization overview; no page with a serious or critical
 * accessibility violation.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "firstpin.demo=true")
class DemoDashboardBrowserTests {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CommunityKpis kpis;

    @Test
    void theDemoShowsTheMethodOnEveryInsightPageWithoutSeriousAccessibilityViolations() {
        Organization demo = organizations.findBySlug(DemoDataGenerator.ORGANIZATION_SLUG).orElseThrow();
        Community root = communities.list(demo.id()).stream().filter(c -> !c.isBranch()).findFirst().orElseThrow();
        String email = "walker-" + System.nanoTime() + "@demo.test";
        accounts.openWithRole(email, "マネージャー", PASSWORD, demo.id(), Role.ORGANIZATION_ADMIN);
        String dashboard = "/manage/" + demo.slug() + "/communities/" + root.slug() + "/dashboard";

        try (Browser browser = Browser.open(port, "ja")) {
            browser.signIn(email, PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));

            browser.visit(dashboard);
            wait.until(d -> !d.findElements(By.cssSelector("#kpi-ladder td.median-days")).isEmpty());
            wait.until(d -> !d.findElements(By.cssSelector("#chart-surveys canvas")).isEmpty());
            List<String> steps = browser.driver().findElements(By.cssSelector("#kpi-ladder tbody tr")).stream()
                    .map(row -> row.getDomAttribute("data-step")).toList();
            List<String> medianDays = browser.driver().findElements(By.cssSelector("#kpi-ladder td.median-days"))
                    .stream().map(cell -> cell.getText()).toList();
            List<String> nps = browser.driver().findElements(By.cssSelector("#kpi-surveys td.nps")).stream()
                    .map(cell -> cell.getText()).toList();
            assertThat(steps).as("the funnel in the ladder's order").isEqualTo(Arrays.stream(LadderStep.values())
                    .map(LadderStep::apiName).toList());
            assertThat(medianDays).noneMatch(days -> days.startsWith("-") || days.startsWith("−"));
            assertThat(nps).as("survey answers give most events a score").filteredOn(score -> !score.equals("—"))
                    .hasSizeGreaterThan(nps.size() / 2);
            browser.assertAccessible();

            browser.visit(dashboard + "/members");
            wait.until(d -> !d.findElements(By.cssSelector("#chart-love-reach canvas")).isEmpty());
            assertThat(browser.driver().findElements(By.id("nobody-placed"))).isEmpty();
            browser.assertAccessible();

            browser.visit("/manage/" + demo.slug() + "/insight");
            assertThat(browser.find(By.id("overview-total")).getText()).isNotBlank();
            browser.assertAccessible();
        }
    }

    @Test
    void theDemoRootOpensWithItsBranchesEventsAndAPresetChangesThePeriod() {
        Organization demo = organizations.findBySlug(DemoDataGenerator.ORGANIZATION_SLUG).orElseThrow();
        Community root = communities.list(demo.id()).stream().filter(c -> !c.isBranch()).findFirst().orElseThrow();
        Period lastTwelveMonths = Period.lastTwelveMonths(kpis.today(root));
        int withBranches = kpis.report(root, true, lastTwelveMonths).events().size();
        int alone = kpis.report(root, false, lastTwelveMonths).events().size();
        assertThat(withBranches).isGreaterThan(alone);
        Period lastFiscalYear = PeriodPreset.LAST_FISCAL_YEAR.period(kpis.today(root));
        String email = "manager-" + System.nanoTime() + "@demo.test";
        accounts.openWithRole(email, "マネージャー", PASSWORD, demo.id(), Role.ORGANIZATION_ADMIN);

        try (Browser browser = Browser.open(port, "ja")) {
            browser.signIn(email, PASSWORD);
            browser.visit("/manage/" + demo.slug() + "/communities/" + root.slug() + "/dashboard");

            assertThat(browser.find(By.id("tile-events")).getText())
                    .isEqualTo(NumberFormat.getInstance(Locale.JAPANESE).format(withBranches));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
            wait.until(d -> !d.findElements(By.cssSelector("#chart-attendees canvas")).isEmpty());

            browser.click(By.id("preset-last-fiscal-year"));
            wait.until(d -> lastFiscalYear.from().toString()
                    .equals(d.findElement(By.id("from")).getDomProperty("value")));
            assertThat(browser.find(By.id("to")).getDomProperty("value")).isEqualTo(lastFiscalYear.to().toString());
            assertThat(browser.find(By.id("branches")).getDomProperty("value")).isEqualTo("true");
            assertThat(browser.text()).contains("前年度", "前期間");
            List<LogEntry> errors = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                    .filter(entry -> !entry.getMessage().contains("/favicon.ico"))
                    .toList();
            assertThat(errors).isEmpty();
        }
    }
}
