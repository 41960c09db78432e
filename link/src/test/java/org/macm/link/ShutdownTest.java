package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.link.LinkFixtures.ANY_LOOPBACK_PORT;
import static org.macm.link.LinkFixtures.loopback;
import static org.macm.link.LinkFixtures.start;
import static org.macm.testkit.Await.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stopping station says so: it sends ERROR SHUTDOWN on every live path before closing it, with
 * a bounded wait, so its peer shows the link DOWN because the peer stopped at once instead of at
 * the heartbeat limit, and reconnects as usual when the station is back.
 */
class ShutdownTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    /** Silence would take 30 s to notice: anything faster is the SHUTDOWN frame. */
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final int MISSES = 30;

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost jpHost = new MemoryLinkHost(jp, cn);
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void peerStopping_showsTheLinkDownAtOnceAsPeerStopped_atWarn_andItReconnectsWhenThePeerIsBack() throws Exception {
        WarnLog log = WarnLog.of(PeerLink.class);
        Links jpLinks = start(jp, cn, jpHost, LinkConfig.of(jp.id(), List.of(ANY_LOOPBACK_PORT), Map.of())
                .withHeartbeat(INTERVAL, MISSES));
        int port = jpLinks.boundPorts().get(0);
        try (Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(loopback(port))))
                .withHeartbeat(INTERVAL, MISSES).withReconnect(Duration.ofMillis(50), Duration.ofMillis(200)))) {
            await("the link is UP", DEADLINE, () -> status(cnLinks).state() == LinkState.UP, cnLinks::status);

            long stopAt = System.nanoTime();
            jpLinks.close();
            await("cn-mnd shows the link DOWN because jp-mod stopped", DEADLINE,
                    () -> status(cnLinks).state() == LinkState.DOWN && status(cnLinks).peerStopped().isPresent(), cnLinks::status);
            long noticedMillis = (System.nanoTime() - stopAt) / 1_000_000;
            assertThat(noticedMillis).as("at once, not at the %d s heartbeat limit", MISSES).isLessThan(2_000);
            assertThat(log.lines())
                    .as("one WARN line that says the peer stopped in order, none from jp-mod which stopped itself")
                    .anyMatch(m -> m.startsWith("link to jp-mod is DOWN: the peer stopped (SHUTDOWN); it was UP since "))
                    .noneMatch(m -> m.startsWith("link to jp-mod is DOWN: no path"))
                    .noneMatch(m -> m.startsWith("link to cn-mnd is DOWN"));

            jpLinks = start(jp, cn, jpHost, LinkConfig.of(jp.id(), List.of(loopback(port)), Map.of())
                    .withHeartbeat(INTERVAL, MISSES));
            await("cn-mnd reconnects when jp-mod is back", DEADLINE, () -> status(cnLinks).state() == LinkState.UP
                    && status(cnLinks).peerStopped().isEmpty(), cnLinks::status);
        } finally {
            jpLinks.close();
            log.close();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void stoppingStation_sendsShutdownOnTheWire() throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn)) {
            Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(jpPeer.address())))
                    .withHeartbeat(INTERVAL, MISSES));
            try (ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
            path.hello(DEADLINE);
            await("the link is UP", DEADLINE, () -> status(cnLinks).state() == LinkState.UP, cnLinks::status);
            jpPeer.stopAnswering();

            cnLinks.close();

            Frame.Failure last = path.next(Frame.Failure.class, DEADLINE);
            assertThat(last.code()).isEqualTo(ErrorCode.SHUTDOWN);
            assertThat(last.message()).hasValue("the station is stopping");
            assertThat(path.closedByStation(DEADLINE)).as("and then closes the path").isTrue();
            } finally {
                cnLinks.close();
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void stopping_isBounded_whenThePeerReadsNothingAndTheSenderIsStuckInAWrite() throws Exception {
        String big = "x".repeat(30_000);
        for (int i = 0; i < 400; i++) {
            cnHost.append(big); // 12 MB: more than the socket buffers hold, so the sender blocks in a write
        }
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn)) {
            Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(jpPeer.address())))
                    .withHeartbeat(INTERVAL, MISSES));
            try (ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
            path.hello(DEADLINE);
            jpPeer.stopAnswering();
            Thread.sleep(500); // jp-mod reads nothing more: cn-mnd's sender fills the buffers and waits

            long start = System.nanoTime();
            cnLinks.close();
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis).as("the stop waits a bounded time for its SHUTDOWN frame").isLessThan(5_000);
            } finally {
                cnLinks.close();
            }
        }
    }

    private LinkStatus status(Links links) {
        return links.status(jp.id()).orElseThrow();
    }
}
