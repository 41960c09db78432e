package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;
import static org.macm.testkit.Await.awaitValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.link.LinkState;
import org.macm.station.StationInit;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.api.ApiToken;
import org.macm.station.config.ConfigException;
import org.macm.station.config.ConfigFile;
import org.macm.station.demo.ScenarioGenerator;
import org.macm.testkit.Tmpfs;

/**
 * Issue 14, "Metrics and health": two stations exchange messages over real TLS on loopback
 * with {@code [metrics] listen} set, and Prometheus's own text parser reads each scrape. The
 * counters move as the traffic does, every path is up, the heads agree, a refused entry is
 * counted with its reason; {@code /healthz} and {@code /readyz} answer without a token on the
 * API and the metrics listeners while everything else on the API still needs it.
 */
class MetricsEndpointTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private static final Path ROOT = Path.of(System.getProperty("macm.root", ".."));
    /** A metric name as the dashboard's queries and the alert rules write one. */
    private static final Pattern METRIC_NAME = Pattern.compile("\\b(?:macm|jvm|process)_[a-z_]+\\b");

    private final HttpClient http = HttpClient.newHttpClient();

    private static Body text(String s) {
        return new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", s));
    }

    /** Turns the metrics listener on in {@code station}'s station.toml, on any free loopback port. */
    private static void metricsOn(StationLayout station) throws IOException {
        Files.writeString(station.config(), "\n[metrics]\nlisten = \"127.0.0.1:0\"\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /** A scrape of {@code station}'s /metrics, for a wait's probe (which throws nothing checked but interruption). */
    private PrometheusScrape scrape(StationRuntime station) throws InterruptedException {
        try {
            return PrometheusScrape.of(http, metrics(station));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds to {@code station}'s station.toml an encounter watch replaying, at full speed, a
     * generated scenario that raises encounters and a feed of two bad lines (a bad checksum, no NMEA).
     */
    private static void watchOn(StationLayout station, Path scenario) throws IOException {
        new ScenarioGenerator(1).generate(scenario);
        Files.writeString(scenario.resolve("junk.aivdm"), "!AIVDM,1,1,,A,garbage,0*00\nnot nmea\n");
        Files.writeString(station.config(), """

                [watch]
                units = "%s"
                side = "JP"
                other-side = "CN"
                [[watch.sources]]
                kind = "replay"
                format = "ais"
                file = "%s"
                speed = 0
                [[watch.sources]]
                kind = "replay"
                format = "ais"
                file = "%s"
                speed = 0
                """.formatted(scenario.resolve("units.toml"), scenario.resolve("ecs.aivdm"), scenario.resolve("junk.aivdm")),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static InetSocketAddress metrics(StationRuntime station) {
        return station.metricsAddress().orElseThrow(() -> new AssertionError("no metrics listener"));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void twoStationsExchanging_countersMove_everyPathIsUp_andHeadsAgree() throws Exception {
        PrometheusScrape.requireParser();
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        s.write(s.listening(CN, loopback(0, 0)));
        metricsOn(s.cn());
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test-catalog")) {
            s.write(s.dialling(JP, loopback(cn.linkPorts())));
            watchOn(s.jp(), tmp.resolve("scenario"));
            metricsOn(s.jp());
            try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test-catalog")) {
                await("both paths up", DEADLINE, () -> jp.links().status(CN).orElseThrow().state() == LinkState.UP
                        && jp.links().status(CN).orElseThrow().paths().size() == 2, () -> jp.links().status(CN));
                await("what each wrote at start is across", DEADLINE, () -> inStep(jp, cn));
                PrometheusScrape jpBefore = PrometheusScrape.of(http, metrics(jp));
                PrometheusScrape cnBefore = PrometheusScrape.of(http, metrics(cn));
                assertThat(jpBefore.contentType()).startsWith("text/plain; version=0.0.4");

                int n = 25;
                for (int i = 0; i < n; i++) {
                    jp.station().write(CN, text("jp " + i));
                    if (i == n / 2) {
                        // A scrape in the middle of the exchange parses as well as one at rest.
                        assertThat(PrometheusScrape.of(http, metrics(cn)).find("macm_entries_received_total")).isNotEmpty();
                    }
                }
                await("cn-mnd holds jp-mod's whole log", DEADLINE, () -> inStep(jp, cn));
                PrometheusScrape jpAfter = awaitValue("jp-mod's messages receipted", DEADLINE,
                        () -> scrape(jp),
                        m -> m.value("macm_receipts_pending", "peer", CN.value()) == 0);
                PrometheusScrape cnAfter = PrometheusScrape.of(http, metrics(cn));

                // cn-mnd stored each of the n messages once; jp-mod sent each at least once (on each path it may go out).
                assertThat(received(cnAfter, JP) - received(cnBefore, JP)).isEqualTo(n);
                assertThat(sent(jpAfter, CN) - sent(jpBefore, CN)).isGreaterThanOrEqualTo(n);
                // cn-mnd's receipts went the other way: jp-mod received them.
                assertThat(received(jpAfter, CN)).isGreaterThan(0);
                assertThat(cnAfter.value("macm_entries_refused_total", "peer", JP.value(), "reason", "bad_signature"))
                        .isZero();

                for (StationId peer : List.of(CN, JP)) {
                    PrometheusScrape m = peer.equals(CN) ? jpAfter : cnAfter;
                    List<PrometheusScrape.Sample> paths = m.find("macm_link_up", "peer", peer.value()).stream()
                            .filter(x -> !x.labels().get("path").equals("all")).toList();
                    if (peer.equals(CN)) {
                        // jp-mod dials: one row per endpoint it dials.
                        assertThat(paths).extracting(p -> p.labels().get("path")).containsExactlyInAnyOrderElementsOf(
                                cn.linkPorts().stream().map(port -> "127.0.0.1:" + port).toList());
                    } else {
                        // cn-mnd accepts both paths from one host: one row, without the peer's ephemeral ports.
                        assertThat(paths).extracting(p -> p.labels().get("path")).containsExactly("inbound from 127.0.0.1");
                    }
                    assertThat(paths).allSatisfy(p -> assertThat(p.value().getAsDouble()).isEqualTo(1.0));
                    assertThat(m.value("macm_link_up", "peer", peer.value(), "path", "all")).isEqualTo(1.0);
                    assertThat(m.value("macm_link_state", "peer", peer.value(), "path", "all", "state", "up")).isEqualTo(1.0);
                    assertThat(m.value("macm_link_state", "peer", peer.value(), "path", "all", "state", "down")).isZero();
                    assertThat(m.find("macm_heartbeat_age_seconds", "peer", peer.value())).hasSize(paths.size())
                            .allSatisfy(a -> assertThat(a.value().getAsDouble()).isGreaterThanOrEqualTo(0));
                    assertThat(m.value("macm_store_commit_seconds_count")).isGreaterThan(0);
                    assertThat(m.find("macm_store_commit_seconds_bucket")).isNotEmpty();
                    assertThat(m.value("macm_store_commit_failures_total")).isZero();
                    assertThat(m.value("macm_store_disk_free_bytes")).isGreaterThan(0);
                    assertThat(m.value("macm_acks_pending", "precedence", "routine")).isEqualTo(n);
                    assertThat(m.value("macm_acks_overdue", "precedence", "flash")).isZero();
                    assertThat(m.value("macm_escalations_total", "precedence", "flash")).isZero();
                    assertThat(m.value("macm_link_tests_missed_total", "peer", peer.value())).isZero();
                    assertThat(m.find("jvm_memory_used_bytes")).isNotEmpty();
                    assertThat(m.find("process_uptime_seconds")).isNotEmpty();
                }

                // Both stations' heads of jp-mod's log agree, and are the store's.
                String jpLog = jp.station().ownLog(CN).toString();
                String cnLog = cn.station().ownLog(JP).toString();
                long jpHead = jp.station().store().head(jp.station().ownLog(CN)).seq();
                assertThat(jpAfter.value("macm_log_head", "log", jpLog)).isEqualTo((double) jpHead);
                assertThat(cnAfter.value("macm_log_head", "log", jpLog)).isEqualTo((double) jpHead);
                assertThat(jpAfter.value("macm_log_head", "log", cnLog)).isEqualTo(cnAfter.value("macm_log_head", "log", cnLog));

                // Kept as the example of a real scrape (docs/OPERATIONS.md, "Metrics and health").
                Files.writeString(Path.of("target", "metrics-sample-jp-mod.txt"), jpAfter.text(), StandardCharsets.UTF_8);
                // Every metric the sample dashboard and alert rules read is one the station serves.
                Set<String> served = jpAfter.samples().stream().map(PrometheusScrape.Sample::name).collect(Collectors.toSet());
                served.add("up"); // Prometheus's own, per scrape target
                for (Path file : List.of(ROOT.resolve("packaging/grafana/macm-dashboard.json"),
                        ROOT.resolve("packaging/prometheus/macm-alerts.yml"))) {
                    Matcher used = METRIC_NAME.matcher(Files.readString(file));
                    while (used.find()) {
                        assertThat(served).as(file + " reads " + used.group()).contains(used.group());
                    }
                }
                // No message text and no officer in any label.
                assertThat(jpAfter.samples()).noneMatch(x -> x.labels().values().stream().anyMatch(v -> v.contains("jp 1")));
            }
            // jp-mod stopped: at cn-mnd the link is DOWN, what the alert rule MacmLinkDown reads.
            PrometheusScrape down = awaitValue("the link DOWN at cn-mnd", DEADLINE, () -> scrape(cn),
                    m -> m.value("macm_link_state", "peer", JP.value(), "path", "all", "state", "down") == 1);
            assertThat(down.value("macm_link_up", "peer", JP.value(), "path", "all")).isZero();
            assertThat(down.value("macm_link_state", "peer", JP.value(), "path", "all", "state", "up")).isZero();
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aFlashLeftUnacknowledged_isOverdueAndEscalatedOnce_andAnAcknowledgementClearsIt_butNotTheCount() throws Exception {
        PrometheusScrape.requireParser();
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        s.write(s.listening(CN, loopback(0)));
        metricsOn(s.cn());
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test-catalog")) {
            // jp-mod allows one second for a FLASH: its messages are held to the deadlines it announces.
            s.write(s.dialling(JP, loopback(cn.linkPorts())).withAckDeadline(Precedence.FLASH, Duration.ofSeconds(1)));
            metricsOn(s.jp());
            try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test-catalog")) {
                SignedEntry flash = jp.station().write(CN, new Body.Message(Precedence.FLASH,
                        new MessageContent.FreeText("en", "vessel closing, answer now")));
                for (StationRuntime station : List.of(jp, cn)) {
                    PrometheusScrape late = awaitValue("the FLASH escalated", DEADLINE, () -> scrape(station),
                            m -> m.value("macm_escalations_total", "precedence", "flash") > 0);
                    assertThat(late.value("macm_escalations_total", "precedence", "flash")).isEqualTo(1.0);
                    assertThat(late.value("macm_acks_overdue", "precedence", "flash")).isEqualTo(1.0);
                    assertThat(late.value("macm_acks_pending", "precedence", "flash")).isEqualTo(1.0);
                }
                cn.station().acknowledge(JP, flash.seq(), "Lt Wang", Optional.empty());
                PrometheusScrape answered = awaitValue("the acknowledgement back at jp-mod", DEADLINE, () -> scrape(jp),
                        m -> m.value("macm_acks_pending", "precedence", "flash") == 0);
                assertThat(answered.value("macm_acks_overdue", "precedence", "flash")).isZero();
                assertThat(answered.value("macm_escalations_total", "precedence", "flash")).as("a count, not a state")
                        .isEqualTo(1.0);
                assertThat(answered.text()).doesNotContain("Wang").doesNotContain("vessel closing");
            }
        }
    }

    private static boolean inStep(StationRuntime jp, StationRuntime cn) {
        return cn.station().store().head(cn.station().peerLog(JP)).equals(jp.station().store().head(jp.station().ownLog(CN)))
                && jp.station().store().head(jp.station().peerLog(CN)).equals(cn.station().store().head(cn.station().ownLog(JP)));
    }

    private static double sent(PrometheusScrape m, StationId peer) {
        return m.value("macm_entries_sent_total", "peer", peer.value());
    }

    private static double received(PrometheusScrape m, StationId peer) {
        return m.value("macm_entries_received_total", "peer", peer.value());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aPeerEntryWithABadSignature_countsAsRefused_withItsReason() throws Exception {
        PrometheusScrape.requireParser();
        StationPair s = StationPair.create(tmp);
        s.write(s.listening(CN, loopback(0)));
        metricsOn(s.cn());
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test-catalog")) {
            InetSocketAddress link = new InetSocketAddress(InetAddress.getLoopbackAddress(), cn.linkPorts().get(0));
            LogId jpLog = new LogId(LinkId.between(JP, CN), JP);
            // Signed, but not with jp-mod's pinned key.
            SignedEntry forged = new LogWriter(jpLog, SigningKey.generate(new SecureRandom()), Clock.systemUTC())
                    .next(Head.EMPTY, Head.EMPTY, text("not jp-mod's signature"));
            try (LyingPeer jp = new LyingPeer(s, link, Head.EMPTY)) {
                assertThat(PrometheusScrape.of(http, metrics(cn))
                        .value("macm_entries_refused_total", "peer", JP.value(), "reason", "bad_signature")).isZero();
                jp.send(List.of(forged));
                PrometheusScrape after = awaitValue("the refusal counted", DEADLINE, () -> scrape(cn),
                        m -> m.value("macm_entries_refused_total", "peer", JP.value(), "reason", "bad_signature") > 0);
                assertThat(after.value("macm_entries_refused_total", "peer", JP.value(), "reason", "bad_signature"))
                        .isEqualTo(1);
                assertThat(after.value("macm_entries_refused_total", "peer", JP.value(), "reason", "chain_broken")).isZero();
                assertThat(after.value("macm_entries_received_total", "peer", JP.value())).isZero();
            }
        }
    }

    /** An answer: status, Content-Type and body. */
    private record Answer(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private Answer get(InetSocketAddress at, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at.getPort() + path))
                .timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void healthAndReadiness_answerWithoutToken_onApiAndMetricsListeners_andTheRestOfTheApiStillNeedsIt() throws Exception {
        StationPair s = StationPair.create(tmp);
        s.write(s.listening(CN, loopback(0)));
        metricsOn(s.cn());
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test-catalog")) {
            for (InetSocketAddress at : List.of(cn.apiAddress(), metrics(cn))) {
                Answer live = get(at, "/healthz");
                assertThat(live.status()).isEqualTo(200);
                assertThat(live.contentType()).startsWith("application/json");
                assertThat(live.json()).isEqualTo(JSON.readTree("{\"status\":\"up\"}"));
                Answer ready = get(at, "/readyz");
                assertThat(ready.status()).isEqualTo(200);
                assertThat(ready.json()).isEqualTo(JSON.readTree(
                        "{\"ready\":true,\"checks\":{\"store\":\"ok\",\"key\":\"ok\",\"links\":\"ok\"}}"));
            }
            String bearer = ApiToken.read(s.cn().dir().resolve("api.token")).bearer();
            // The API: everything but health still needs the token, /metrics is not there even with it.
            assertThat(get(cn.apiAddress(), "/api/v1/status").status()).isEqualTo(401);
            assertThat(get(cn.apiAddress(), "/metrics").status()).isEqualTo(401);
            assertThat(get(cn.apiAddress(), "/api/v1/status", "Authorization", bearer).status()).isEqualTo(200);
            assertThat(get(cn.apiAddress(), "/metrics", "Authorization", bearer).status()).isEqualTo(404);
            // The metrics listener serves its three paths and nothing of the API's, token or not.
            assertThat(get(metrics(cn), "/api/v1/status", "Authorization", bearer).status()).isEqualTo(404);
            assertThat(get(metrics(cn), "/metrics").status()).isEqualTo(200);
            // The console does not open its listener to them.
            InetSocketAddress console = InetSocketAddress.createUnresolved("127.0.0.1",
                    URI.create(cn.consoleUrl()).getPort());
            assertThat(get(console, "/healthz").status()).isNotEqualTo(200);
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aStationWithNoPeer_isLiveButNotReady_andSaysWhichCheckFailed() throws Exception {
        StationLayout alone = new StationLayout(tmp.resolve("alone"));
        new StationInit(new SecureRandom(), Clock.systemUTC()).create(alone, StationId.of("kr-mnd"));
        metricsOn(alone);
        try (StationRuntime station = StationRuntime.start(alone, Clock.systemUTC(), "test-catalog")) {
            for (InetSocketAddress at : List.of(station.apiAddress(), metrics(station))) {
                assertThat(get(at, "/healthz").status()).isEqualTo(200);
                Answer ready = get(at, "/readyz");
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json().path("ready").asBoolean()).isFalse();
                assertThat(ready.json().path("checks").path("store").asText()).isEqualTo("ok");
                assertThat(ready.json().path("checks").path("links").asText())
                        .isEqualTo("no link configured: pin a peer with 'macm peer add'");
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theEncounterWatch_countsUpdates_alertsByKind_andFeedRejectsByReason() throws Exception {
        PrometheusScrape.requireParser();
        StationLayout alone = new StationLayout(tmp.resolve("alone"));
        new StationInit(new SecureRandom(), Clock.systemUTC()).create(alone, StationId.of("kr-mnd"));
        watchOn(alone, tmp.resolve("scenario"));
        metricsOn(alone);
        try (StationRuntime station = StationRuntime.start(alone, Clock.systemUTC(), "test-catalog")) {
            PrometheusScrape m = awaitValue("an encounter alert counted", DEADLINE, () -> scrape(station),
                    x -> x.value("macm_alerts_total", "kind", "encounter") >= 1);
            assertThat(m.value("macm_watch_updates_total")).isGreaterThan(0);
            assertThat(m.value("macm_alerts_total", "kind", "safety")).isZero();
            double badChecksums = m.find("macm_feed_rejects_total", "reason", "bad_checksum").stream()
                    .mapToDouble(x -> x.value().orElse(0)).sum();
            assertThat(badChecksums).as("the junk feed's bad line").isEqualTo(1.0);
            assertThat(m.find("macm_feed_rejects_total", "reason", "beast_broken_frames")).hasSize(2)
                    .allSatisfy(x -> assertThat(x.value().getAsDouble()).isZero());
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aFullDisk_countsCommitFailures_andMakesTheStationNotReady_untilThereIsRoom() throws Exception {
        PrometheusScrape.requireParser();
        try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), "8m")) {
            StationPair s = StationPair.create(tmp);
            s.write(s.listening(CN, loopback(0)).withStore(disk.dir().resolve("macm.db")));
            metricsOn(s.cn());
            try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test-catalog")) {
                assertThat(get(metrics(cn), "/readyz").status()).isEqualTo(200);
                Path filler = disk.fill();
                // A commit that fits in space the WAL already holds can still succeed: write until one fails.
                await("a commit failed on the full disk", DEADLINE, () -> {
                    try {
                        cn.station().write(JP, text("x".repeat(4_000)));
                    } catch (RuntimeException e) {
                        // The store refused: what the metrics must show.
                    }
                    return scrape(cn).value("macm_store_commit_failures_total") > 0;
                });
                Answer notReady = get(metrics(cn), "/readyz");
                assertThat(notReady.status()).isEqualTo(503);
                assertThat(notReady.json().path("ready").asBoolean()).isFalse();
                assertThat(notReady.json().path("checks").path("store").asText()).startsWith("failing since ")
                        .doesNotContain(disk.dir().toString());
                assertThat(get(cn.apiAddress(), "/readyz").status()).isEqualTo(503);
                assertThat(get(cn.apiAddress(), "/healthz").status()).isEqualTo(200);

                Files.delete(filler);
                cn.station().write(JP, text("there is room again"));
                assertThat(get(metrics(cn), "/readyz").status()).isEqualTo(200);
                assertThat(scrape(cn).value("macm_store_disk_free_bytes")).isGreaterThan(0);
            }
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void everyMacmMetric_passesPromtoolsLint() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            // Debian's prometheus package is large; .ci/run does not install it (MonitoringFilesTest says the same).
            System.err.println("*** SKIPPED: " + promtool + " is missing, so the metric names are not linted. Install it with:"
                    + " apt-get install -y --no-install-recommends prometheus ***");
            Assumptions.abort("skipped: " + promtool + " is missing");
        }
        StationPair s = StationPair.create(tmp);
        s.write(s.listening(CN, loopback(0)));
        watchOn(s.cn(), tmp.resolve("scenario"));
        metricsOn(s.cn());
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test-catalog")) {
            String text = get(metrics(cn), "/metrics").body();
            Process lint = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
            try (var in = lint.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(lint.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Micrometer's own JVM binders draw two remarks (process_cpu_time_ns_total, system_cpu_count); ours none.
            assertThat(out).doesNotContainIgnoringCase("error");
            assertThat(out.lines().filter(l -> l.contains("macm_")).toList()).as(out).isEmpty();
        }
    }

    @Test
    void metricsAreOffByDefault_andABarePortListensOnLoopback() throws Exception {
        StationPair s = StationPair.create(tmp);
        s.write(s.listening(CN, loopback(0)));
        assertThat(new ConfigFile().read(s.cn().config()).metrics()).isEmpty();
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test-catalog")) {
            assertThat(cn.metricsAddress()).isEmpty();
        }
        Files.writeString(s.cn().config(), "\n[metrics]\nlisten = \"9464\"\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        InetSocketAddress listen = new ConfigFile().read(s.cn().config()).metrics().orElseThrow();
        assertThat(listen.getAddress().isLoopbackAddress()).isTrue();
        assertThat(listen.getPort()).isEqualTo(9464);
    }

    @Test
    void aMetricsTableWithoutListen_isRefusedWithTheFix() throws Exception {
        StationPair s = StationPair.create(tmp);
        s.write(s.listening(CN, loopback(0)));
        Files.writeString(s.cn().config(), "\n[metrics]\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThatThrownBy(() -> new ConfigFile().read(s.cn().config())).isInstanceOf(ConfigException.class)
                .hasMessage("config file " + s.cn().config() + ": [metrics] needs 'listen', e.g. listen = \"127.0.0.1:9464\" "
                        + "(or remove [metrics] to leave the metrics listener off)");
    }
}
