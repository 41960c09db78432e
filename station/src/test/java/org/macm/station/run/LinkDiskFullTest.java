package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;
import static org.macm.testkit.Await.awaitValue;

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
import org.macm.station.StationPair;
import org.macm.testkit.FreePort;
import org.macm.testkit.Tmpfs;

/**
 * The receiving station's disk fills up while messages arrive: it stores nothing it cannot
 * make durable, the sender sees why the path keeps closing, nothing already held is lost, and
 * once there is room again every message arrives once and is receipted. A real full disk: a
 * small tmpfs under cn-mnd's store, which needs root (CI runs as root); skipped loudly elsewhere.
 */
class LinkDiskFullTest {
    @TempDir
    Path tmp;

    private Tmpfs disk;

    @BeforeEach
    void mountSmallDisk() {
        disk = Tmpfs.mount(tmp.resolve("disk"), "8m");
    }

    @AfterEach
    void unmount() {
        if (disk != null) {
            disk.close();
        }
    }

    private static Body text(String s) {
        return new Body.Message(Precedence.PRIORITY, new MessageContent.FreeText("en", s));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void receiverDiskFull_pathClosesWithAReason_nothingHeldIsLost_andAllArrivesOnceThereIsRoom() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        int port = FreePort.loopback();
        s.write(s.listening(CN, loopback(port)).withStore(disk.dir().resolve("macm.db")));
        s.write(s.dialling(JP, loopback(port)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test");
                StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test")) {
            awaitValue("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state(), LinkState.UP::equals);
            for (int i = 0; i < 5; i++) {
                jp.station().write(CN, text("before the disk filled " + i));
            }
            await("the first messages held at cn-mnd", Duration.ofSeconds(20), () -> cn.station().store()
                    .head(cn.station().peerLog(JP)).equals(jp.station().store().head(jp.station().ownLog(CN))));
            List<SignedEntry> heldBefore = cn.station().store().read(cn.station().peerLog(JP), 1, 100);

            Path filler = disk.fill();
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
                String status = CliRun.run("status", "--dir", s.cn().dir().toString()).out();
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
            assertThat(CliRun.run("status", "--dir", s.cn().dir().toString()).out()).doesNotContain("STORE FAILING");
        }
    }
}
