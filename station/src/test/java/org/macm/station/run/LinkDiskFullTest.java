package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.macm.station.run.LinkExchangeTest.await;
import static org.macm.station.run.TwoStations.CN;
import static org.macm.station.run.TwoStations.JP;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.LinkCheck;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.link.LinkState;
import org.macm.link.PathStatus;
import org.macm.station.cli.CliRun;

/**
 * The receiving station's disk fills up while messages arrive: it stores nothing it cannot
 * make durable, the sender sees why the path keeps closing, nothing already held is lost, and
 * once there is room again every message arrives once and is receipted. A real full disk: a
 * small tmpfs under cn-mnd's store, which needs root (CI runs as root); skipped elsewhere.
 */
class LinkDiskFullTest {
    @TempDir
    Path tmp;

    private Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = tmp.resolve("disk");
        Files.createDirectories(disk);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk.toString()) == 0,
                "skipped: mounting an 8 MiB tmpfs needs root (CI runs as root)");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", "-l", disk.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static Body text(String s) {
        return new Body.Message(Precedence.PRIORITY, new MessageContent.FreeText("en", s));
    }

    private static void fill(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
            }
        } catch (IOException expectedWhenFull) {
            // The disk is now full.
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void receiverDiskFull_pathClosesWithAReason_nothingHeldIsLost_andAllArrivesOnceThereIsRoom() throws Exception {
        TwoStations s = new TwoStations(tmp);
        int port = TwoStations.freePort();
        TwoStations.configure(s.cn, CN, List.of("127.0.0.1:" + port), JP, List.of(), "200ms");
        TwoStations.configure(s.jp, JP, List.of(), CN, List.of("127.0.0.1:" + port), "200ms");
        String config = Files.readString(s.cn.config());
        Files.writeString(s.cn.config(), config.replaceFirst("station = \"cn-mnd\"\n",
                "station = \"cn-mnd\"\nstore = \"" + disk.resolve("macm.db") + "\"\n"));
        try (StationRuntime cn = StationRuntime.start(s.cn, Clock.systemUTC(), "test");
                StationRuntime jp = StationRuntime.start(s.jp, Clock.systemUTC(), "test")) {
            await("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state() == LinkState.UP);
            for (int i = 0; i < 5; i++) {
                jp.station().write(CN, text("before the disk filled " + i));
            }
            await("the first messages held at cn-mnd", Duration.ofSeconds(20), () -> cn.station().store()
                    .head(cn.station().peerLog(JP)).equals(jp.station().store().head(jp.station().ownLog(CN))));
            List<SignedEntry> heldBefore = cn.station().store().read(cn.station().peerLog(JP), 1, 100);

            Path filler = disk.resolve("filler");
            fill(filler);
            for (int i = 0; i < 40; i++) {
                jp.station().write(CN, text("while cn-mnd's disk is full " + i + " " + "x".repeat(2_000)));
            }
            await("jp-mod told why the path closes", Duration.ofSeconds(30), () -> jp.links().status(CN).orElseThrow()
                    .paths().stream().map(PathStatus::lastError).flatMap(Optional::stream)
                    .anyMatch(e -> e.contains("INTERNAL")), () -> jp.links().status(CN));
            assertThat(cn.station().store().read(cn.station().peerLog(JP), 1, 100)).as("what cn-mnd held before")
                    .startsWith(heldBefore.toArray(SignedEntry[]::new));
            // cn-mnd's duty officer sees it in the status, not only in the log. (Polled: a commit
            // that fits in space the WAL already holds can still succeed now and then.)
            await("cn-mnd's status shows the full disk", Duration.ofSeconds(30), () -> {
                String status = CliRun.run("status", "--dir", s.cn.dir().toString()).out();
                return status.contains("STORE FAILING since") && status.contains("the disk is full. Free space on that disk");
            });

            Files.delete(filler);
            List<SignedEntry> jpLog = jp.station().store().read(jp.station().ownLog(CN), 1, Integer.MAX_VALUE);
            await("every message at cn-mnd once there is room", Duration.ofSeconds(30), () -> cn.station().store()
                    .head(cn.station().peerLog(JP)).equals(jpLog.get(jpLog.size() - 1).head()));
            assertThat(cn.station().store().read(cn.station().peerLog(JP), 1, Integer.MAX_VALUE)).isEqualTo(jpLog);
            await("receipts back at jp-mod", Duration.ofSeconds(30), () -> jp.station().store()
                    .head(jp.station().peerLog(CN)).equals(cn.station().store().head(cn.station().ownLog(JP))));
            LinkCheck.check(jpLog, jp.station().store().read(jp.station().peerLog(CN), 1, Integer.MAX_VALUE));
            assertThat(CliRun.run("status", "--dir", s.cn.dir().toString()).out()).doesNotContain("STORE FAILING");
        }
    }
}
