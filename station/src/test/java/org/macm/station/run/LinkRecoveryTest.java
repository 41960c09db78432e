package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;
import static org.macm.testkit.Await.awaitValue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.LinkCheck;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.link.LinkState;
import org.macm.station.StationPair;
import org.macm.testkit.FreePort;

/**
 * The peer goes away: the link turns DOWN within the heartbeat limit, messages written
 * meanwhile stay durable here, and when the peer comes back the link resyncs them, once.
 */
class LinkRecoveryTest {
    @TempDir
    Path tmp;

    private static Body text(String s) {
        return new Body.Message(Precedence.PRIORITY, new MessageContent.FreeText("en", s));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void peerStops_linkGoesDownWithinTheHeartbeatLimit_andResyncsEverythingWhenItReturns() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        int port = FreePort.loopback();
        s.write(s.listening(CN, loopback(port)));
        s.write(s.dialling(JP, loopback(port)));
        StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test");
        try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test")) {
            awaitValue("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state(), LinkState.UP::equals);
            jp.station().write(CN, text("before the outage"));

            long stopped = System.nanoTime();
            cn.close();
            // 3 x 200 ms of silence, plus scheduling slack on a busy 2-core machine.
            await("link down", Duration.ofSeconds(5), () -> jp.links().status(CN).orElseThrow().state() == LinkState.DOWN,
                    () -> jp.links().status(CN));
            long detectedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
            assertThat(detectedMillis).as("DOWN detected after %d ms", detectedMillis).isLessThan(5_000);

            for (int i = 0; i < 50; i++) {
                jp.station().write(CN, text("during the outage " + i));
            }
            cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test");
            StationRuntime back = cn;
            awaitValue("link up again", Duration.ofSeconds(30), () -> jp.links().status(CN).orElseThrow().state(), LinkState.UP::equals);
            await("the outage's messages delivered", Duration.ofSeconds(30), () -> back.station().store()
                    .head(back.station().peerLog(JP)).equals(jp.station().store().head(jp.station().ownLog(CN))));
            List<SignedEntry> jpLog = jp.station().store().read(jp.station().ownLog(CN), 1, Integer.MAX_VALUE);
            assertThat(back.station().store().read(back.station().peerLog(JP), 1, Integer.MAX_VALUE)).isEqualTo(jpLog);
            await("receipts back at jp-mod", Duration.ofSeconds(30), () -> jp.station().store()
                    .head(jp.station().peerLog(CN)).equals(back.station().store().head(back.station().ownLog(JP))));
            LinkCheck.check(jpLog, jp.station().store().read(jp.station().peerLog(CN), 1, Integer.MAX_VALUE));
        } finally {
            cn.close();
        }
    }
}
