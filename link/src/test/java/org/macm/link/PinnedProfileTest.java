package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.macm.link.LinkFixtures.ANY_LOOPBACK_PORT;
import static org.macm.link.LinkFixtures.loopback;
import static org.macm.link.LinkFixtures.start;
import static org.macm.testkit.Await.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.macm.link.TestCertificates.TlsKey;

/**
 * A certificate pinned before {@code macm peer add} checked the profile (here RSA-2048 naming
 * jp-mod) is refused by the link too, in the TLS handshake, in both directions, with the reason
 * in the path's status and a WARN when the links start: the operator pins a proper one instead
 * of the link trusting it on.
 */
class PinnedProfileTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final String WHY = "the TLS certificate of jp-mod does not fit the MACM profile: its key is RSA-2048, "
            + "not EC P-256; it is signed with SHA256withRSA, not SHA256withECDSA (a station makes its certificate with "
            + "'macm init'; ask the peer for the identity.toml it wrote)";

    private final TestStation rsaJp = TestStation.generate("jp-mod", "CN=jp-mod,O=MACM station", TlsKey.RSA2048);
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, rsaJp);
    private final WarnLog log = WarnLog.of(PinnedTls.class);


    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void dialling_aPeerPinnedWithAnOffProfileCertificate_failsInTheHandshake_sayingWhy() throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(rsaJp, cn);
                Links cnLinks = start(cn, rsaJp, cnHost, LinkConfig.of(cn.id(), List.of(),
                        Map.of(rsaJp.id(), List.of(jpPeer.address()))))) {
            assertThatThrownBy(() -> jpPeer.accept(DEADLINE)).as("cn-mnd ends the connection in the handshake")
                    .isInstanceOf(IOException.class);
            await("cn-mnd's status says why the path failed", DEADLINE,
                    () -> cnLinks.status(rsaJp.id()).orElseThrow().paths().get(0).lastError().isPresent(),
                    () -> cnLinks.status(rsaJp.id()));
            assertThat(cnLinks.status(rsaJp.id()).orElseThrow().paths().get(0).lastError())
                    .hasValue("TLS handshake failed: " + WHY);
            assertThat(log.lines())
                    .containsExactly("the pinned certificate of jp-mod is refused: " + WHY + "; pin its identity again"
                            + " (remove its file in peers/ and run 'macm peer add')");
            jpPeer.stopAnswering();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aPeerPinnedWithAnOffProfileCertificate_diallingIn_isRefusedInTheHandshake() throws Exception {
        try (Links cnLinks = start(cn, rsaJp, cnHost, LinkConfig.of(cn.id(), List.of(ANY_LOOPBACK_PORT), Map.of()))) {
            PinnedTls jpTls = rsaJp.tlsPinning(cn);
            assertThatThrownBy(() -> {
                try (SSLSocket socket = jpTls.connect(loopback(cnLinks.boundPorts().get(0)), (int) DEADLINE.toMillis())) {
                    FrameCodec.read(new java.io.DataInputStream(socket.getInputStream()));
                }
            }).isInstanceOf(IOException.class);
            assertThat(cnLinks.status(rsaJp.id()).orElseThrow().paths()).as("no path was opened").isEmpty();
        }
    }
}
