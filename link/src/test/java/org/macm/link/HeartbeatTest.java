package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.link.LinkFixtures.ANY_LOOPBACK_PORT;
import static org.macm.testkit.Await.await;
import static org.macm.link.LinkFixtures.loopback;
import static org.macm.link.LinkFixtures.start;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Liveness: a path on which nothing is heard for {@code heartbeatMisses} intervals is closed with
 * PEER_SILENT and the link is DOWN; a path whose peer keeps sending heartbeats stays UP however
 * long nothing else is sent.
 */
class HeartbeatTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost jpHost = new MemoryLinkHost(jp, cn);
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void silentPath_isClosedAsPeerSilent_andTheLinkGoesDown_afterTheConfiguredMisses_loggedAtWarn() throws Exception {
        Duration interval = Duration.ofMillis(200);
        int misses = 3;
        try (WarnLog log = WarnLog.of(PeerLink.class)) {
            silentPath(interval, misses, log);
        }
    }

    private void silentPath(Duration interval, int misses, WarnLog log) throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn);
                Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(jpPeer.address())))
                        .withHeartbeat(interval, misses));
                ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
            path.hello(DEADLINE);
            long lastSent = System.nanoTime();
            // jp-mod now says nothing at all, not even a heartbeat.

            Frame.Failure closing = path.next(Frame.Failure.class, DEADLINE);
            long silentMillis = (System.nanoTime() - lastSent) / 1_000_000;
            assertThat(closing.code()).isEqualTo(ErrorCode.PEER_SILENT);
            assertThat(silentMillis).as("closed only after %d intervals of %s", misses, interval)
                    .isGreaterThanOrEqualTo(interval.multipliedBy(misses).toMillis());
            assertThat(path.heartbeats()).as("cn-mnd kept sending its own heartbeats meanwhile").isPositive();

            await("cn-mnd's link to jp-mod is DOWN and its path closed", DEADLINE, () -> {
                LinkStatus status = cnLinks.status(jp.id()).orElseThrow();
                return status.state() == LinkState.DOWN && !status.paths().get(0).connected();
            }, () -> cnLinks.status(jp.id()));
            assertThat(cnLinks.status(jp.id()).orElseThrow().paths().get(0).lastError())
                    .hasValue("PEER_SILENT: nothing heard for 600 ms");
            assertThat(log.events()).as("the link going DOWN is one WARN line naming the peer")
                    .anySatisfy(e -> {
                        assertThat(e.getFormattedMessage()).startsWith("link to jp-mod is DOWN: no path to it is connected and heard (it was UP since ");
                        assertThat(e.getKeyValuePairs()).anySatisfy(kv -> {
                            assertThat(kv.key).isEqualTo("peer");
                            assertThat(kv.value).hasToString("jp-mod");
                        });
                    });
            jpPeer.stopAnswering(); // first, so that cn-mnd's next redial fails at once and its links close quickly
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void livePath_staysUp_throughManyHeartbeatIntervalsWithNothingElseSent() throws Exception {
        Duration interval = Duration.ofMillis(300);
        int misses = 4;
        try (Links jpLinks = start(jp, cn, jpHost, LinkConfig.of(jp.id(), List.of(ANY_LOOPBACK_PORT), Map.of())
                .withHeartbeat(interval, misses))) {
            LinkConfig cnConfig = LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(loopback(jpLinks.boundPorts().get(0)))))
                    .withHeartbeat(interval, misses);
            try (Links cnLinks = start(cn, jp, cnHost, cnConfig)) {
                await("the link is UP on both sides", DEADLINE,
                        () -> state(jpLinks, cn) == LinkState.UP && state(cnLinks, jp) == LinkState.UP,
                        () -> List.of(jpLinks.status(), cnLinks.status()));

                // Three times the silence limit: a missed heartbeat would show as DOWN in some sample.
                List<String> notUp = new ArrayList<>();
                long end = System.nanoTime() + interval.multipliedBy(misses * 3L).toNanos();
                while (System.nanoTime() - end < 0) {
                    if (state(jpLinks, cn) != LinkState.UP || state(cnLinks, jp) != LinkState.UP) {
                        notUp.add(jpLinks.status() + " / " + cnLinks.status());
                    }
                    Thread.sleep(20);
                }
                assertThat(notUp).isEmpty();
                assertThat(cnLinks.status(jp.id()).orElseThrow().paths().get(0).lastError()).isEmpty();
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void closingOurOwnLinks_isNoOutageWarning_butThePeerWarnsThatItsLinkIsDown() throws Exception {
        WarnLog log = WarnLog.of(PeerLink.class);
        try (Links jpLinks = start(jp, cn, jpHost, LinkConfig.of(jp.id(), List.of(ANY_LOOPBACK_PORT), Map.of())
                .withHeartbeat(Duration.ofMillis(200), 3))) {
            LinkConfig cnConfig = LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(loopback(jpLinks.boundPorts().get(0)))))
                    .withHeartbeat(Duration.ofMillis(200), 3);
            try (Links cnLinks = start(cn, jp, cnHost, cnConfig)) {
                await("the link is UP on both sides", DEADLINE,
                        () -> state(jpLinks, cn) == LinkState.UP && state(cnLinks, jp) == LinkState.UP,
                        () -> List.of(jpLinks.status(), cnLinks.status()));
            }
            await("jp-mod's link to cn-mnd is DOWN", DEADLINE, () -> state(jpLinks, cn) == LinkState.DOWN,
                    () -> jpLinks.status());
            assertThat(log.lines())
                    .as("cn-mnd stopped its own link: no warning from it; jp-mod lost its peer: one")
                    .noneMatch(m -> m.startsWith("link to jp-mod is DOWN"))
                    .anyMatch(m -> m.startsWith("link to cn-mnd is DOWN"));
        } finally {
            log.close();
        }
    }

    private static LinkState state(Links links, TestStation peer) {
        return links.status(peer.id()).orElseThrow().state();
    }
}
