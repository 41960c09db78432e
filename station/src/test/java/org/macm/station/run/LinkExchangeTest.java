package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.run.TwoStations.CN;
import static org.macm.station.run.TwoStations.JP;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.LinkCheck;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.link.LinkState;

/** Two running stations on loopback over real TLS, two paths: both logs arrive whole, once, in order. */
class LinkExchangeTest {
    @TempDir
    Path tmp;

    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        await(what, limit, condition, () -> "");
    }

    /** Waits for {@code condition}; on time-out the failure shows {@code evidence} (log lines, state). */
    static void await(String what, Duration limit, BooleanSupplier condition, java.util.function.Supplier<Object> evidence)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for: " + what + "; evidence: "
                        + evidence.get());
            }
            Thread.sleep(20);
        }
    }

    private static Body text(String s) {
        return new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", s));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void messagesBothWays_overTwoPaths_arriveOnceInOrder_andBothCopiesAreIdentical() throws Exception {
        TwoStations s = new TwoStations(tmp);
        TwoStations.configure(s.cn, CN, List.of("127.0.0.1:0", "127.0.0.1:0"), JP, List.of(), "200ms");
        try (StationRuntime cn = StationRuntime.start(s.cn, Clock.systemUTC(), "test-catalog")) {
            List<String> endpoints = cn.linkPorts().stream().map(p -> "127.0.0.1:" + p).toList();
            TwoStations.configure(s.jp, JP, List.of(), CN, endpoints, "200ms");
            try (StationRuntime jp = StationRuntime.start(s.jp, Clock.systemUTC(), "test-catalog")) {
                await("both paths up", Duration.ofSeconds(20),
                        () -> jp.links().status(CN).orElseThrow().state() == LinkState.UP
                                && jp.links().status(CN).orElseThrow().paths().size() == 2);
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
        TwoStations s = new TwoStations(tmp);
        TwoStations.configure(s.cn, CN, List.of("127.0.0.1:0"), JP, List.of(), "200ms");
        try (StationRuntime cn = StationRuntime.start(s.cn, Clock.systemUTC(), "a-different-catalog")) {
            TwoStations.configure(s.jp, JP, List.of(), CN, List.of("127.0.0.1:" + cn.linkPorts().get(0)), "200ms");
            try (StationRuntime jp = StationRuntime.start(s.jp, Clock.systemUTC())) {
                await("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state() == LinkState.UP);
                assertThat(jp.links().status(CN).orElseThrow().catalogMatches()).isFalse();
                assertThat(cn.links().status(JP).orElseThrow().catalogMatches()).isFalse();
                jp.station().write(CN, text("still delivered"));
                await("delivery despite the mismatch", Duration.ofSeconds(20),
                        () -> cn.station().store().head(cn.station().peerLog(JP)).seq() >= 2);
            }
        }
    }
}
