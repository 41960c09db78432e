package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.link.LinkFixtures.ANY_LOOPBACK_PORT;
import static org.macm.testkit.Await.await;
import static org.macm.link.LinkFixtures.loopback;
import static org.macm.link.LinkFixtures.start;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * After a path comes back, the sender resends from what the peer says it holds (the high-water
 * mark in the peer's HELLO), not from where its last session stopped: nothing is lost and
 * nothing is sent twice.
 */
class ResendAfterReconnectTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost jpHost = new MemoryLinkHost(jp, cn);
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void reconnect_resendsFromThePeersHighWaterMark_nothingLostNothingTwice() throws Exception {
        for (int i = 1; i <= 20; i++) {
            jpHost.append("before the outage " + i);
        }
        LinkConfig jpConfig = LinkConfig.of(jp.id(), List.of(ANY_LOOPBACK_PORT), Map.of());
        try (Links jpLinks = start(jp, cn, jpHost, jpConfig)) {
            LinkConfig cnConfig = LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(loopback(jpLinks.boundPorts().get(0)))))
                    .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
            try (Links cnLinks = start(cn, jp, cnHost, cnConfig)) {
                await("cn-mnd holds jp-mod's 20 entries", DEADLINE, () -> cnHost.heldSeq() == 20,
                        () -> cnHost.offered() + " " + cnLinks.status());
            }
            await("jp-mod sees the link down", DEADLINE,
                    () -> jpLinks.status(cn.id()).orElseThrow().state() == LinkState.DOWN, () -> jpLinks.status(cn.id()));

            // cn-mnd comes back holding less than it had received (restored from an older copy), and
            // jp-mod wrote more meanwhile: jp-mod must start from what cn-mnd now says it holds.
            cnHost.forgetPeerEntriesAfter(12);
            for (int i = 21; i <= 50; i++) {
                jpHost.append("during the outage " + i);
            }
            jpLinks.appended(cn.id());
            try (Links cnLinks = start(cn, jp, cnHost, cnConfig)) {
                await("cn-mnd holds all 50 entries after reconnecting", DEADLINE, () -> cnHost.heldSeq() == 50,
                        () -> cnHost.offered() + " " + cnLinks.status());
            }
        }

        assertThat(cnHost.held()).as("cn-mnd's copy of jp-mod's log, byte for byte").isEqualTo(jpHost.own());
        Map<Long, Integer> expected = new TreeMap<>();
        for (long seq = 1; seq <= 50; seq++) {
            expected.put(seq, seq >= 13 && seq <= 20 ? 2 : 1); // 13..20 again only because cn-mnd lost them
        }
        assertThat(cnHost.offered()).as("how often each entry reached cn-mnd").isEqualTo(expected);
        assertThat(cnHost.duplicates()).isZero();
        assertThat(cnHost.gapsReported()).as("resumed from the HELLO, so no gap had to be re-requested").isEmpty();
    }
}
