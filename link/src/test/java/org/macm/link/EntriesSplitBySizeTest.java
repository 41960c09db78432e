package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.link.LinkFixtures.start;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.macm.core.log.EntryCodec;
import org.macm.core.log.SignedEntry;

/**
 * An ENTRIES frame is split by size, not only by count (docs/PROTOCOL.md §9): a log of entries
 * of the largest size, 65,536 bytes, goes out in frames that each fit the 1,048,576-byte frame
 * limit (15 such entries to a frame), in order, every entry once; a peer reading them with the
 * limit enforced takes them all.
 */
class EntriesSplitBySizeTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int ENTRIES = 40;

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void maximalEntries_goOutInFramesWithinTheLimit_inOrder_eachOnce() throws Exception {
        for (int i = 0; i < ENTRIES; i++) {
            cnHost.appendOfSize(EntryCodec.MAX_ENTRY_BYTES);
        }
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn);
                Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(jpPeer.address())))
                        .withHeartbeat(Duration.ofSeconds(1), 30).withReconnect(Duration.ofSeconds(5), Duration.ofSeconds(5)));
                ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
            path.hello(DEADLINE);
            List<SignedEntry> received = new ArrayList<>();
            List<Integer> frameBytes = new ArrayList<>();
            while (received.size() < ENTRIES) {
                // FrameCodec.read, under the scripted peer, refuses any frame over the limit (FRAME_TOO_LARGE).
                Frame.Entries frame = path.next(Frame.Entries.class, DEADLINE);
                frameBytes.add(5 + 2 + frame.entries().stream().mapToInt(e -> FrameCodec.entrySize(e.read())).sum());
                frame.entries().forEach(e -> received.add(e.read()));
            }
            assertThat(received).isEqualTo(cnHost.own());
            assertThat(frameBytes).allMatch(n -> n <= 4 + FrameCodec.MAX_FRAME_BYTES);
            assertThat(frameBytes).as("15 maximal entries to a frame, then the rest").containsExactly(
                    7 + 15 * 65_604, 7 + 15 * 65_604, 7 + 10 * 65_604);
            assertThat(cnLinks.status(jp.id()).orElseThrow().closedForErrors()).isZero();
            jpPeer.stopAnswering();
        }
    }
}
