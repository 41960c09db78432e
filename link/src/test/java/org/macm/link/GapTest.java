package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.testkit.Await.await;
import static org.macm.link.LinkFixtures.start;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Entries past a gap are held back, not stored, and the missing ones are asked for with a RESEND frame. */
class GapTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void entriesPastAGap_areHeldBack_andTheMissingOnesReRequested() throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn);
                Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(jpPeer.address())))
                        .withHeartbeat(Duration.ofSeconds(1), 30));
                ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
            path.hello(DEADLINE);
            path.send(Frame.Entries.of(jpPeer.entries(1, 2)));
            path.send(Frame.Entries.of(jpPeer.entries(4, 5))); // the frame with entry 3 was lost

            Frame.Resend resend = path.next(Frame.Resend.class, DEADLINE);
            assertThat(resend.fromSeq()).as("cn-mnd asks again from the first missing entry").isEqualTo(3);
            assertThat(cnHost.held()).as("4 and 5 are held back until 3 arrives").isEqualTo(jpPeer.entries(1, 2));

            path.send(Frame.Entries.of(jpPeer.entries(3, 5)));
            await("cn-mnd holds entries 1 to 5", DEADLINE, () -> cnHost.heldSeq() == 5,
                    () -> cnHost.offered() + " " + cnLinks.status());
            assertThat(cnHost.held()).isEqualTo(jpPeer.entries(1, 5));
            jpPeer.stopAnswering(); // first, so that cn-mnd's next redial fails at once and its links close quickly
        }
        assertThat(cnHost.gapsReported()).containsExactly(3L);
        assertThat(cnHost.offered()).as("4 and 5 were offered twice, stored once").isEqualTo(
                Map.of(1L, 1, 2L, 1, 3L, 1, 4L, 2, 5L, 2));
    }
}
