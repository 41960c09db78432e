package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.link.LinkFixtures.ANY_LOOPBACK_PORT;
import static org.macm.link.LinkFixtures.loopback;
import static org.macm.link.LinkFixtures.start;
import static org.macm.testkit.Await.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A path's state changes are one structured WARN each ({@code event=link.state}, peer, path,
 * state, reason): UP once when it connects, DOWN once when it closes, and nothing more while
 * the dialler keeps failing to reach a peer that is gone.
 */
class PathStateLogTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost jpHost = new MemoryLinkHost(jp, cn);
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);

    private static Map<String, String> fields(ILoggingEvent e) {
        return e.getKeyValuePairs() == null ? Map.of()
                : e.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> String.valueOf(kv.value)));
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void aPathUpThenDown_isOneWarnEach_andFailedRedialsAddNone() throws Exception {
        WarnLog log = WarnLog.of(PeerLink.class);
        Links jpLinks = start(jp, cn, jpHost, LinkConfig.of(jp.id(), List.of(ANY_LOOPBACK_PORT), Map.of()));
        int port = jpLinks.boundPorts().get(0);
        String path = loopback(port).getHostString() + ":" + port; // as Links names a dialled path
        try (Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(loopback(port))))
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(50)))) {
            await("the link is UP", DEADLINE, () -> cnLinks.status(jp.id()).orElseThrow().state() == LinkState.UP,
                    cnLinks::status);
            jpLinks.close();
            // Once a redial has failed, the path's last error is the refused connection, not the SHUTDOWN.
            await("cn-mnd has redialled and failed", DEADLINE, () -> cnLinks.status(jp.id()).orElseThrow().paths().get(0)
                    .lastError().filter(e -> !e.startsWith("SHUTDOWN")).isPresent(), cnLinks::status);

            List<Map<String, String>> pathLines = log.events().stream().map(PathStateLogTest::fields)
                    .filter(f -> "link.state".equals(f.get("event")) && f.containsKey("path")
                            && "jp-mod".equals(f.get("peer")))
                    .toList();
            assertThat(pathLines).hasSize(2);
            assertThat(pathLines.get(0)).containsEntry("path", path).containsEntry("state", "UP").containsKey("seq");
            assertThat(pathLines.get(1)).containsEntry("path", path).containsEntry("state", "DOWN")
                    .containsEntry("reason", "SHUTDOWN: the peer stopped");
        } finally {
            jpLinks.close();
            log.close();
        }
    }
}
