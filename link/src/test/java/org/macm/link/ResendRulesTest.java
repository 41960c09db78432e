package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.link.LinkFixtures.start;
import static org.macm.testkit.Await.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.macm.core.log.RawEntry;

/**
 * RESEND names the first seq the peer lacks (docs/PROTOCOL.md §9, §10 step 3): from 1 up to
 * the sender's head + 1 it rewinds the path (from head + 1 there is nothing to send yet); from 0
 * it is malformed, since seqs start at 1; from beyond head + 1 it claims the peer holds entries
 * never written, refused like a HELLO claiming them (HEAD_BEYOND_LOG, counted).
 */
class ResendRulesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);

    @BeforeEach
    void fiveEntriesInCnsLog() {
        for (int i = 1; i <= 5; i++) {
            cnHost.append("message " + i);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void resendFromZero_isMalformed() throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn); Links cnLinks = dialling(jpPeer);
                ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
            path.hello(DEADLINE, cnHost.own().get(4).head());
            path.sendBytes(HexFormat.of().parseHex("00000009040000000000000000")); // RESEND from seq 0

            Frame.Failure refusal = path.next(Frame.Failure.class, DEADLINE);
            assertThat(refusal.code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
            assertThat(refusal.message()).hasValue("MALFORMED_FRAME: RESEND from seq 0: a log's seqs run from 1 to 2^63-1");
            assertThat(path.closedByStation(DEADLINE)).isTrue();
            await("cn-mnd counts the path closed for the bad frame", DEADLINE,
                    () -> cnLinks.status(jp.id()).orElseThrow().closedForErrors() == 1, () -> cnLinks.status(jp.id()));
            jpPeer.stopAnswering();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void resendFromBeyondHeadPlusOne_isAFalseClaim_refusedAsHeadBeyondLog_andCounted() throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn); Links cnLinks = dialling(jpPeer);
                ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
            path.hello(DEADLINE, cnHost.own().get(4).head());
            path.send(new Frame.Resend(7));

            Frame.Failure refusal = path.next(Frame.Failure.class, DEADLINE);
            assertThat(refusal.code()).isEqualTo(ErrorCode.HEAD_BEYOND_LOG);
            assertThat(refusal.message()).hasValue("HEAD_BEYOND_LOG: jp-mod asks us to resend our log from seq 7, but our log"
                    + " to it ends at seq 5; refusing the path");
            assertThat(path.closedByStation(DEADLINE)).isTrue();
            await("cn-mnd counts the false claim", DEADLINE, () -> cnLinks.status(jp.id()).orElseThrow().refusedClaims() == 1,
                    () -> cnLinks.status(jp.id()));
            jpPeer.stopAnswering();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void resendFromHeadPlusOne_sendsNothing_andThePathStaysUp_whileAnEarlierSeqRewindsIt() throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn); Links cnLinks = dialling(jpPeer);
                ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
            path.hello(DEADLINE, cnHost.own().get(4).head());
            path.send(new Frame.Resend(6));
            path.next(Frame.Heartbeat.class, DEADLINE);
            path.next(Frame.Heartbeat.class, DEADLINE); // a second one: a second of quiet, and no ERROR before it

            path.send(new Frame.Resend(3));
            Frame.Entries again = path.next(Frame.Entries.class, DEADLINE);
            assertThat(again.entries().stream().map(RawEntry::read).toList()).isEqualTo(cnHost.own().subList(2, 5));
            LinkStatus status = cnLinks.status(jp.id()).orElseThrow();
            assertThat(status.state()).isEqualTo(LinkState.UP);
            assertThat(status.refusedClaims()).isZero();
            assertThat(status.closedForErrors()).isZero();
            jpPeer.stopAnswering();
        }
    }

    private Links dialling(ScriptedPeer jpPeer) {
        return start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(jpPeer.address())))
                .withHeartbeat(Duration.ofSeconds(1), 30).withReconnect(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }
}
