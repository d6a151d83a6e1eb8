package de.offenekommune.node.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through chromedriver, with axe-core (vendored under test
 * resources) to check pages against the WCAG 2.1 A/AA rules. Local files only: nothing is downloaded.
 */
public final class AxeBrowser implements AutoCloseable {
    private static final String AXE = load();
    private final ChromeDriver driver;

    public AxeBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1024", "--lang=de-DE");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public static boolean available() {
        return new java.io.File("/usr/bin/chromium").canExecute()
                && new java.io.File("/usr/bin/chromedriver").canExecute();
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public void signIn(String baseUrl, String email, String password) {
        driver.get(baseUrl + "/anmelden");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("password")).submit();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/anmelden"));
    }

    /** The WCAG 2.1 A/AA violations on the current page, as "rule: target" lines (empty if none). */
    @SuppressWarnings("unchecked")
    public List<String> violations() {
        JavascriptExecutor js = driver;
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ '
                       + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));""");
        return (List<String>) result;
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String load() {
        try (InputStream in = AxeBrowser.class.getResourceAsStream("/vendor/axe-core/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
