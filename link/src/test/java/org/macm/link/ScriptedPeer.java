package org.macm.link;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;

/**
 * The far end of a link played by the test: a peer listening on loopback with real pinned TLS
 * that the station under test dials. The test decides every frame it sends (or any bytes at
 * all) and reads what the station sends back, so each rule of the protocol can be provoked
 * exactly and its answer seen on the wire.
 */
final class ScriptedPeer implements AutoCloseable {
    private final TestStation self;
    private final TestStation station;
    private final SSLServerSocket server;
    private final List<SignedEntry> log = new ArrayList<>();

    ScriptedPeer(TestStation self, TestStation station) throws IOException {
        this.self = self;
        this.station = station;
        PinnedTls tls = self.tlsPinning(station);
        server = (SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setEnabledProtocols(PinnedTls.PROTOCOLS);
        server.setNeedClientAuth(true);
        LogWriter writer = new LogWriter(self.logTo(station), self.signingKey(), Clock.systemUTC());
        Head head = Head.EMPTY;
        for (int i = 1; i <= 10; i++) {
            SignedEntry e = writer.next(head, Head.EMPTY, new Body.Message(Precedence.PRIORITY,
                    new MessageContent.FreeText("en", "scripted message " + i)));
            log.add(e);
            head = e.head();
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Entry {@code seq} of this peer's log to the station (seq 1 to 10, signed with its real key). */
    SignedEntry entry(int seq) {
        return log.get(seq - 1);
    }

    /** The entries {@code from..to} of this peer's log. */
    List<SignedEntry> entries(int from, int to) {
        return List.copyOf(log.subList(from - 1, to));
    }

    /** Accepts the station's next connection and completes the TLS handshake. */
    Connection accept(Duration limit) throws IOException {
        server.setSoTimeout((int) limit.toMillis());
        SSLSocket socket = (SSLSocket) server.accept();
        socket.setSoTimeout((int) limit.toMillis());
        socket.startHandshake();
        return new Connection(socket);
    }

    /** Stops listening: the station's next dial is refused at once instead of waiting in the backlog. */
    void stopAnswering() throws IOException {
        server.close();
    }

    @Override
    public void close() throws IOException {
        stopAnswering();
    }

    /** One connection from the station under test. */
    final class Connection implements AutoCloseable {
        private final SSLSocket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private int heartbeats;

        private Connection(SSLSocket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            this.out = socket.getOutputStream();
        }

        /** Reads the station's HELLO and answers with this peer's, saying it holds nothing of the station's log. */
        Frame.Hello hello(Duration limit) throws IOException {
            return hello(limit, Head.EMPTY);
        }

        /** Reads the station's HELLO and answers with this peer's, claiming to hold the station's log to {@code peerHead}, true or not. */
        Frame.Hello hello(Duration limit, Head peerHead) throws IOException {
            Frame.Hello theirs = next(Frame.Hello.class, limit);
            send(new Frame.Hello(FrameCodec.PROTOCOL_VERSION, self.id(), LinkId.between(self.id(), station.id()),
                    log.get(log.size() - 1).head(), peerHead, MemoryLinkHost.CATALOG));
            return theirs;
        }

        void send(Frame frame) throws IOException {
            FrameCodec.write(out, frame);
        }

        /** Bytes on the wire as they are, framed or not. */
        void sendBytes(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** The next frame of {@code type}, passing over heartbeats (counted); fails on anything else or after {@code limit}. */
        <T extends Frame> T next(Class<T> type, Duration limit) throws IOException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                socket.setSoTimeout((int) left);
                Frame frame;
                try {
                    frame = FrameCodec.read(in);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("no " + type.getSimpleName() + " frame from the station within " + limit, e);
                }
                if (type.isInstance(frame)) {
                    return type.cast(frame);
                }
                if (!(frame instanceof Frame.Heartbeat)) {
                    throw new AssertionError("expected a " + type.getSimpleName() + " frame, the station sent " + frame);
                }
                heartbeats++;
            }
        }

        int heartbeats() {
            return heartbeats;
        }

        /** Whether the station closed the connection: the next read ends instead of giving a frame. */
        boolean closedByStation(Duration limit) throws IOException {
            socket.setSoTimeout((int) limit.toMillis());
            try {
                Frame frame = FrameCodec.read(in);
                throw new AssertionError("the connection should be closed, the station sent " + frame);
            } catch (EOFException e) {
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true; // reset, or the TLS close: the station closed its side either way
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
