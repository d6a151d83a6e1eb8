package de.offenekommune.node.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver, installed by .ci/run) driven by
 * Selenium. No download of browsers or drivers ever happens: both paths are fixed.
 */
public final class Browser implements AutoCloseable {
    private static final String CHROMIUM = System.getProperty("ok.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("ok.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    public Browser() {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver); looked for " + CHROMIUM + " and " + CHROMEDRIVER);
        }
        try {
            profile = Files.createTempDirectory("ok-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,1000", "--lang=de-DE",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "de-DE,de"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Waits (up to 10 s) until an element matching {@code by} is present, e.g. after a form submit. */
    public WebElement await(By by) {
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Clicks and waits for the next page to load (the old body goes stale). */
    public void submit(By button) {
        WebElement body = driver.findElement(By.tagName("body"));
        click(button);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> replaced(body));
    }

    /**
     * Whether the page the element belonged to is gone. While the old document is being replaced,
     * chromedriver may answer "Node with given id does not belong to the document" instead of a stale
     * element: that means gone as well.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Scrolls the element to the middle of the window, then clicks it as a person would. KERN scrolls
     * smoothly; a click during that scroll would hit whatever passes under the pointer.
     */
    public void click(By target) {
        WebElement element = driver.findElement(target);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    public Axe.Result axe() {
        return Axe.run(driver);
    }

    /**
     * axe-core on the current page: every violation as "label -> violation", for a test that collects
     * them over several pages and reports them all at once. Fails if axe did not really run.
     */
    public java.util.List<String> violations(String label) {
        Axe.Result result = axe();
        if (result.passes() < 5) {
            throw new AssertionError("axe really ran on " + label + ": only " + result.passes() + " passes");
        }
        return result.violations().stream().map(v -> label + " -> " + v).toList();
    }

    /** Opens the page and runs {@link #violations} on it, labelled with its path and query. */
    public java.util.List<String> violationsAt(String url) {
        open(url);
        java.net.URI uri = java.net.URI.create(url);
        return violations(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** Signs in through the form with the keyboard (typing, then Enter) and waits until it is done. */
    public Browser signIn(String baseUrl, String email, String password) {
        driver.manage().deleteAllCookies();
        open(baseUrl + "/anmelden");
        fill("email", email);
        fill("password", password);
        WebElement body = driver.findElement(By.tagName("body"));
        driver.findElement(By.id("password")).sendKeys(org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> replaced(body));
        if (driver.getCurrentUrl().contains("/anmelden")) {
            throw new AssertionError("sign-in of " + email + " failed: " + text());
        }
        return this;
    }

    /** Forgets the session: the next page is seen as a visitor. */
    public Browser signOut() {
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Waits (up to 10 s) until {@code condition} holds, e.g. a URL after a redirect. */
    public void await(java.util.function.BooleanSupplier condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> condition.getAsBoolean());
    }

    /** The id of the element that has the keyboard focus ("" if it has none). */
    public String focused() {
        String id = driver.switchTo().activeElement().getAttribute("id");
        return id == null ? "" : id;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory; the OS cleans it eventually
        }
    }
}
