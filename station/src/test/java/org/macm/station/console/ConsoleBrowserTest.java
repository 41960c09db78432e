package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.macm.station.api.ApiToken;
import org.macm.station.officer.Role;
import org.macm.template.Language;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console in a real browser (Debian's Chromium, headless) on two stations linked over
 * loopback: an officer at cn-mnd logs in through the login page; jp-mod sends a FLASH; the
 * officer's open Traffic page shows it and raises the alarm banner within one second of the
 * send, without a reload; dismissing the banner removes it. Once per language (ja, zh-Hans,
 * en), with the menu and table in that language. Screenshots of each step are saved under
 * {@code target/console-screenshots/}.
 *
 * <p>The scenario is a list of steps on {@link Run}: to follow the message further (the
 * officer acknowledges it, jp-mod's console shows the officer's name, readiness counts it),
 * add steps there and call them in {@link #flash_reachesTheOfficer_withinOneSecond_withoutReload}.
 * jp-mod has an officer of its own ({@link #JP_OFFICER}) for steps on its console; give it
 * its own browser ({@link #browser}): browsers keep cookies per host, not per port.
 */
class ConsoleBrowserTest {
    /** How long the issue allows from a send to what the officer sees. */
    static final Duration LIVE = Duration.ofSeconds(1);

    /** The cn-mnd officer for each language: account, display name. */
    static final Map<Language, List<String>> CN_OFFICERS = Map.of(
            Language.ZH_HANS, List.of("wang.hao", "Lt Col Wang Hao"),
            Language.JA, List.of("li.na", "Maj Li Na"),
            Language.EN, List.of("zhou.ming", "Capt Zhou Ming"));
    /** jp-mod's officer (ja), for steps on jp-mod's console. */
    static final List<String> JP_OFFICER = List.of("sato.ken", "1等海佐 佐藤 健");

    /** A label of each language, written out here so that a bundle that fell back to English shows. */
    private static final Map<Language, String> NAV_MAP = Map.of(Language.EN, "Map", Language.JA, "地図",
            Language.ZH_HANS, "地图");
    private static final Map<Language, String> HEADER_PRECEDENCE = Map.of(Language.EN, "Precedence",
            Language.JA, "優先度", Language.ZH_HANS, "等级");

    @TempDir
    static Path tmp;

    private static ConsoleStations.Linked stations;
    private static final Map<String, Chromium> BROWSERS = new java.util.HashMap<>();
    private static final Map<Language, Map<String, String>> TEXTS = UiText.load();

    @BeforeAll
    static void start() throws Exception {
        Chromium.require(Chromium.BINARY, Chromium.DRIVER, Optional.ofNullable(System.getenv("CI")), System.err);
        long t0 = System.nanoTime();
        stations = ConsoleStations.startPair(tmp, (station, layout) -> {
            if (station.equals(CN)) {
                CN_OFFICERS.forEach((language, o) ->
                        ConsoleStations.officer(layout, o.get(0), o.get(1), Role.SUPERVISOR, Optional.of(language)));
            } else {
                ConsoleStations.officer(layout, JP_OFFICER.get(0), JP_OFFICER.get(1), Role.DUTY, Optional.of(Language.JA));
            }
        });
        System.out.printf("ConsoleBrowserTest: two stations with 4 officers, linked, in %d ms%n",
                Duration.ofNanos(System.nanoTime() - t0).toMillis());
    }

    @AfterAll
    static void stop() {
        long t0 = System.nanoTime();
        BROWSERS.values().forEach(Chromium::close);
        System.out.printf("ConsoleBrowserTest: browsers closed in %d ms%n", Duration.ofNanos(System.nanoTime() - t0).toMillis());
        BROWSERS.clear();
        if (stations != null) {
            stations.close();
        }
    }

    /** The browser named {@code who} (one per officer and language), started on first use and kept for the class. */
    static Chromium browser(String who, Language language) {
        return BROWSERS.computeIfAbsent(who + "-" + language.tag(), k -> {
            long t0 = System.nanoTime();
            Chromium c = Chromium.start(language);
            System.out.printf("ConsoleBrowserTest: Chromium (%s) started in %d ms%n", k,
                    Duration.ofNanos(System.nanoTime() - t0).toMillis());
            return c;
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Language.class)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void flash_reachesTheOfficer_withinOneSecond_withoutReload(Language language) throws Exception {
        Run run = new Run(language);
        run.cnOfficerLogsIn();
        run.seesTheConsoleInTheirLanguage();
        run.jpSendsAFlash();
        run.cnSeesTheRowAndTheBanner_withinOneSecond_withoutReload();
        run.cnDismissesTheBanner();
        run.jpOfficerWatchesTraffic();
        run.cnAcknowledges();
        run.jpSeesTheOfficersName_withinOneSecond_withoutReload();
        run.readinessCountsIt();
        run.noScriptErrorsOrCspRefusals();
        System.out.printf("ConsoleBrowserTest[%s]: row after %d ms, banner after %d ms, ack at jp-mod after %d ms, "
                + "whole run %d ms%n", language.tag(), run.rowAfter.toMillis(), run.bannerAfter.toMillis(),
                run.ackSeenAfter.toMillis(), run.started.elapsed().toMillis());
    }

    @org.junit.jupiter.api.Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aBurstOfMessages_theLastOneShowsWithinOneSecond_noneIsLostToCoalescing() {
        ConsoleBrowser cn = new ConsoleBrowser(browser("cn", Language.EN), stations.cn().consoleUrl(), "cn-mnd-en");
        cn.logIn(CN_OFFICERS.get(Language.EN).get(0), ConsoleStations.PASSWORD);
        org.macm.core.log.SignedEntry last = null;
        for (int i = 1; i <= 60; i++) {
            last = stations.jp().station().write(CN, new org.macm.core.log.Body.Message(org.macm.core.log.Precedence.ROUTINE,
                    new org.macm.core.log.MessageContent.FreeText("en", "Burst message " + i + " of 60.")));
        }
        ConsoleBrowser.Deadline sent = ConsoleBrowser.Deadline.in(LIVE);
        String id = JP.value() + "/" + last.seq();
        cn.awaitRow(id, sent);
        System.out.printf("ConsoleBrowserTest[burst]: the 60th message shown %d ms after it was written%n",
                sent.elapsed().toMillis());
        assertThat(cn.rowText(id, ".summary")).endsWith("Burst message 60 of 60.");
    }

    /** One run of the scenario for one language: its steps, in order, and what they leave for the next. */
    static final class Run {
        final Language language;
        final Map<String, String> t;
        final ConsoleBrowser cn;
        final ConsoleBrowser.Deadline started = ConsoleBrowser.Deadline.in(Duration.ofMinutes(2));
        String messageId = "";
        ConsoleBrowser jp;
        WebElement jpAnchor;
        ConsoleBrowser.Deadline acked;
        Duration ackSeenAfter = Duration.ZERO;
        String messageText = "";
        ConsoleBrowser.Deadline sent;
        Duration rowAfter = Duration.ZERO;
        Duration bannerAfter = Duration.ZERO;

        Run(Language language) {
            this.language = language;
            this.t = TEXTS.get(language);
            this.cn = new ConsoleBrowser(browser("cn", language), stations.cn().consoleUrl(), "cn-mnd-" + language.tag());
        }

        void cnOfficerLogsIn() {
            cn.logIn(CN_OFFICERS.get(language).get(0), ConsoleStations.PASSWORD);
        }

        void seesTheConsoleInTheirLanguage() {
            assertThat(cn.pageLanguage()).isEqualTo(language.tag());
            assertThat(cn.nav()).containsExactly(t.get("common.nav.traffic"), t.get("common.nav.compose"),
                    t.get("common.nav.link"), t.get("common.nav.map"), t.get("common.nav.readiness"));
            assertThat(cn.nav()).contains(NAV_MAP.get(language));
            assertThat(cn.texts("main h2"))
                    .contains(t.get("traffic.messages"), t.get("traffic.tests"));
            assertThat(cn.text("header.top .who"))
                    .contains(CN_OFFICERS.get(language).get(1));
        }

        /** jp-mod's API sends a FLASH to cn-mnd, as jp-mod's own console or CLI would. */
        void jpSendsAFlash() throws Exception {
            messageText = "Request your intentions (" + language.tag() + " run). <script>alert(1)</script>";
            Path dir = stations.jp().station().layout().dir();
            URI api = URI.create(Files.readString(dir.resolve("api.url")).strip()).resolve("/api/v1/messages");
            String body = JsonMapper.builder().build().writeValueAsString(Map.of("to", CN.value(), "text", messageText,
                    "lang", "en", "precedence", "FLASH"));
            HttpRequest request = HttpRequest.newBuilder(api)
                    .header("Authorization", ApiToken.read(dir.resolve("api.token")).bearer())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            sent = ConsoleBrowser.Deadline.in(LIVE);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode json = JsonMapper.builder().build().readTree(answer.body());
            messageId = json.path("id").asText();
            assertThat(messageId).startsWith(JP.value() + "/");
        }

        void cnSeesTheRowAndTheBanner_withinOneSecond_withoutReload() {
            WebElement anchor = cn.anchor();
            cn.awaitRow(messageId, sent);
            rowAfter = sent.elapsed();
            cn.awaitAlarm("/messages/" + messageId, sent);
            bannerAfter = sent.elapsed();
            assertThat(ConsoleBrowser.stillThere(anchor)).as("the page was updated in place, not reloaded").isTrue();
            assertThat(cn.tableHeaders("#messages")).startsWith(HEADER_PRECEDENCE.get(language))
                    .contains(t.get("traffic.state"), t.get("traffic.deadline"));
            assertThat(cn.rowText(messageId, ".precedence")).isEqualTo("FLASH");
            assertThat(cn.rowText(messageId, ".summary")).as("shown as written, its language marked")
                    .isEqualTo("en " + messageText);
            assertThat(cn.alarmText("/messages/" + messageId)).contains(UiText.of(language, language.defaultZone(), TEXTS).format("common.alarm.flash", JP.value()))
                    .contains(t.get("common.alarm.dismiss"));
            cn.screenshot("traffic-flash");
        }

        void noScriptErrorsOrCspRefusals() {
            // A probe first, so that an empty list means "no errors", not "the log is not captured".
            ((org.openqa.selenium.JavascriptExecutor) cn.driver()).executeScript("console.error('macm-log-probe')");
            List<String> errors = cn.consoleErrors();
            assertThat(errors).as("the browser's console is captured").anyMatch(m -> m.contains("macm-log-probe"));
            assertThat(errors.stream().filter(m -> !m.contains("macm-log-probe")))
                    .as("errors in the browser's console (CSP refusals, script errors)").isEmpty();
        }

        /** jp-mod's officer has the traffic page open on jp-mod's own console, in a browser of its own. */
        void jpOfficerWatchesTraffic() {
            jp = new ConsoleBrowser(browser("jp", Language.JA), stations.jp().consoleUrl(), "jp-mod-ja");
            jp.logIn(JP_OFFICER.get(0), ConsoleStations.PASSWORD);
            jp.awaitRow(messageId, ConsoleBrowser.Deadline.in(Duration.ofSeconds(5)));
            jpAnchor = jp.anchor();
        }

        /** The cn-mnd officer opens the message and acknowledges it with a remark; the console signs their name. */
        void cnAcknowledges() {
            cn.open("/messages/" + messageId);
            cn.screenshot("message");
            cn.driver().findElement(By.name("remark")).sendKeys("Received. <b>Duty officer informed.</b>");
            // The 1 s runs from the click: the POST, the signing and the page that follows count too.
            acked = ConsoleBrowser.Deadline.in(LIVE);
            cn.driver().findElement(By.cssSelector("form.ack button.acknowledge")).click();
            cn.awaitText("table tr", CN_OFFICERS.get(language).get(1), ConsoleBrowser.Deadline.in(Duration.ofSeconds(5)));
            assertThat(cn.driver().findElements(By.cssSelector("form.ack"))).as("acknowledged: no second form").isEmpty();
        }

        /** jp-mod's console shows who acknowledged, by the name cn-mnd's console signed, within 1 s. */
        void jpSeesTheOfficersName_withinOneSecond_withoutReload() {
            jp.awaitText("tr[data-id='" + messageId + "'] .state", CN_OFFICERS.get(language).get(1), acked);
            ackSeenAfter = acked.elapsed();
            assertThat(ConsoleBrowser.stillThere(jpAnchor)).as("jp-mod's page was updated in place").isTrue();
            jp.screenshot("traffic-acknowledged-" + language.tag());
        }

        /** The readiness page counts the FLASH received and the officer's acknowledgement. */
        void readinessCountsIt() {
            cn.open("/readiness");
            String received = cn.text(
                    "table.readiness-precedence tr[data-precedence='FLASH'][data-direction='received'] .messages");
            assertThat(Integer.parseInt(received.strip())).as("FLASH messages received").isPositive();
            String officer = CN_OFFICERS.get(language).get(1);
            assertThat(cn.texts("table.readiness-officers tr").stream().filter(row -> row.contains(officer)).findFirst())
                    .as("the officer's row").hasValueSatisfying(row -> assertThat(row).contains(officer + " cn-mnd 1"));
            cn.screenshot("readiness");
        }

        void cnDismissesTheBanner() {
            cn.dismissAlarm("/messages/" + messageId, ConsoleBrowser.Deadline.in(LIVE));
            assertThat(cn.driver().findElements(By.cssSelector("tr[data-id='" + messageId + "']"))).hasSize(1);
            cn.screenshot("traffic-dismissed");
        }
    }
}
