package io.firstpin.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through Debian's chromedriver. On a developer machine without Chromium the browser
 * tests are skipped; in CI ({@code CI=true}) a missing browser is a failure, since .ci/run installs it.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Opens a browser whose preferred language is {@code language} (e.g. "ja"). */
    public static Browser open(int port, String language) {
        boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1600", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://localhost:" + port);
    }

    /** Signs staff in through the login form, as a person would, and waits for the staff pages to open. */
    public Browser signIn(String email, String password) {
        visit("/login").type(By.id("username"), email).type(By.id("password"), password)
                .click(By.cssSelector("#login-form button[type=submit]"));
        find(By.cssSelector(".manage-nav"));
        return this;
    }

    public Browser visit(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /**
     * Fails when axe-core finds a serious or critical WCAG 2.1 A/AA violation on the page shown (contrast, labels,
     * landmarks, names), naming each with where it is.
     */
    public Browser assertAccessible() {
        List<String> violations = Accessibility.seriousViolations(driver);
        if (!violations.isEmpty()) {
            throw new AssertionError("Accessibility violations on " + path() + ":\n  " + String.join("\n  ", violations));
        }
        return this;
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /**
     * Waits until the element shows this text and answers it. After a click that submits a form, the old page can
     * still be there for a moment, so reading the element at once could read, or lose, the page being replaced.
     */
    public String awaitText(By by, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(by, expected));
        return expected;
    }

    public Browser type(By by, String text) {
        WebElement element = find(by);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    /** Sets a value the way a picker would, for inputs such as datetime-local whose typing rules vary by locale. */
    public Browser set(By by, String value) {
        WebElement element = find(by);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", element, value);
        return this;
    }

    public Browser click(By by) {
        find(by).click();
        return this;
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
