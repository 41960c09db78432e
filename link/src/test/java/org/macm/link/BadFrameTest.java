package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.testkit.Await.await;
import static org.macm.link.LinkFixtures.start;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.macm.core.log.RawEntry;

/**
 * A frame that cannot be parsed closes its path with an ERROR frame carrying MALFORMED_FRAME (as
 * docs/PROTOCOL.md says) and the reason; the station redials and the link carries valid entries
 * again. Entry bytes that cannot be read are not a broken frame: they go to the station's intake,
 * which refuses them, and the path stays up (docs/PROTOCOL.md §10 step 3).
 */
class BadFrameTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void malformedFrame_closesThePathAsMalformed_andTheLinkRecoversForValidEntries() throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn);
                Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(jpPeer.address())))
                        .withHeartbeat(Duration.ofSeconds(1), 30).withReconnect(Duration.ofMillis(50), Duration.ofMillis(200)))) {
            try (ScriptedPeer.Connection first = jpPeer.accept(DEADLINE)) {
                first.hello(DEADLINE);
                first.sendBytes(HexFormat.of().parseHex("000000017f")); // length 1, frame type 0x7f: no such type

                Frame.Failure refusal = first.next(Frame.Failure.class, DEADLINE);
                assertThat(refusal.code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
                assertThat(refusal.message()).hasValue("MALFORMED_FRAME: unknown frame type 127");
                assertThat(first.closedByStation(DEADLINE)).as("the path is closed after the ERROR frame").isTrue();
            }
            await("cn-mnd's status says why the path closed", DEADLINE, () -> cnLinks.status(jp.id()).orElseThrow().paths()
                    .get(0).lastError().equals(Optional.of("MALFORMED_FRAME: unknown frame type 127")), () -> cnLinks.status(jp.id()));

            try (ScriptedPeer.Connection second = jpPeer.accept(DEADLINE)) {
                second.hello(DEADLINE);
                second.send(Frame.Entries.of(jpPeer.entries(1, 3)));
                await("cn-mnd stores the valid entries sent on the new path", DEADLINE, () -> cnHost.heldSeq() == 3,
                        cnHost::offered);
                assertThat(cnHost.held()).isEqualTo(jpPeer.entries(1, 3));
                LinkStatus status = cnLinks.status(jp.id()).orElseThrow();
                assertThat(status.state()).isEqualTo(LinkState.UP);
                assertThat(status.closedForErrors()).as("the one path closed for the bad frame").isEqualTo(1);
            }
            jpPeer.stopAnswering(); // first, so that cn-mnd's next redial fails at once and its links close quickly
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void unreadableEntryBytes_goToTheIntake_andDoNotCloseThePath() throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn);
                Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(jpPeer.address())))
                        .withHeartbeat(Duration.ofSeconds(1), 30).withReconnect(Duration.ofMillis(50), Duration.ofMillis(200)))) {
            try (ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
                path.hello(DEADLINE);
                byte[] junk = "{\"not\":\"an entry\"}".getBytes(StandardCharsets.UTF_8);
                path.send(new Frame.Entries(List.of(RawEntry.of(jpPeer.entry(1)), RawEntry.of(junk, new byte[64]))));
                path.send(Frame.Entries.of(jpPeer.entries(2, 3)));
                await("cn-mnd stores the readable entries", DEADLINE, () -> cnHost.heldSeq() == 3, cnHost::offered);
                // the link counts a batch's refusals when the intake call for it returns, just after the host stored it
                await("the status counts the unreadable entry", DEADLINE,
                        () -> cnLinks.status(jp.id()).orElseThrow().refusedEntries() == 1, () -> cnLinks.status(jp.id()));
                LinkStatus status = cnLinks.status(jp.id()).orElseThrow();
                assertThat(status.closedForErrors()).isZero();
                assertThat(status.state()).isEqualTo(LinkState.UP);
            }
            jpPeer.stopAnswering();
        }
    }
}
