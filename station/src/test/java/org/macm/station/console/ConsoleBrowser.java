package org.macm.station.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An officer at a browser on one station's console, in the words a scenario uses: log in
 * through the login page, open a page, read the menu and table headers, wait (until a
 * {@link Deadline}) for a row or an alarm, dismiss an alarm, take a screenshot. Every wait is
 * explicit and bounded; a failed wait says what was awaited and saves a screenshot.
 */
final class ConsoleBrowser {
    private static final Duration POLL = Duration.ofMillis(20);

    private final Chromium chromium;
    private final WebDriver driver;
    private final String base;
    private final String name;

    /** {@code name} prefixes this browser's screenshots ({@code cn-mnd-ja}). */
    ConsoleBrowser(Chromium chromium, String consoleUrl, String name) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.base = consoleUrl.strip();
        this.name = name;
    }

    /** A point in time a step must be done by: the 1 s of the issue is measured from a send, not from each wait. */
    record Deadline(long startNanos, long endNanos) {
        static Deadline in(Duration d) {
            long now = System.nanoTime();
            return new Deadline(now, now + d.toNanos());
        }

        Duration left() {
            return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
        }

        /** Time since the deadline was set. */
        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Logs in through the real login page and waits until the console's live stream is connected. */
    void logIn(String account, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        driver.findElement(By.name("username")).sendKeys(account);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        await("the console after logging in as " + account, Deadline.in(Duration.ofSeconds(10)),
                d -> !d.findElements(By.cssSelector("body[data-csrf]")).isEmpty());
        awaitLive();
    }

    /** Opens {@code path} of this console and waits for its live stream. */
    void open(String path) {
        driver.get(base + path);
        awaitLive();
    }

    /** Waits until the page's event stream is open (the "Live" mark), so that nothing sent from now on is missed. */
    void awaitLive() {
        await("the live event stream", Deadline.in(Duration.ofSeconds(10)), d -> {
            WebElement live = d.findElement(By.id("live"));
            return !live.getDomAttribute("class").contains("off") && live.getText().equals(live.getDomAttribute("data-on"));
        });
    }

    /** The menu's labels, in order. */
    List<String> nav() {
        return driver.findElements(By.cssSelector("header.top nav a")).stream().map(WebElement::getText).toList();
    }

    /** The labels of {@code table}'s header cells. */
    List<String> tableHeaders(String table) {
        return texts(table + " thead th");
    }

    /**
     * The texts of every element at {@code css}, read afresh until one read gets through whole:
     * a live part of the page may be replaced between finding an element and reading it.
     */
    List<String> texts(String css) {
        return await("the texts of " + css, Deadline.in(Duration.ofSeconds(5)),
                d -> d.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList());
    }

    /** The text of the element at {@code css}, read as {@link #texts} reads. */
    String text(String css) {
        return await("the text of " + css, Deadline.in(Duration.ofSeconds(5)),
                d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** The {@code lang} of the page. */
    String pageLanguage() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    /** An element that must still be on the page later (proof that the page was not reloaded). */
    WebElement anchor() {
        return driver.findElement(By.cssSelector("header.top"));
    }

    /** True while {@code anchor} is still the page's element: the page was updated in place, not reloaded. */
    static boolean stillThere(WebElement anchor) {
        try {
            anchor.isDisplayed();
            return true;
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    /** Waits for the traffic row of message {@code id} (e.g. {@code jp-mod/7}) by {@code deadline}. */
    WebElement awaitRow(String id, Deadline deadline) {
        return await("traffic row " + id, deadline,
                d -> d.findElements(By.cssSelector("tr[data-id='" + id + "']")).stream().findFirst().orElse(null));
    }

    /**
     * The text of {@code cell} (a CSS selector) in message {@code id}'s row. Read afresh: a
     * live update may replace the row between two looks.
     */
    String rowText(String id, String cell) {
        return await("cell " + cell + " of row " + id, Deadline.in(Duration.ofSeconds(2)),
                d -> d.findElement(By.cssSelector("tr[data-id='" + id + "'] " + cell)).getText());
    }

    /** Waits until the element at {@code selector} holds {@code text}, by {@code deadline}; returns its text. */
    String awaitText(String selector, String text, Deadline deadline) {
        return await("'" + text + "' in " + selector, deadline, d -> d.findElements(By.cssSelector(selector)).stream()
                .map(WebElement::getText).filter(x -> x.contains(text)).findFirst().orElse(null));
    }

    /** The text of the alarm banner that links to {@code href}, read afresh. */
    String alarmText(String href) {
        return await("alarm banner for " + href, Deadline.in(Duration.ofSeconds(2)),
                d -> alarm(d, href).map(WebElement::getText).orElse(null));
    }

    /** Waits for the alarm banner that links to {@code href} by {@code deadline}. */
    WebElement awaitAlarm(String href, Deadline deadline) {
        return await("alarm banner for " + href, deadline, d -> alarm(d, href).orElse(null));
    }

    private static java.util.Optional<WebElement> alarm(WebDriver d, String href) {
        return d.findElements(By.cssSelector("#alarms [data-alarm]")).stream()
                .filter(a -> !a.findElements(By.cssSelector("a[href='" + href + "']")).isEmpty()).findFirst();
    }

    /** Clicks the banner's Dismiss and waits until the banner is gone. */
    void dismissAlarm(String href, Deadline deadline) {
        WebElement alarm = awaitAlarm(href, Deadline.in(Duration.ofSeconds(1)));
        alarm.findElement(By.cssSelector("button[type=submit]")).click();
        await("alarm banner for " + href + " gone", deadline, d -> alarm(d, href).isEmpty());
    }

    /**
     * What the browser's console reported as errors since the last look, apart from the
     * favicon the console does not have: a CSP refusal (inline script or style), a script
     * error, a failed fetch. A page that works shows none.
     */
    List<String> consoleErrors() {
        return chromium.consoleErrors().stream().filter(m -> !m.contains("favicon.ico")).toList();
    }

    /** Saves a screenshot as {@code NAME-what.png}. */
    Path screenshot(String what) {
        return chromium.screenshot(name + "-" + what);
    }

    /** Waits until {@code condition} gives a value (not null, not false) or {@code deadline} passes. */
    <T> T await(String what, Deadline deadline, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, deadline.left(), POLL).ignoring(NoSuchElementException.class)
                    .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            Path shot = screenshot("FAILED");
            throw new AssertionError("not seen within " + deadline.elapsed().toMillis() + " ms: " + what
                    + " (screenshot " + shot.toAbsolutePath() + ", page " + driver.getCurrentUrl() + ")", e);
        }
    }
}
