package io.novatune.web.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its chromedriver. A missing browser skips the tests, except with
 * {@code NOVATUNE_REQUIRE_BROWSER=1} (set by {@code .ci/run}, which installs {@code chromium} and
 * {@code chromium-driver}), where it fails them.
 */
final class Browser {

    private static final Path CHROMIUM = Path.of(System.getProperty("novatune.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("novatune.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver";
            // CI (.ci/run) sets NOVATUNE_REQUIRE_BROWSER=1: there a missing browser fails the build.
            Assumptions.assumeFalse(!"1".equals(System.getenv("NOVATUNE_REQUIRE_BROWSER")), missing);
            throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("novatune-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        // The page's console, so that a failing test shows the script errors behind it (printed with each screenshot).
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }

    static void screenshot(ChromeDriver driver, String name) {
        driver.manage().logs().get(LogType.BROWSER).forEach(entry -> System.out.println("[browser " + name + "] " + entry));
        try {
            Path directory = Path.of(System.getProperty("novatune.web.screenshots", "target/screenshots"));
            Files.createDirectories(directory);
            Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
