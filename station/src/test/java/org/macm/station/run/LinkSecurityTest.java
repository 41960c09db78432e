package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.link.ErrorCode;
import org.macm.link.Frame;
import org.macm.link.FrameCodec;
import org.macm.link.Links;
import org.macm.link.PinnedTls;
import org.macm.station.StationInit;
import org.macm.station.StationLayout;
import org.macm.station.identity.Identity;
import org.macm.station.identity.KeyFiles;
import org.macm.station.identity.TlsIdentity;
import org.macm.station.StationPair;
import org.slf4j.LoggerFactory;

/**
 * The network is hostile: strangers, impostors, garbage and forged entries reach the port.
 * Each is refused with a clear log line, nothing wrong is stored, and the station keeps
 * serving its real peer.
 */
class LinkSecurityTest {
    @TempDir
    Path tmp;

    private StationPair stations;
    private StationRuntime cn;
    private InetSocketAddress cnAddress;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void startCn() throws Exception {
        stations = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        stations.write(stations.listening(CN, loopback(0)));
        cn = StationRuntime.start(stations.cn(), Clock.systemUTC(), "test-catalog");
        cnAddress = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), cn.linkPorts().get(0));
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(Links.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(Links.class)).detachAppender(logs);
        cn.close();
    }

    private List<String> logLines() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** A TLS client holding {@code layout}'s keys that trusts cn-mnd's real certificate. */
    private PinnedTls clientOf(StationLayout layout) {
        TlsIdentity tls = TlsIdentity.read(layout.tlsKey(), layout.tlsCertificate());
        Identity cnIdentity = Identity.read(stations.cn().identity());
        return new PinnedTls(tls.privateKey(), tls.certificate(), Map.of(CN, cnIdentity.tlsCertificate()),
                new SecureRandom());
    }

    private SSLSocket connectAsJp() throws IOException {
        SSLSocket s = clientOf(stations.jp()).connect(cnAddress, 5000);
        OutputStream out = s.getOutputStream();
        FrameCodec.write(out, new Frame.Hello(FrameCodec.PROTOCOL_VERSION, JP, LinkId.between(JP, CN), Head.EMPTY,
                Head.EMPTY, "test-catalog"));
        return s;
    }

    private static Frame readUntil(DataInputStream in, Class<? extends Frame> type) throws IOException {
        while (true) {
            Frame f = FrameCodec.read(in);
            if (type.isInstance(f)) {
                return f;
            }
        }
    }

    private static Body text(String s) {
        return new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", s));
    }

    @Test
    void stationWithAnUnpinnedCertificate_isRefusedAtTheHandshake_withAClearLogLine() throws Exception {
        StationLayout stranger = new StationLayout(tmp.resolve("us-dod"));
        new StationInit(new SecureRandom(), Clock.systemUTC()).create(stranger, org.macm.core.log.StationId.of("us-dod"));
        assertThatThrownBy(() -> {
            SSLSocket s = clientOf(stranger).connect(cnAddress, 5000);
            // TLS 1.3 reports a refused client certificate on the first read.
            new DataInputStream(s.getInputStream()).readInt();
        }).isInstanceOf(IOException.class);
        await("the refusal to be logged", Duration.ofSeconds(5), () -> logLines().stream().anyMatch(l ->
                l.contains("refused connection from") && l.contains("CN=us-dod") && l.contains("is not pinned")),
                this::logLines);
        assertThat(cn.station().store().logs()).allMatch(log -> log.author().equals(CN));
    }

    @Test
    void impostorUsingAPinnedNameWithOtherKeys_isRefused() throws Exception {
        StationLayout impostor = new StationLayout(tmp.resolve("impostor"));
        new StationInit(new SecureRandom(), Clock.systemUTC()).create(impostor, JP);
        assertThatThrownBy(() -> {
            SSLSocket s = clientOf(impostor).connect(cnAddress, 5000);
            // TLS 1.3 reports a refused client certificate on the first read.
            new DataInputStream(s.getInputStream()).readInt();
        }).isInstanceOfAny(SSLHandshakeException.class, IOException.class);
        await("the refusal to be logged", Duration.ofSeconds(5),
                () -> logLines().stream().anyMatch(l -> l.contains("CN=jp-mod") && l.contains("is not pinned")), this::logLines);
        assertThat(cn.station().store().head(cn.station().peerLog(JP))).isEqualTo(Head.EMPTY);
    }

    @Test
    void garbageBytesOnThePort_doNotCrashOrBlockTheStation() throws Exception {
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            try (Socket raw = new Socket(cnAddress.getAddress(), cnAddress.getPort())) {
                byte[] junk = new byte[1 + random.nextInt(4096)];
                random.nextBytes(junk);
                raw.getOutputStream().write(junk);
                raw.getOutputStream().flush();
            } catch (IOException expected) {
                // The station may close first; that is the point.
            }
        }
        // The real peer still gets through and is served.
        try (SSLSocket s = connectAsJp()) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            assertThat(readUntil(in, Frame.Hello.class)).isInstanceOf(Frame.Hello.class);
        }
        assertThat(logLines()).anyMatch(l -> l.contains("refused connection from"));
    }

    @Test
    void malformedFrameFromTheRealPeer_closesThatConnectionWithAnErrorCode_andTheStationGoesOn() throws Exception {
        try (SSLSocket s = connectAsJp()) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(5);
            out.writeByte(0x7F); // no such frame type
            out.writeInt(0);
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            Frame f = readUntil(in, Frame.Failure.class);
            assertThat(((Frame.Failure) f).code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        }
        try (SSLSocket s = connectAsJp()) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(FrameCodec.MAX_FRAME_BYTES + 1);
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            assertThat(((Frame.Failure) readUntil(in, Frame.Failure.class)).code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        }
        try (SSLSocket s = connectAsJp()) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            assertThat(readUntil(in, Frame.Hello.class)).isInstanceOf(Frame.Hello.class);
        }
    }

    @Test
    void forgedAndReplayedEntries_changeNothing_andValidTrafficStillFlows() throws Exception {
        SigningKey jpKey = KeyFiles.readSigningKey(stations.jp().signingKey());
        LogId jpLog = new LogId(LinkId.between(JP, CN), JP);
        LogWriter real = new LogWriter(jpLog, jpKey, Clock.systemUTC());
        LogWriter forger = new LogWriter(jpLog, SigningKey.generate(new SecureRandom()), Clock.systemUTC());
        SignedEntry first = real.next(Head.EMPTY, Head.EMPTY, text("first, genuine"));
        SignedEntry forged = forger.next(first.head(), Head.EMPTY, text("second, forged"));
        SignedEntry offChain = real.next(Head.EMPTY, Head.EMPTY, text("genuine key, but claims seq 1 again"));
        SignedEntry second = real.next(first.head(), Head.EMPTY, text("second, genuine"));
        try (SSLSocket s = connectAsJp()) {
            OutputStream out = s.getOutputStream();
            FrameCodec.write(out, Frame.Entries.of(List.of(first)));
            FrameCodec.write(out, Frame.Entries.of(List.of(first))); // replayed
            FrameCodec.write(out, Frame.Entries.of(List.of(forged)));
            FrameCodec.write(out, Frame.Entries.of(List.of(second)));
            await("the genuine entries to be stored", Duration.ofSeconds(10),
                    () -> cn.station().store().head(cn.station().peerLog(JP)).seq() == 2);
            FrameCodec.write(out, Frame.Entries.of(List.of(offChain)));
            // The link counts a refusal once the host has stored the batch: wait for the count too, not only the store.
            await("the equivocation to be recorded and counted", Duration.ofSeconds(10),
                    () -> !cn.station().store().equivocations(cn.station().peerLog(JP)).isEmpty()
                            && cn.links().status(JP).orElseThrow().refusedEntries() >= 2);
        }
        assertThat(cn.station().store().read(cn.station().peerLog(JP), 1, 10)).containsExactly(first, second);
        assertThat(cn.station().store().equivocations(cn.station().peerLog(JP))).singleElement()
                .satisfies(e -> assertThat(e.conflicting()).isEqualTo(offChain));
        assertThat(cn.links().status(JP).orElseThrow().refusedEntries()).isEqualTo(2);
        Optional<SignedEntry> receipt = cn.station().store().read(cn.station().ownLog(JP), 1, 100).stream()
                .filter(e -> e.entry().body() instanceof Body.Receipt).reduce((a, b) -> b);
        assertThat(receipt).isPresent();
        assertThat(((Body.Receipt) receipt.get().entry().body()).upTo()).isEqualTo(second.head());
    }
}
