package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.demo.ScenarioGenerator;
import org.macm.station.officer.Role;
import org.macm.station.run.StationRuntime;
import org.macm.template.Language;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Map page in a real Chromium, under the console's strict CSP, on cn-mnd whose watch
 * replays the demo's East China Sea scenario: the coastline and both sides' tracks are drawn,
 * the encounter appears in the alerts list with its Send draft link, nothing in the browser's
 * console complains, and the page is photographed for the README.
 */
class ConsoleMapBrowserTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void chromium() {
        Chromium.require(Chromium.BINARY, Chromium.DRIVER, Optional.ofNullable(System.getenv("CI")), System.err);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void map_drawsTracksAndTheEncounter_offline_underTheCsp() throws Exception {
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(1).generate(scenario);
        try (StationRuntime cn = ConsoleStations.startCn(tmp.resolve("stations"), Clock.systemUTC(), (pair, layout) -> {
            ConsoleStations.officer(layout, "wang.hao", "Lt Col Wang Hao", Role.DUTY, Optional.of(Language.ZH_HANS));
            // Speed 60: the scenario's 40 minutes pass in 40 s; the pass is closest at minute 20.
            ConsoleStations.appendToConfig(layout, ConsoleStations.demoWatch(scenario, true, "CN", "JP", 60));
        }); Chromium chromium = Chromium.start(Language.ZH_HANS)) {
            ConsoleBrowser officer = new ConsoleBrowser(chromium, cn.consoleUrl(), "cn-mnd-zh-Hans");
            officer.logIn("wang.hao", ConsoleStations.PASSWORD);
            officer.open("/map");
            ConsoleBrowser.Deadline replay = ConsoleBrowser.Deadline.in(Duration.ofSeconds(60));
            // Read as text inside the wait: the list is redrawn on every watch event.
            String send = officer.await("an encounter in the alerts list", replay,
                    d -> d.findElements(By.cssSelector("#map-alerts li a[href^='/compose?alert=']")).stream()
                            .findFirst().map(WebElement::getText).orElse(null));
            assertThat(send).isEqualTo("发送草稿");
            List<WebElement> drawn = officer.driver().findElements(By.cssSelector(".leaflet-overlay-pane path"));
            assertThat(drawn).as("tracks, course lines, CPA and zone drawn as vector paths").hasSizeGreaterThan(3);
            assertThat(officer.driver().findElements(By.cssSelector("img.leaflet-tile")))
                    .as("no tile server: the base map is the committed coastline").isEmpty();
            // Let the replay bring the pair close before the picture is taken.
            Thread.sleep(3_000);
            officer.screenshot("map");
            assertThat(officer.consoleErrors().stream().filter(m -> !m.contains("favicon.ico")))
                    .as("errors in the browser's console (CSP refusals, script errors)").isEmpty();
        }
    }
}
