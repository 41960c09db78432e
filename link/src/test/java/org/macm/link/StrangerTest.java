package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.macm.link.LinkFixtures.ANY_LOOPBACK_PORT;
import static org.macm.testkit.Await.await;
import static org.macm.link.LinkFixtures.loopback;
import static org.macm.link.LinkFixtures.start;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
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
 * Trust is pinning: a station that presents any certificate other than the one pinned for the
 * peer, even one naming the peer, is refused in the TLS handshake, before a single frame, in
 * both directions.
 */
class StrangerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    /** Calls itself jp-mod, but its certificate is not the one cn-mnd pinned. */
    private final TestStation impostor = TestStation.generate("jp-mod");
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void strangerDialling_isRefusedInTheHandshake_andNothingItSendsIsTakenIn() throws Exception {
        try (Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(ANY_LOOPBACK_PORT), Map.of()));
                ScriptedPeer impostorsLog = new ScriptedPeer(impostor, cn)) {
            PinnedTls impostorTls = impostor.tlsPinning(cn);
            assertThatThrownBy(() -> {
                try (SSLSocket socket = impostorTls.connect(loopback(cnLinks.boundPorts().get(0)), (int) DEADLINE.toMillis())) {
                    FrameCodec.write(socket.getOutputStream(), new Frame.Hello(FrameCodec.PROTOCOL_VERSION, impostor.id(),
                            LinkId.between(impostor.id(), cn.id()), impostorsLog.entry(1).head(), Head.EMPTY,
                            MemoryLinkHost.CATALOG));
                    FrameCodec.write(socket.getOutputStream(), Frame.Entries.of(impostorsLog.entries(1, 3)));
                    FrameCodec.read(new DataInputStream(socket.getInputStream()));
                }
            }).as("cn-mnd ends the connection in the handshake (an accepted stranger would read cn-mnd's HELLO)")
                    .isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);

            assertThat(cnHost.offered()).as("nothing the stranger sent reached the log").isEmpty();
            LinkStatus status = cnLinks.status(jp.id()).orElseThrow();
            assertThat(status.paths()).as("no path was ever opened for the stranger").isEmpty();
            assertThat(status.state()).isEqualTo(LinkState.DOWN);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void strangerAnsweringTheDialledEndpoint_isRefused_andTheStatusNamesItsCertificate() throws Exception {
        try (ScriptedPeer impostorPeer = new ScriptedPeer(impostor, cn);
                Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(),
                        Map.of(jp.id(), List.of(impostorPeer.address()))))) {
            assertThatThrownBy(() -> impostorPeer.accept(DEADLINE)).as("cn-mnd ends the connection in the handshake")
                    .isInstanceOf(IOException.class);

            await("cn-mnd's status says why the path failed", DEADLINE,
                    () -> cnLinks.status(jp.id()).orElseThrow().paths().get(0).lastError().isPresent(),
                    () -> cnLinks.status(jp.id()));
            LinkStatus status = cnLinks.status(jp.id()).orElseThrow();
            assertThat(status.paths().get(0).lastError()).hasValue("TLS handshake failed: certificate of"
                    + " 'O=MACM link test,CN=jp-mod' is not pinned: only certificates pinned with 'macm peer add' are accepted");
            assertThat(status.state()).isEqualTo(LinkState.DOWN);
            assertThat(cnHost.offered()).isEmpty();
            impostorPeer.stopAnswering(); // first, so that cn-mnd's next redial fails at once and its links close quickly
        }
    }
}
