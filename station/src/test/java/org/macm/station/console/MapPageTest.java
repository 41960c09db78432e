package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.awaitValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.StationPair;
import org.macm.station.demo.AisEncoder;
import org.macm.station.demo.ScenarioGenerator;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import org.macm.station.run.StationRuntime;
import org.macm.template.Language;

/**
 * The Map page over HTTP, against a real station whose watch replays the demo scenario (and a
 * JSON feed with a vessel whose name is an HTML attack): the page speaks the officer's
 * language, {@code /map/data} holds both sides' tracks and the encounter with its closest
 * point of approach, names travel as JSON text, and nothing is served without a session.
 */
class MapPageTest {
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final String PASSWORD = "map page test passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void mapData_showsBothSides_theEncounterWithItsCpa_andHostileNamesAsText() throws Exception {
        StationPair s = StationPair.create(tmp);
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(1).generate(scenario);
        Path hostile = scenario.resolve("hostile.jsonl");
        Files.write(hostile, hostileVessel());
        s.write(s.listening(JP, loopback(0)));
        // Speed 60: the scenario's 40 minutes in 40 s, so the encounter (closest at minute 20) is active for a while.
        ConsoleStations.appendToConfig(s.jp(), ConsoleStations.demoWatch(scenario, true, "JP", "CN", 60) + """
                [[watch.sources]]
                kind = "replay"
                format = "json"
                file = "%s"
                speed = 60
                """.formatted(hostile));
        officer(s, "sato", Language.JA);
        try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC())) {
            ConsoleClient officer = new ConsoleClient(jp.consoleUrl()).signedIn("sato", PASSWORD);

            ConsoleClient.Answer page = officer.get("/map");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<html lang=\"ja\"").contains("凡例").contains("自方").contains("相手方")
                    .contains("第三者").contains("最接近点").contains("data-send=\"案を送信\"")
                    .contains("<script src=\"/assets/leaflet.js\"").contains("<script src=\"/assets/map.js\"")
                    .doesNotContain("監視が動いていません");

            JsonNode data = awaitValue("an encounter on the map", Duration.ofSeconds(40),
                    () -> officer.json("/map/data"), d -> surface(d).isPresent()
                            && names(d).contains("JS KIRISAME") && names(d).contains(HOSTILE));
            assertThat(data.path("configured").asBoolean()).isTrue();
            assertThat(parties(data, "own")).contains("JS KIRISAME");
            assertThat(parties(data, "other")).contains("PLAN NANCHANG");
            assertThat(parties(data, "third")).as("an unlisted vessel is a third party").contains(HOSTILE);
            JsonNode kirisame = track(data, "JS KIRISAME");
            assertThat(kirisame.path("kind").asText()).isEqualTo("vessel");
            assertThat(kirisame.path("position").path("lat").asDouble()).isBetween(29.0, 31.0);
            assertThat(kirisame.path("course").asDouble()).isEqualTo(225.0);

            JsonNode encounter = surface(data).orElseThrow();
            assertThat(List.of(encounter.path("aName").asText(), encounter.path("bName").asText()))
                    .containsExactlyInAnyOrder("JS KIRISAME", "PLAN NANCHANG");
            assertThat(encounter.path("cpaNm").asDouble()).as("the scenario's pass is about a mile").isBetween(0.0, 2.0);
            assertThat(encounter.path("cpa").path("lat").asDouble()).isCloseTo(29.85, offset(0.1));
            assertThat(encounter.path("cpa").path("lon").asDouble()).isCloseTo(125.16, offset(0.1));
            assertThat(Instant.parse(encounter.path("cpaTime").asText()))
                    .isBetween(ScenarioGenerator.START.plusSeconds(15 * 60), ScenarioGenerator.START.plusSeconds(25 * 60));
            assertThat(data.path("zones").size()).isPositive();
            assertThat(data.path("zones").get(0).path("polygons").get(0).get(0).size()).as("a ring of [lon, lat]").isGreaterThan(3);

            JsonNode alert = alert(data, encounter.path("id").asText());
            assertThat(alert.path("text").asText()).as("in the officer's language")
                    .matches("海上遭遇：JP JS KIRISAME と CN PLAN NANCHANG、最接近 [0-9.]+ 海里（[0-9]+ 分後）");
            assertThat(alert.path("compose").asText())
                    .isEqualTo("/compose?alert=" + URLEncoder.encode(alert.path("id").asText(), StandardCharsets.UTF_8));

            String raw = officer.get("/map/data").body();
            assertThat(raw).as("the hostile name is a JSON string, as the feed gave it")
                    .contains("\"name\":\"" + HOSTILE + "\"");
            assertThat(officer.get("/map/data").header("Content-Type").orElseThrow())
                    .startsWith("application/json");
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void withoutAWatch_thePageSaysSo_andTheCoastlinesAreServedOnlyWithASession() throws Exception {
        StationPair s = StationPair.create(tmp);
        s.write(s.listening(JP, loopback(0)));
        officer(s, "smith", Language.EN);
        try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC())) {
            ConsoleClient stranger = new ConsoleClient(jp.consoleUrl());
            ConsoleClient.Answer refused = stranger.get("/map/data");
            assertThat(refused.status()).as("no session, no data").isEqualTo(303);
            assertThat(refused.header("Location").orElseThrow()).startsWith("/login");
            assertThat(refused.body()).doesNotContain("configured");
            ConsoleClient.Answer coast = stranger.get("/assets/coastline.geojson");
            assertThat(coast.status()).isEqualTo(303);
            assertThat(coast.body()).doesNotContain("FeatureCollection");

            ConsoleClient officer = new ConsoleClient(jp.consoleUrl()).signedIn("smith", PASSWORD);
            ConsoleClient.Answer page = officer.get("/map");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("This station runs no encounter watch").contains("Legend")
                    .contains("<div id=\"map\"");
            JsonNode data = officer.json("/map/data");
            assertThat(data.path("configured").asBoolean()).isFalse();
            assertThat(data.path("tracks").size()).isZero();

            ConsoleClient.Answer served = officer.get("/assets/coastline.geojson");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.header("Content-Type").orElseThrow()).startsWith("application/geo+json");
            JsonNode land = JSON.readTree(served.body());
            assertThat(land.path("type").asText()).isEqualTo("FeatureCollection");
            JsonNode geometry = land.path("features").get(0).path("geometry");
            assertThat(geometry.path("type").asText()).isEqualTo("MultiPolygon");
            assertThat(geometry.path("coordinates").size()).as("Natural Earth's 1:50m land polygons").isGreaterThan(1000);
            assertThat(officer.get("/assets/leaflet.js").status()).isEqualTo(200);
            assertThat(officer.get("/assets/map.js").status()).isEqualTo(200);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aChangingWatch_isAnnouncedOnTheEventStream() throws Exception {
        StationPair s = StationPair.create(tmp);
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(1).generate(scenario);
        s.write(s.listening(JP, loopback(0)));
        ConsoleStations.appendToConfig(s.jp(), ConsoleStations.demoWatch(scenario, false, "JP", "CN", 60));
        officer(s, "smith", Language.EN);
        try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC())) {
            ConsoleClient officer = new ConsoleClient(jp.consoleUrl()).signedIn("smith", PASSWORD);
            HttpResponse<Stream<String>> stream = officer.lines("/events").get(20, TimeUnit.SECONDS);
            assertThat(stream.statusCode()).isEqualTo(200);
            try (Stream<String> lines = stream.body()) {
                List<Instant> seen = new ArrayList<>();
                for (Iterator<String> line = lines.iterator(); line.hasNext() && seen.size() < 3; ) {
                    if (line.next().equals("event: watch")) {
                        seen.add(Instant.now());
                    }
                }
                assertThat(seen).hasSize(3);
                assertThat(Duration.between(seen.get(0), seen.get(2)))
                        .as("watch events come at most once a second").isGreaterThanOrEqualTo(Duration.ofMillis(1800));
            }
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aSafetyMessageWithMarkup_reachesTheMap_asTheTextReceived() throws Exception {
        StationPair s = StationPair.create(tmp);
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(1).generate(scenario);
        // AIS six-bit text has no lower case; this is the markup a radio can carry.
        String markup = "<IMG SRC=X ONERROR=ALERT(1)>";
        Path safety = scenario.resolve("safety.aivdm");
        Files.write(safety, new AisEncoder().safetyBroadcast(ScenarioGenerator.START.plusSeconds(60), 431999104, markup));
        s.write(s.listening(JP, loopback(0)));
        ConsoleStations.appendToConfig(s.jp(), ConsoleStations.demoWatch(scenario, false, "JP", "CN", 0) + """
                [[watch.sources]]
                kind = "replay"
                format = "ais"
                file = "%s"
                speed = 0
                """.formatted(safety));
        officer(s, "smith", Language.EN);
        try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC())) {
            ConsoleClient officer = new ConsoleClient(jp.consoleUrl()).signedIn("smith", PASSWORD);
            JsonNode data = awaitValue("the safety alert on the map", Duration.ofSeconds(30), () -> officer.json("/map/data"),
                    d -> d.path("alerts").findValuesAsText("text").stream().anyMatch(t -> t.contains("safety message")));
            assertThat(data.path("alerts").findValuesAsText("text"))
                    .contains("JP JS KIRISAME sent a safety message: \u201c" + markup + "\u201d");
            assertThat(officer.get("/map/data").body()).as("a JSON string, as received").contains(markup);
        }
    }

    @Test
    void mapScript_neverParsesDataAsHtml() throws IOException {
        try (InputStream in = Assets.class.getResourceAsStream("/org/macm/station/console/assets/map.js")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(script).doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write").doesNotContain("bindPopup").doesNotContain("eval(");
            assertThat(script).as("tooltips get DOM nodes built with text").contains("createTextNode").contains("textContent");
        }
    }

    private static List<String> hostileVessel() {
        List<String> lines = new ArrayList<>();
        for (int m = 0; m <= 40; m++) {
            lines.add(String.format(Locale.ROOT,
                    "{\"id\":\"900000001\",\"kind\":\"vessel\",\"time\":\"%s\",\"lat\":29.7,\"lon\":%.4f,"
                            + "\"course\":90,\"speed\":6,\"name\":%s}",
                    ScenarioGenerator.START.plusSeconds(60L * m), 125.0 + m * 0.002, quoted(HOSTILE)));
        }
        return lines;
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void officer(StationPair s, String name, Language language) {
        new OfficerRegistry(s.jp(), Clock.systemUTC(), new SecureRandom())
                .add(name, name.toUpperCase(Locale.ROOT), Role.DUTY, Optional.of(language),
                        Password.of(PASSWORD.toCharArray()));
    }

    private static Optional<JsonNode> surface(JsonNode data) {
        for (JsonNode e : data.path("encounters")) {
            if (e.path("kind").asText().equals("surface")) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static JsonNode alert(JsonNode data, String id) {
        for (JsonNode a : data.path("alerts")) {
            if (a.path("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no alert " + id + " in " + data.path("alerts"));
    }

    private static List<String> names(JsonNode data) {
        List<String> names = new ArrayList<>();
        data.path("tracks").forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    private static List<String> parties(JsonNode data, String party) {
        List<String> names = new ArrayList<>();
        data.path("tracks").forEach(t -> {
            if (t.path("party").asText().equals(party)) {
                names.add(t.path("name").asText());
            }
        });
        return names;
    }

    private static JsonNode track(JsonNode data, String name) {
        for (JsonNode t : data.path("tracks")) {
            if (t.path("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no track named " + name + " in " + data);
    }
}
