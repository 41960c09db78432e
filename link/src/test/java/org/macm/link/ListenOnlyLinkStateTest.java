package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.link.LinkFixtures.ANY_LOOPBACK_PORT;
import static org.macm.link.LinkFixtures.loopback;
import static org.macm.link.LinkFixtures.start;
import static org.macm.testkit.Await.await;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;

/**
 * The known paths of a station that only listens (docs/PROTOCOL.md §8, §10 step 6) are the
 * inbound paths while they are open: its link is DOWN with none, UP with one or two open and
 * heard, UP again when one of two closes (a path the peer does not dial is unknown to it), and
 * DOWN when the last closes.
 */
class ListenOnlyLinkStateTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aListenOnlyLink_isUpWhileAnInboundPathIsOpen_andDownWhenNoneIs() throws Exception {
        try (Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(ANY_LOOPBACK_PORT), Map.of())
                .withHeartbeat(Duration.ofSeconds(1), 30))) {
            assertThat(status(cnLinks).state()).as("no path known yet").isEqualTo(LinkState.DOWN);
            assertThat(status(cnLinks).paths()).isEmpty();
            PinnedTls jpTls = jp.tlsPinning(cn);
            try (SSLSocket first = dialIn(jpTls, cnLinks)) {
                assertThat(first.isConnected()).isTrue();
                await("one inbound path: UP", DEADLINE, () -> status(cnLinks).state() == LinkState.UP
                        && status(cnLinks).paths().size() == 1, () -> status(cnLinks));
                try (SSLSocket second = dialIn(jpTls, cnLinks)) {
                    assertThat(second.isConnected()).isTrue();
                    await("two inbound paths: UP", DEADLINE, () -> status(cnLinks).state() == LinkState.UP
                            && status(cnLinks).paths().size() == 2, () -> status(cnLinks));
                }
                await("the closed path is forgotten, the open one keeps the link UP", DEADLINE,
                        () -> status(cnLinks).paths().size() == 1 && status(cnLinks).state() == LinkState.UP,
                        () -> status(cnLinks));
            }
            await("no inbound path: DOWN", DEADLINE, () -> status(cnLinks).state() == LinkState.DOWN
                    && status(cnLinks).paths().isEmpty(), () -> status(cnLinks));
        }
    }

    /** Dials cn-mnd as jp-mod with real TLS and says HELLO, holding nothing of cn-mnd's log. */
    private SSLSocket dialIn(PinnedTls jpTls, Links cnLinks) throws Exception {
        SSLSocket socket = jpTls.connect(loopback(cnLinks.boundPorts().get(0)), (int) DEADLINE.toMillis());
        FrameCodec.write(socket.getOutputStream(), new Frame.Hello(FrameCodec.PROTOCOL_VERSION, jp.id(),
                LinkId.between(jp.id(), cn.id()), Head.EMPTY, Head.EMPTY, MemoryLinkHost.CATALOG));
        assertThat(FrameCodec.read(new DataInputStream(new BufferedInputStream(socket.getInputStream()))))
                .isInstanceOf(Frame.Hello.class);
        return socket;
    }

    private LinkStatus status(Links links) {
        return links.status(jp.id()).orElseThrow();
    }
}
