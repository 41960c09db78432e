package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;
import static org.macm.testkit.Await.awaitValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.link.LinkState;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.station.cli.CliRun;

/**
 * Evidence without stopping the hotline: {@code macm export} while the station runs goes
 * through its API and gives a consistent prefix of the log, byte for byte what an offline
 * export gives, while the peer keeps sending.
 */
class OnlineExportTest {
    private static final String ONLINE = "(online: through the running station's API, up to the log's head when the export began)";
    private static final String OFFLINE = "(offline: read from the store, the station is not running)";

    @TempDir
    Path tmp;

    /** cn-mnd listens, jp-mod dials it; both run until the caller closes them. */
    private record Running(StationPair pair, StationRuntime cn, StationRuntime jp) implements AutoCloseable {
        static Running start(Path tmp) throws InterruptedException {
            StationPair s = StationPair.create(tmp).withLinkTests(Duration.ofHours(12), false);
            s.write(s.listening(CN, loopback(0)));
            StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test");
            s.write(s.dialling(JP, loopback(cn.linkPorts().get(0))));
            StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test");
            awaitValue("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state(), LinkState.UP::equals);
            return new Running(s, cn, jp);
        }

        @Override
        public void close() {
            jp.close();
            cn.close();
        }
    }

    private static Body message(String text) {
        return new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", text));
    }

    private static CliRun export(Path dir, String author, Path out) {
        return CliRun.run("export", "--dir", dir.toString(), "--link", "cn-mnd~jp-mod", "--author", author,
                "--out", out.toString());
    }

    private static CliRun verify(Path export, Path identity) {
        return CliRun.run("verify", export.toString(), "--key", identity.toString());
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void exportWhileThePeerSends200PerSecond_isAConsistentPrefix_byteIdenticalToTheOfflineExport_andVerifies()
            throws Exception {
        Path cnDir;
        Path jpDir;
        Path cnOwn = tmp.resolve("online-cn-own.jsonl");
        Path jpAtCn = tmp.resolve("online-jp-at-cn.jsonl");
        Path jpOwn = tmp.resolve("online-jp-own.jsonl");
        long duringFirst;
        Duration took;
        try (Running r = Running.start(tmp.resolve("pair"))) {
            cnDir = r.pair().cn().dir();
            jpDir = r.pair().jp().dir();
            Station jp = r.jp().station();
            Station cn = r.cn().station();
            // A log long enough that its export is read in many pages while entries arrive.
            int preload = 2_000;
            try (ExecutorService burst = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int from = t;
                    done.add(burst.submit(() -> {
                        for (int i = from; i < preload; i += 16) {
                            jp.write(CN, message("preload " + i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            long preloaded = jp.store().head(jp.ownLog(CN)).seq();
            await("cn-mnd to hold the preload", Duration.ofSeconds(60),
                    () -> cn.store().head(cn.peerLog(JP)).seq() >= preloaded);

            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong sent = new AtomicLong();
            Thread sender = Thread.ofPlatform().name("test-sender-200/s").start(() -> {
                // Open loop: each message has its due time, 5 ms after the one before, whatever the last write took.
                long start = System.nanoTime();
                for (long n = 0; !stop.get(); n++) {
                    long wait = start + n * 5_000_000L - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    jp.write(CN, message("during the export " + n));
                    sent.incrementAndGet();
                }
            });
            try {
                await("the flow to run", Duration.ofSeconds(10), () -> sent.get() >= 100);
                long before = cn.store().head(cn.peerLog(JP)).seq();
                long started = System.nanoTime();
                CliRun first = export(cnDir, "jp-mod", jpAtCn);
                took = Duration.ofNanos(System.nanoTime() - started);
                duringFirst = cn.store().head(cn.peerLog(JP)).seq() - before;
                assertThat(first.exitCode()).as(first.err()).isZero();
                assertThat(first.out()).endsWith(ONLINE + "\n");
                CliRun second = export(cnDir, "cn-mnd", cnOwn);
                assertThat(second.exitCode()).as(second.err()).isZero();
                assertThat(second.out()).endsWith(ONLINE + "\n");
                CliRun third = export(jpDir, "jp-mod", jpOwn);
                assertThat(third.exitCode()).as(third.err()).isZero();
                assertThat(third.out()).endsWith(ONLINE + "\n");
                // Keep sending a while, so the offline exports surely hold more than the online ones.
                long after = sent.get();
                await("more sent after the exports", Duration.ofSeconds(10), () -> sent.get() >= after + 100);
            } finally {
                stop.set(true);
                sender.join();
            }
            assertThat(Files.readAllLines(jpAtCn)).as("the online export holds at least the preload")
                    .hasSizeGreaterThanOrEqualTo(preload);
        }

        for (Path online : List.of(jpAtCn, cnOwn, jpOwn)) {
            boolean atJp = online.equals(jpOwn);
            Path offline = tmp.resolve("offline-" + online.getFileName());
            CliRun off = export(atJp ? jpDir : cnDir, online.equals(cnOwn) ? "cn-mnd" : "jp-mod", offline);
            assertThat(off.exitCode()).as(off.err()).isZero();
            assertThat(off.out()).endsWith(OFFLINE + "\n");
            byte[] on = Files.readAllBytes(online);
            byte[] all = Files.readAllBytes(offline);
            assertThat(all.length).as("%s: the log grew after the online export", online.getFileName())
                    .isGreaterThan(on.length);
            assertThat(Arrays.copyOf(all, on.length)).as("%s is the offline export's prefix, byte for byte",
                    online.getFileName()).isEqualTo(on);
            assertThat(all[on.length - 1]).as("the online export ends with a whole line").isEqualTo((byte) '\n');
            Path identity = (online.equals(cnOwn) ? cnDir : jpDir).resolve("identity.toml");
            CliRun verified = verify(online, identity);
            assertThat(verified.exitCode()).as(verified.out()).isZero();
            assertThat(verified.out()).endsWith("VERIFIED\n");
        }
        System.out.println("OnlineExportTest: " + Files.readAllLines(jpAtCn).size() + " entries exported online in "
                + took.toMillis() + " ms (macm export in process) while " + duringFirst + " more arrived");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void onlineExport_withoutTheToken_is401_andHoldsNoEntry() throws Exception {
        try (Running r = Running.start(tmp)) {
            r.jp().station().write(CN, message("evidence"));
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + r.cn().apiAddress().getPort() + "/api/v1/exports/jp-mod/cn-mnd");
            for (String auth : new String[] {null, "Bearer wrong-token"}) {
                HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
                if (auth != null) {
                    b.header("Authorization", auth);
                }
                HttpResponse<String> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("with %s", auth).isEqualTo(401);
                assertThat(answer.body()).contains("missing or wrong API token").doesNotContain("signature");
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void onlineExport_ofAnUnknownPeerOrLog_is404_withOneLine() throws Exception {
        try (Running r = Running.start(tmp)) {
            ApiCalls api = new ApiCalls(r.pair().cn());
            ApiCalls.Answer noPeer = api.get("/api/v1/exports/kr-jcs/cn-mnd");
            assertThat(noPeer.status()).isEqualTo(404);
            assertThat(noPeer.error()).isEqualTo("no peer kr-jcs is pinned at station cn-mnd (macm peer list shows the pinned peers)");
            ApiCalls.Answer noAuthor = api.get("/api/v1/exports/jp-mod/kr-jcs");
            assertThat(noAuthor.status()).isEqualTo(404);
            assertThat(noAuthor.error()).isEqualTo("link cn-mnd~jp-mod has no log by kr-jcs: the author is cn-mnd or jp-mod");

            CliRun cli = CliRun.run("export", "--dir", r.pair().cn().dir().toString(), "--link", "kr-jcs",
                    "--out", tmp.resolve("x.jsonl").toString());
            assertThat(cli.exitCode()).isEqualTo(1);
            assertThat(cli.errorLine()).isEqualTo("macm: no peer kr-jcs is pinned at station cn-mnd (macm peer list shows the pinned peers)");
            assertThat(tmp.resolve("x.jsonl")).doesNotExist();
            assertThat(tmp.resolve(".x.jsonl.part")).doesNotExist();
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void cliOnlineExport_whenNothingFlows_printsTheSameFileAsTheOfflineExport() throws Exception {
        Path online = tmp.resolve("online.jsonl");
        Path offline = tmp.resolve("offline.jsonl");
        CliRun on;
        try (Running r = Running.start(tmp.resolve("pair"))) {
            for (int i = 0; i < 20; i++) {
                r.jp().station().write(CN, message("before the export " + i));
            }
            Station cn = r.cn().station();
            Station jp = r.jp().station();
            // Quiet: cn-mnd holds all of jp-mod's log, and jp-mod writes nothing more.
            await("cn-mnd to hold jp-mod's log", Duration.ofSeconds(20),
                    () -> cn.store().head(cn.peerLog(JP)).equals(jp.store().head(jp.ownLog(CN))));
            on = CliRun.run("export", "--dir", r.pair().cn().dir().toString(), "--link", "jp-mod", "--author", "jp-mod",
                    "--out", online.toString());
        }
        CliRun off = CliRun.run("export", "--dir", tmp.resolve("pair/cn-mnd").toString(), "--link", "jp-mod", "--author",
                "jp-mod", "--out", offline.toString());
        assertThat(on.exitCode()).as(on.err()).isZero();
        assertThat(off.exitCode()).as(off.err()).isZero();
        long entries = Files.readAllLines(offline).size();
        assertThat(entries).isGreaterThanOrEqualTo(20);
        assertThat(on.out()).isEqualTo("Exported " + entries + " entries of log cn-mnd~jp-mod/jp-mod to " + online + "\n"
                + ONLINE + "\n");
        assertThat(off.out()).isEqualTo("Exported " + entries + " entries of log cn-mnd~jp-mod/jp-mod to " + offline + "\n"
                + OFFLINE + "\n");
        assertThat(Files.readAllBytes(online)).isEqualTo(Files.readAllBytes(offline));
    }
}
