package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.link.LinkFixtures.start;
import static org.macm.testkit.Await.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;

/**
 * What a peer says it holds of our log (HELLO's and HEARTBEAT's {@code peerHead}) is checked
 * against our log before it is shown: a seq beyond our head is refused with HEAD_BEYOND_LOG and
 * counted; a seq we wrote with another hash is a fork, refused with HEAD_MISMATCH and kept as
 * evidence. Both are WARN lines, and a true claim afterwards brings the link up as usual.
 */
class PeerHeadClaimTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);
    private final WarnLog log = WarnLog.of(Session.class);

    @BeforeEach
    void sixteenEntriesInCnsLog() {
        for (int i = 1; i <= 16; i++) {
            cnHost.append("message " + i);
        }
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void helloClaimingSeqBeyondOurHead_isRefusedAsHeadBeyondLog_countedAndNotShown_thenATrueClaimComesUp() throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn); Links cnLinks = dialling(jpPeer)) {
            try (ScriptedPeer.Connection liar = jpPeer.accept(DEADLINE)) {
                liar.hello(DEADLINE, new Head(999, hashOf("x")));

                Frame.Failure refusal = liar.next(Frame.Failure.class, DEADLINE);
                assertThat(refusal.code()).isEqualTo(ErrorCode.HEAD_BEYOND_LOG);
                assertThat(refusal.message().orElseThrow()).startsWith(
                        "HEAD_BEYOND_LOG: jp-mod says it holds our log to seq 999, but our log to it ends at seq 16");
                assertThat(liar.closedByStation(DEADLINE)).as("the path is closed after the ERROR frame").isTrue();
            }
            await("cn-mnd counts the refused claim and says why the path closed", DEADLINE, () -> status(cnLinks).refusedClaims() == 1
                    && status(cnLinks).paths().get(0).lastError().isPresent(), () -> status(cnLinks));
            LinkStatus afterLie = status(cnLinks);
            assertThat(afterLie.peerReportsHolding()).as("the false claim is not shown as held").isEqualTo(Head.EMPTY);
            assertThat(afterLie.paths().get(0).lastError().orElseThrow()).startsWith("HEAD_BEYOND_LOG: ");
            assertThat(afterLie.fork()).isEmpty();
            assertThat(warnings()).anyMatch(m -> m.contains("jp-mod says it holds our log to seq 999, but our log to it ends at seq 16"));

            try (ScriptedPeer.Connection honest = jpPeer.accept(DEADLINE)) {
                honest.hello(DEADLINE, cnHost.own().get(4).head());
                Frame.Entries resync = honest.next(Frame.Entries.class, DEADLINE);
                assertThat(resync.entries().get(0).read().seq()).as("resync from the true claim").isEqualTo(6);
                await("the link is UP and shows the true claim", DEADLINE, () -> status(cnLinks).state() == LinkState.UP
                        && status(cnLinks).peerReportsHolding().seq() == 5, () -> status(cnLinks));
            }
            jpPeer.stopAnswering();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void heartbeatClaimingSeqBeyondOurHead_closesTheRunningPath_asHeadBeyondLog() throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn); Links cnLinks = dialling(jpPeer);
                ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
            path.hello(DEADLINE, cnHost.own().get(15).head());
            await("the link is UP", DEADLINE, () -> status(cnLinks).state() == LinkState.UP, () -> status(cnLinks));

            path.send(new Frame.Heartbeat(jpPeer.entry(10).head(), new Head(17, hashOf("x"))));

            assertThat(path.next(Frame.Failure.class, DEADLINE).code()).isEqualTo(ErrorCode.HEAD_BEYOND_LOG);
            await("cn-mnd counts the refused claim", DEADLINE, () -> status(cnLinks).refusedClaims() == 1, () -> status(cnLinks));
            assertThat(status(cnLinks).peerReportsHolding().seq()).as("still the last true claim").isEqualTo(16);
            jpPeer.stopAnswering();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void helloClaimingAHeldSeqWithAnotherHash_isAFork_refusedAsHeadMismatch_andKeptAsEvidence() throws Exception {
        Head forged = new Head(5, hashOf("not cn-mnd's seq 5"));
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn); Links cnLinks = dialling(jpPeer)) {
            try (ScriptedPeer.Connection forked = jpPeer.accept(DEADLINE)) {
                forked.hello(DEADLINE, forged);

                Frame.Failure refusal = forked.next(Frame.Failure.class, DEADLINE);
                assertThat(refusal.code()).isEqualTo(ErrorCode.HEAD_MISMATCH);
                assertThat(refusal.message().orElseThrow()).contains("jp-mod holds our seq 5 with hash "
                        + forged.hash().shortHex() + ", but ours is " + cnHost.own().get(4).hash().shortHex());
                assertThat(forked.closedByStation(DEADLINE)).isTrue();
            }
            await("cn-mnd keeps the fork as evidence", DEADLINE, () -> status(cnLinks).fork().isPresent(), () -> status(cnLinks));
            ForkEvidence evidence = status(cnLinks).fork().orElseThrow();
            assertThat(evidence.claimed()).isEqualTo(forged);
            assertThat(evidence.ours()).isEqualTo(cnHost.own().get(4).hash());
            assertThat(status(cnLinks).peerReportsHolding()).isEqualTo(Head.EMPTY);
            assertThat(warnings()).anyMatch(m -> m.contains("the two copies of our log differ"));
            jpPeer.stopAnswering();
        }
    }

    private Links dialling(ScriptedPeer jpPeer) {
        return start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(jpPeer.address())))
                .withHeartbeat(Duration.ofSeconds(1), 30).withReconnect(Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    private LinkStatus status(Links links) {
        return links.status(jp.id()).orElseThrow();
    }

    private List<String> warnings() {
        return log.lines();
    }

    private static EntryHash hashOf(String text) {
        return EntryHash.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
