package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.link.ErrorCode;
import org.macm.link.Frame;
import org.macm.link.FrameCodec;
import org.macm.link.PinnedTls;
import org.macm.station.StationPair;
import org.macm.station.cli.CliRun;
import org.macm.station.identity.Identity;
import org.macm.station.identity.TlsIdentity;
import org.macm.station.traffic.DutyTime;

/**
 * {@code macm status} shows what the link refused of the peer's claims about our log
 * (docs/PROTOCOL.md §10 step 1): how many paths were refused for a claim beyond our head
 * (HEAD_BEYOND_LOG), and the fork, when a claim named a seq we wrote with another hash
 * (HEAD_MISMATCH): both hashes and when it was seen. The claims come from jp-mod's real keys on
 * real TLS, as a peer restored from another history would send them.
 */
class RefusedClaimsInStatusTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void status_showsRefusedClaimsAndTheFork() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofSeconds(1), 30);
        s.write(s.listening(CN, loopback(0)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test")) {
            cn.station().write(JP, new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", "one")));
            SignedEntry first = cn.station().store().get(cn.station().ownLog(JP), 1).orElseThrow();
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), cn.linkPorts().get(0));

            assertThat(claim(s, address, new Head(999, hashOf("x")))).isEqualTo(ErrorCode.HEAD_BEYOND_LOG);
            Head forged = new Head(1, hashOf("not cn-mnd's seq 1"));
            assertThat(claim(s, address, forged)).isEqualTo(ErrorCode.HEAD_MISMATCH);
            await("cn-mnd records both", Duration.ofSeconds(10), () -> cn.links().status(JP).orElseThrow().fork().isPresent()
                    && cn.links().status(JP).orElseThrow().refusedClaims() == 1);
            Instant seen = cn.links().status(JP).orElseThrow().fork().orElseThrow().seen();

            String out = CliRun.run("status", "--dir", s.cn().dir().toString()).out();
            assertThat(out).contains("    refused claims: 1 path(s) refused because the peer claimed to hold our log beyond"
                    + " its head (HEAD_BEYOND_LOG; was either station restored from a backup?)\n");
            assertThat(out).contains("    FORK: the peer holds our seq 1 with hash " + forged.hash().shortHex() + ", ours is "
                    + first.hash().shortHex() + " (seen " + DutyTime.sinceToday(seen, Instant.now()) + "): the two copies of"
                    + " our log differ (HEAD_MISMATCH); compare both stations' exports at that seq\n");
        }
    }

    /** Connects as jp-mod (its real TLS key), says HELLO claiming to hold cn-mnd's log to {@code claimed}, returns cn-mnd's answer. */
    private static ErrorCode claim(StationPair s, InetSocketAddress cn, Head claimed) throws IOException {
        TlsIdentity tls = TlsIdentity.read(s.jp().tlsKey(), s.jp().tlsCertificate());
        PinnedTls jpTls = new PinnedTls(tls.privateKey(), tls.certificate(),
                Map.of(CN, Identity.read(s.cn().identity()).tlsCertificate()), new SecureRandom());
        try (SSLSocket socket = jpTls.connect(cn, 10_000)) {
            FrameCodec.write(socket.getOutputStream(), new Frame.Hello(FrameCodec.PROTOCOL_VERSION, JP, LinkId.between(JP, CN),
                    Head.EMPTY, claimed, "test"));
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            while (true) {
                if (FrameCodec.read(in) instanceof Frame.Failure f) {
                    return f.code();
                }
            }
        }
    }

    private static EntryHash hashOf(String text) {
        return EntryHash.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
