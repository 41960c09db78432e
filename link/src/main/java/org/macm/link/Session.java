package org.macm.link;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSocket;
import org.macm.core.MacmException;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection (path) to a peer, after TLS: HELLO both ways, then a sender that streams
 * this station's log from what the peer holds, a reader that reads the peer's frames, and
 * an intake that takes in the entries they carry (the host receipts them in the commit that
 * stores them) and asks for a resend after a gap. Reading and intake are separate so that frames keep arriving
 * while a batch is verified and fsynced, and the next batch takes every frame that arrived
 * meanwhile: one commit and one receipt for many frames. Heartbeats keep the path alive;
 * silence past the limit, a malformed frame or a protocol error closes it (the dialler
 * reconnects), never the station.
 */
final class Session {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final int MAX_BATCH_BYTES = FrameCodec.MAX_FRAME_BYTES - 4096;
    /** Frames read but not yet taken in; a full queue stops the reader, and TCP the peer's sender. */
    private static final int ARRIVAL_FRAMES = 64;
    /** The most entries one intake verifies and stores together. */
    private static final int MAX_INTAKE = 4096;
    /** How long a closing frame waits for a sender in the middle of a frame; the socket is closed regardless after it. */
    private static final long LAST_FRAME_WAIT_MILLIS = 500;

    private final SSLSocket socket;
    private final StationId self;
    private final StationId peer;
    private final String path;
    private final boolean inbound;
    private final LinkHost host;
    private final LinkConfig config;
    private final PeerLink link;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong resendFrom = new AtomicLong(-1);
    private final BlockingQueue<List<RawEntry>> arrivals = new ArrayBlockingQueue<>(ARRIVAL_FRAMES);
    /** Why the intake stopped the session, if it did. */
    private volatile String intakeFailure;
    private OutputStream out;
    private volatile boolean closing;
    private volatile boolean established;
    private final PeerClaims claims;

    Session(SSLSocket socket, StationId self, StationId peer, String path, boolean inbound, LinkHost host,
            LinkConfig config, PeerLink link) {
        this.socket = socket;
        this.self = self;
        this.peer = peer;
        this.path = path;
        this.inbound = inbound;
        this.host = host;
        this.config = config;
        this.link = link;
        this.claims = new PeerClaims(peer, host, link);
    }

    /** Runs the session on the calling thread until the connection ends. */
    void run() {
        Optional<String> error = Optional.empty();
        boolean peerStopped = false;
        Thread sender = null;
        Thread intake = null;
        try {
            socket.setSoTimeout((int) config.handshakeTimeout().toMillis());
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            LinkId linkId = LinkId.between(self, peer);
            send(new Frame.Hello(FrameCodec.PROTOCOL_VERSION, self, linkId, host.ownHead(peer), host.heldPeerHead(peer),
                    host.catalogHash()));
            Frame.Hello hello = expectHello(in, linkId);
            established = true;
            link.connected(path, hello.peerHead().seq());
            socket.setSoTimeout((int) config.silenceLimit().toMillis());
            long startAt = hello.peerHead().seq() + 1;
            sender = Thread.ofVirtual().name("macm-send-" + peer + "-" + path).start(() -> sendLoop(startAt));
            intake = Thread.ofVirtual().name("macm-intake-" + peer + "-" + path).start(this::intakeLoop);
            readLoop(in);
        } catch (PeerStopped e) {
            peerStopped = true;
        } catch (PeerRefused e) {
            // Its ERROR frame was the last: nothing goes back (docs/PROTOCOL.md §9, "then the sender closes").
            error = Optional.of(e.getMessage());
            if (e.needsOperator()) {
                LOG.atWarn().addKeyValue("peer", peer).addKeyValue("path", path).addKeyValue("reason", e.getMessage())
                        .log("path {} to {} was refused by the peer: {}", path, peer, e.getMessage());
            }
        } catch (EOFException e) {
            // A FAILURE frame from the peer arrives here with its code (see readLoop); keep it.
            error = closing ? Optional.empty()
                    : Optional.of(e.getMessage() != null ? e.getMessage() : "the peer closed the connection");
        } catch (SocketTimeoutException e) {
            error = Optional.of(ErrorCode.PEER_SILENT + ": nothing heard for " + config.silenceLimit().toMillis() + " ms");
            sendQuietly(new Frame.Failure(ErrorCode.PEER_SILENT, Optional.empty()));
        } catch (LinkException e) {
            error = Optional.of(e.getMessage());
            LOG.atWarn().addKeyValue("peer", peer).addKeyValue("path", path).addKeyValue("reason", e.getMessage())
                    .log("closing path {} to {}: {}", path, peer, e.getMessage());
            sendQuietly(new Frame.Failure(e.code(), Optional.of(e.getMessage())));
        } catch (IOException e) {
            error = closing ? Optional.empty() : Optional.of("connection lost: " + e.getMessage());
        } catch (RuntimeException e) {
            error = Optional.of(ErrorCode.INTERNAL + ": " + e.getMessage());
            LOG.atError().addKeyValue("peer", peer).addKeyValue("path", path).setCause(e)
                    .log("path {} to {} failed", path, peer);
            sendQuietly(new Frame.Failure(ErrorCode.INTERNAL, Optional.empty()));
        } finally {
            close();
            if (sender != null) {
                sender.interrupt();
            }
            if (intake != null) {
                intake.interrupt();
            }
            if (intakeFailure != null) {
                error = Optional.of(intakeFailure);
            }
            // PeerLink logs the state change (one WARN per path going down), knowing whether it was up.
            if (peerStopped && intakeFailure == null) {
                link.peerStopped(path, inbound);
            } else {
                link.disconnected(path, error, inbound);
            }
            link.appended(); // wake the sender so it sees the socket closed
        }
    }

    private Frame.Hello expectHello(DataInputStream in, LinkId linkId) throws IOException {
        Frame first;
        try {
            first = FrameCodec.read(in);
        } catch (SocketTimeoutException e) {
            throw new LinkException(ErrorCode.HANDSHAKE_TIMEOUT, "no HELLO within " + config.handshakeTimeout().toMillis() + " ms");
        }
        if (first instanceof Frame.Failure e && e.code() == ErrorCode.SHUTDOWN) {
            throw new PeerStopped();
        }
        if (first instanceof Frame.Failure e) {
            throw new PeerRefused(e);
        }
        if (!(first instanceof Frame.Hello hello)) {
            throw new LinkException(ErrorCode.UNEXPECTED_FRAME, "expected HELLO, got " + first.getClass().getSimpleName());
        }
        if (hello.protocol() != FrameCodec.PROTOCOL_VERSION) {
            throw new LinkException(ErrorCode.UNSUPPORTED_VERSION, "peer speaks protocol " + hello.protocol()
                    + ", this station speaks " + FrameCodec.PROTOCOL_VERSION);
        }
        if (!hello.station().equals(peer) || !hello.link().equals(linkId)) {
            throw new LinkException(ErrorCode.WRONG_PEER, "HELLO says station " + hello.station() + " on link "
                    + hello.link() + ", but the certificate is " + peer + "'s");
        }
        boolean catalogMatches = hello.catalog().equals(host.catalogHash());
        link.catalog(catalogMatches);
        if (!catalogMatches) {
            LOG.atWarn().addKeyValue("peer", peer).addKeyValue("path", path)
                    .log("peer {} has template catalog {}, ours is {}: messages on unknown forms will show raw fields",
                            peer, hello.catalog(), host.catalogHash());
        }
        claims.check(hello.peerHead());
        return hello;
    }

    private void readLoop(DataInputStream in) throws IOException {
        while (!closing) {
            Frame frame = FrameCodec.read(in);
            link.heard(path);
            switch (frame) {
                case Frame.Entries e -> arrived(e.entries());
                case Frame.Heartbeat h -> claims.check(h.peerHead());
                case Frame.Resend r -> resend(r.fromSeq());
                case Frame.Failure e when e.code() == ErrorCode.SHUTDOWN -> throw new PeerStopped();
                case Frame.Failure e -> throw new PeerRefused(e);
                case Frame.Hello h -> throw new LinkException(ErrorCode.UNEXPECTED_FRAME, "a second HELLO");
            }
        }
    }

    /** Rewinds this path's sender to {@code fromSeq}, once the claim it makes checks out. */
    private void resend(long fromSeq) {
        claims.checkResend(fromSeq);
        resendFrom.accumulateAndGet(fromSeq, (x, y) -> x < 0 ? y : Math.min(x, y));
        link.appended();
    }

    /** Hands a frame's entries to the intake, waiting while it is full (which holds back the peer). */
    private void arrived(List<RawEntry> entries) throws IOException {
        try {
            while (!arrivals.offer(entries, 100, TimeUnit.MILLISECONDS)) {
                if (closing) {
                    throw new EOFException("the path is closing");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing entries to the intake");
        }
    }

    private void intakeLoop() {
        List<RawEntry> batch = new ArrayList<>();
        try {
            while (!closing) {
                List<RawEntry> first = arrivals.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.addAll(first);
                List<RawEntry> next;
                while (batch.size() < MAX_INTAKE && (next = arrivals.poll()) != null) {
                    batch.addAll(next);
                }
                take(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            close(); // the reader sees the closed socket and ends the session
        } catch (RuntimeException e) {
            if (!closing) {
                if (e instanceof MacmException) {
                    // Says what happened and what to do (a full disk, say); it recurs at every
                    // reconnect until fixed, so one line each time, not a stack trace.
                    LOG.atError().addKeyValue("peer", peer).addKeyValue("path", path)
                            .log("path {} to {} failed: {}", path, peer, e.getMessage());
                } else {
                    LOG.atError().addKeyValue("peer", peer).addKeyValue("path", path).setCause(e)
                            .log("path {} to {} failed", path, peer);
                }
                intakeFailure = ErrorCode.INTERNAL + ": " + e.getMessage();
                sendQuietly(new Frame.Failure(ErrorCode.INTERNAL, Optional.empty()));
            }
            close();
        }
    }

    private void take(List<RawEntry> entries) throws IOException {
        LinkHost.Intake intake = host.receive(peer, entries);
        if (intake.refused() > 0) {
            link.refusedEntries(intake.refused());
        }
        if (intake.hasGap()) {
            send(new Frame.Resend(intake.gapFrom()));
        }
    }

    private void sendLoop(long startAt) {
        long next = startAt;
        long lastHeartbeat = 0;
        long interval = config.heartbeatInterval().toMillis();
        try {
            while (!closing) {
                long seen = link.version();
                long rewind = resendFrom.getAndSet(-1);
                if (rewind > 0 && rewind < next) {
                    next = rewind;
                }
                List<SignedEntry> batch = host.ownEntries(peer, next, FrameCodec.MAX_ENTRIES_PER_FRAME);
                if (!batch.isEmpty()) {
                    List<SignedEntry> frame = fit(batch);
                    send(Frame.Entries.of(frame));
                    host.sent(peer, frame.size());
                    next = frame.get(frame.size() - 1).seq() + 1;
                    continue;
                }
                long now = System.currentTimeMillis();
                if (now - lastHeartbeat >= interval) {
                    send(new Frame.Heartbeat(host.ownHead(peer), host.heldPeerHead(peer)));
                    lastHeartbeat = now;
                }
                link.awaitAppend(seen, Math.max(1, interval - (System.currentTimeMillis() - lastHeartbeat)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                LOG.atInfo().addKeyValue("peer", peer).addKeyValue("path", path)
                        .log("path {} to {}: sending stopped: {}", path, peer, e.getMessage());
            }
            close();
        }
    }

    private static List<SignedEntry> fit(List<SignedEntry> batch) {
        List<SignedEntry> frame = new ArrayList<>(batch.size());
        int bytes = 2;
        for (SignedEntry e : batch) {
            int size = FrameCodec.entrySize(e);
            if (!frame.isEmpty() && bytes + size > MAX_BATCH_BYTES) {
                break;
            }
            frame.add(e);
            bytes += size;
        }
        return frame;
    }

    private void send(Frame frame) throws IOException {
        writeLock.lock();
        try {
            if (closing) {
                // After the ERROR frame nothing more goes out (docs/PROTOCOL.md: "then the sender closes").
                throw new EOFException("the path is closing");
            }
            FrameCodec.write(out, frame);
        } finally {
            writeLock.unlock();
        }
    }

    /** Sends the ERROR frame, the last frame of the session: the sender may not follow it with a heartbeat. */
    private void sendQuietly(Frame.Failure failure) {
        boolean locked = false;
        try {
            // Bounded: a sender stuck in a write to a peer that reads nothing must not hold the close up.
            locked = writeLock.tryLock(LAST_FRAME_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            boolean alreadyClosing = closing;
            closing = true;
            if (locked && !alreadyClosing && out != null && !socket.isClosed()) {
                FrameCodec.write(out, failure);
            }
        } catch (InterruptedException e) {
            closing = true;
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException ignored) {
            // The connection is being closed because it failed or the station stops; the error frame is a courtesy.
        } finally {
            if (locked) {
                writeLock.unlock();
            }
        }
    }

    /**
     * Tells the peer that this station is stopping (ERROR SHUTDOWN), so that it says its link is
     * down because we stopped rather than waiting for the heartbeat limit. Bounded: the caller
     * closes the socket after it, which also ends a write stuck on a peer that reads nothing.
     */
    void sayShutdown() {
        if (established) {
            sendQuietly(new Frame.Failure(ErrorCode.SHUTDOWN, Optional.of("the station is stopping")));
        }
    }

    /** Whether both HELLOs were exchanged: the path worked, so a dialler may redial at once after it ends. */
    boolean established() {
        return established;
    }

    /** The peer sent ERROR SHUTDOWN: it stops in order, which is no fault of the path. */
    private static final class PeerStopped extends IOException {
        private static final long serialVersionUID = 1L;

        PeerStopped() {
            super("the peer stopped (SHUTDOWN)");
        }
    }

    /**
     * The peer sent ERROR (other than SHUTDOWN) and closed the path. Received, never answered:
     * the path closes, counts as a path error and shows the code as its last error; a dialler
     * redials after its backoff.
     */
    private static final class PeerRefused extends EOFException {
        private static final long serialVersionUID = 1L;
        private final ErrorCode code;

        PeerRefused(Frame.Failure failure) {
            super("peer closed the path: " + failure.code() + failure.message().map(m -> " (" + m + ")").orElse(""));
            this.code = failure.code();
        }

        /**
         * Whether the code says something an operator must look at (a fault in one station's
         * software, configuration or log); the others pass by themselves and are logged at INFO.
         */
        boolean needsOperator() {
            return switch (code) {
                case MALFORMED_FRAME, FRAME_TOO_LARGE, UNEXPECTED_FRAME, UNSUPPORTED_VERSION, WRONG_PEER,
                        HEAD_BEYOND_LOG, HEAD_MISMATCH -> true;
                case HANDSHAKE_TIMEOUT, PEER_SILENT, SHUTDOWN, INTERNAL -> false;
            };
        }
    }

    void close() {
        closing = true;
        try {
            // TLS close waits for the lock of a write in progress, which a peer that reads nothing never
            // frees; with a linger it waits 1 s at most, then shuts the connection down regardless.
            socket.setSoLinger(true, 1);
        } catch (IOException ignored) {
            // Already closed or broken: closing below is all that is left to do.
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a failed socket can fail too; it is closed either way.
        }
    }
}
