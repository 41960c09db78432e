package org.macm.station.console;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.macm.template.Language;
import org.macm.testkit.ProcessUser;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver: both paths
 * given explicitly (without them Selenium goes to the network to find a browser), a fresh
 * profile per browser, a fixed window size so that screenshots compare, and the browser's
 * language set to the officer's. Where the two programs are missing the browser tests are
 * skipped loudly on a developer's machine and fail under {@code CI=true}, where
 * {@code .ci/run} installs them ({@code apt-get install chromium chromium-driver fonts-noto-cjk}).
 * Starting one takes about a second: a test class keeps one per language, not one per test.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Where screenshots go: {@code station/target/console-screenshots/NAME.png}. */
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Dimension WINDOW = new Dimension(1366, 900);

    private final WebDriver driver;
    private final Path profile;

    private Chromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A headless Chromium whose languages are {@code language}'s; skips or fails (CI) when Chromium is missing. */
    static Chromium start(Language language) {
        require(BINARY, DRIVER, Optional.ofNullable(System.getenv("CI")), System.err);
        Path profile;
        try {
            profile = Files.createTempDirectory("macm-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(), "--lang=" + browserTag(language));
        if (ProcessUser.isRoot()) {
            options.addArguments("--no-sandbox"); // Chromium's sandbox refuses to run as root (CI containers do)
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages(language)));
        // The page's console messages, so that a test sees what the CSP refused or what a script threw.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(WINDOW);
        return new Chromium(driver, profile);
    }

    /**
     * Both programs present and executable, or: a failed test under {@code CI=true}, a skipped
     * one elsewhere (said on {@code console} too, so that a green run is not taken for one that ran).
     */
    static void require(Path binary, Path driver, Optional<String> ci, PrintStream console) {
        List<Path> missing = Stream.of(binary, driver).filter(p -> !Files.isExecutable(p)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String why = "the browser tests need " + missing + " (Debian: apt-get install chromium chromium-driver "
                + "fonts-noto-cjk)";
        if (ci.filter("true"::equalsIgnoreCase).isPresent()) {
            Assertions.fail(why + ", and CI=true requires every browser test to run; .ci/run installs them");
        }
        console.println("*** SKIPPED: " + why + ". Under CI=true this fails. ***");
        Assumptions.abort("skipped: " + why);
    }

    WebDriver driver() {
        return driver;
    }

    /** The browser console's errors since the last call: CSP refusals, script errors, failed loads. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Saves what the browser shows as {@code SCREENSHOTS/NAME.png} and returns the file. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete the browser profile " + profile + ": " + e.getMessage());
            }
        }
    }

    /** Chromium's name for the language ({@code --lang} takes a locale, not a script subtag). */
    private static String browserTag(Language language) {
        return switch (language) {
            case JA -> "ja";
            case ZH_HANS -> "zh-CN";
            case EN -> "en-US";
        };
    }

    private static String acceptLanguages(Language language) {
        return switch (language) {
            case JA -> "ja,en";
            case ZH_HANS -> "zh-CN,zh,en";
            case EN -> "en-US,en";
        };
    }
}
