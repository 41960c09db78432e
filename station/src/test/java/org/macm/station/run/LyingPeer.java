package org.macm.station.run;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;
import org.macm.link.Frame;
import org.macm.link.FrameCodec;
import org.macm.link.PinnedTls;
import org.macm.station.StationPair;
import org.macm.station.identity.Identity;
import org.macm.station.identity.TlsIdentity;

import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

/**
 * jp-mod played by the test over a real pinned TLS path to a running cn-mnd: it holds jp-mod's
 * real keys, so what it sends is validly signed, but it sends whatever the test says (false
 * references, bytes that are no entry). It says HELLO, keeps the path alive with heartbeats
 * (claiming to hold nothing of cn-mnd's log, which is always true) and records every frame
 * the station sends back.
 */
final class LyingPeer implements AutoCloseable {
    private final SSLSocket socket;
    private final OutputStream out;
    private final List<Frame> received = new CopyOnWriteArrayList<>();
    private final Thread heartbeats;
    private volatile boolean closed;

    LyingPeer(StationPair stations, InetSocketAddress cnAddress, Head ownHead) throws IOException {
        TlsIdentity tls = TlsIdentity.read(stations.jp().tlsKey(), stations.jp().tlsCertificate());
        Identity cn = Identity.read(stations.cn().identity());
        PinnedTls pinned = new PinnedTls(tls.privateKey(), tls.certificate(), Map.of(CN, cn.tlsCertificate()),
                new SecureRandom());
        socket = pinned.connect(cnAddress, 5000);
        out = socket.getOutputStream();
        send(new Frame.Hello(FrameCodec.PROTOCOL_VERSION, JP, LinkId.between(JP, CN), ownHead, Head.EMPTY,
                "test-catalog"));
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        Thread.ofVirtual().start(() -> {
            try {
                while (!closed) {
                    received.add(FrameCodec.read(in));
                }
            } catch (IOException e) {
                // The path closed: what was received is kept for the test to read.
            }
        });
        heartbeats = Thread.ofVirtual().start(() -> {
            try {
                while (!closed) {
                    send(new Frame.Heartbeat(ownHead, Head.EMPTY));
                    Thread.sleep(300);
                }
            } catch (IOException | InterruptedException e) {
                // Closed.
            }
        });
    }

    /** Sends these entries, read or not, in one ENTRIES frame. */
    void sendRaw(List<RawEntry> entries) throws IOException {
        send(new Frame.Entries(entries));
    }

    void send(List<SignedEntry> entries) throws IOException {
        send(Frame.Entries.of(entries));
    }

    private void send(Frame f) throws IOException {
        synchronized (out) {
            FrameCodec.write(out, f);
        }
    }

    /** The frames the station sent, in order. */
    List<Frame> received() {
        return List.copyOf(received);
    }

    /** How many RESEND frames the station sent. */
    long resends() {
        return received.stream().filter(f -> f instanceof Frame.Resend).count();
    }

    /** Whether the station closed the path with an ERROR frame. */
    boolean refused() {
        return received.stream().anyMatch(f -> f instanceof Frame.Failure);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        heartbeats.interrupt();
        socket.close();
    }
}
