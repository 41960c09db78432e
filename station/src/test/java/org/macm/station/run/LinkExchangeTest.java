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

/** Two running stations on loopback over real TLS, two paths: both logs arrive whole, once, in order. */
class LinkExchangeTest {
    @TempDir
    Path tmp;

    private static Body text(String s) {
        return new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", s));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void messagesBothWays_overTwoPaths_arriveOnceInOrder_andBothCopiesAreIdentical() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        s.write(s.listening(CN, loopback(0, 0)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test-catalog")) {
            s.write(s.dialling(JP, loopback(cn.linkPorts())));
            try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test-catalog")) {
                await("both paths up", Duration.ofSeconds(20),
                        () -> jp.links().status(CN).orElseThrow().state() == LinkState.UP
                                && jp.links().status(CN).orElseThrow().paths().size() == 2,
                        () -> jp.links().status(CN));
                for (int i = 0; i < 200; i++) {
                    jp.station().write(CN, text("jp " + i));
                    cn.station().write(JP, text("cn " + i));
                }
                await("each holds the other's whole log", Duration.ofSeconds(60), () ->
                        cn.station().store().head(cn.station().peerLog(JP)).equals(jp.station().store().head(jp.station().ownLog(CN)))
                        && jp.station().store().head(jp.station().peerLog(CN)).equals(cn.station().store().head(cn.station().ownLog(JP))));
                List<SignedEntry> jpLog = jp.station().store().read(jp.station().ownLog(CN), 1, Integer.MAX_VALUE);
                List<SignedEntry> cnLog = cn.station().store().read(cn.station().ownLog(JP), 1, Integer.MAX_VALUE);
                assertThat(cn.station().store().read(cn.station().peerLog(JP), 1, Integer.MAX_VALUE)).isEqualTo(jpLog);
                assertThat(jp.station().store().read(jp.station().peerLog(CN), 1, Integer.MAX_VALUE)).isEqualTo(cnLog);
                LinkCheck.check(jpLog, cnLog);
                assertThat(jpLog.stream().filter(e -> e.entry().body() instanceof Body.Message).count()).isEqualTo(200);
                assertThat(cn.station().store().equivocations(cn.station().peerLog(JP))).isEmpty();
            }
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void peerWithAnotherTemplateCatalog_keepsTheLinkUp_andStatusWarns() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        s.write(s.listening(CN, loopback(0)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "a-different-catalog")) {
            s.write(s.dialling(JP, loopback(cn.linkPorts().get(0))));
            try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC())) {
                // Each side learns of the mismatch from the other's HELLO: wait for both, not just one.
                awaitValue("link up at jp-mod", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state(),
                        LinkState.UP::equals);
                awaitValue("link up at cn-mnd", Duration.ofSeconds(20), () -> cn.links().status(JP).orElseThrow().state(),
                        LinkState.UP::equals);
                assertThat(jp.links().status(CN).orElseThrow().catalogMatches()).isFalse();
                assertThat(cn.links().status(JP).orElseThrow().catalogMatches()).isFalse();
                jp.station().write(CN, text("still delivered"));
                await("delivery despite the mismatch", Duration.ofSeconds(20),
                        () -> cn.station().store().head(cn.station().peerLog(JP)).seq() >= 2);
            }
        }
    }
}
