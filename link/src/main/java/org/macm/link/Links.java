package org.macm.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.macm.core.log.StationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All of a station's links: listeners that accept pinned peers, a dialler per configured
 * path that reconnects with backoff and jitter, and one {@link PeerLink} per peer. Nothing
 * runs until {@link #start()}; {@link #close()} stops everything and is idempotent.
 */
public final class Links implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Links.class);

    /** The most a stopping station waits for its SHUTDOWN frames to go out. */
    private static final long SHUTDOWN_WAIT_MILLIS = 1_500;

    private final LinkConfig config;
    private final PinnedTls tls;
    private final LinkHost host;
    private final Map<StationId, PeerLink> peers = new ConcurrentHashMap<>();
    private final List<SSLServerSocket> servers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<Session, Boolean> sessions = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public Links(LinkConfig config, PinnedTls tls, LinkHost host, List<StationId> pinnedPeers, Clock clock) {
        this.config = config;
        this.tls = tls;
        this.host = host;
        for (StationId p : pinnedPeers) {
            peers.put(p, new PeerLink(p, clock, config.silenceLimit().toMillis()));
        }
        for (StationId p : config.dial().keySet()) {
            if (!peers.containsKey(p)) {
                throw new LinkException(ErrorCode.INTERNAL, "the config dials " + p + ", which is not a pinned peer");
            }
        }
    }

    /** Opens the listeners (failing at once if an address is taken) and starts the diallers. */
    public synchronized Links start() {
        try {
            for (InetSocketAddress address : config.listen()) {
                SSLServerSocket server = (SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket();
                server.setReuseAddress(true);
                server.bind(address, 64);
                server.setEnabledProtocols(PinnedTls.PROTOCOLS);
                server.setNeedClientAuth(true);
                servers.add(server);
                threads.add(Thread.ofVirtual().name("macm-accept-" + address.getPort()).start(() -> acceptLoop(server)));
            }
        } catch (IOException e) {
            close();
            throw new LinkException(ErrorCode.INTERNAL, "cannot listen on " + config.listen() + ": " + e.getMessage(), e);
        }
        config.dial().forEach((peer, endpoints) -> {
            for (InetSocketAddress endpoint : endpoints) {
                String path = endpoint.getHostString() + ":" + endpoint.getPort();
                peers.get(peer).expect(path);
                threads.add(Thread.ofVirtual().name("macm-dial-" + peer + "-" + path).start(() -> dialLoop(peer, endpoint, path)));
            }
        });
        return this;
    }

    /** The ports actually bound (useful when the config asked for port 0). */
    public List<Integer> boundPorts() {
        return servers.stream().map(SSLServerSocket::getLocalPort).toList();
    }

    /** Tells the senders of {@code peer}'s link that this station appended to the peer's log. */
    public void appended(StationId peer) {
        PeerLink link = peers.get(peer);
        if (link != null) {
            link.appended();
        }
    }

    public Optional<LinkStatus> status(StationId peer) {
        return Optional.ofNullable(peers.get(peer)).map(l -> l.status(host));
    }

    public List<LinkStatus> status() {
        return peers.values().stream().sorted((a, b) -> a.peer().compareTo(b.peer())).map(l -> l.status(host)).toList();
    }

    private void acceptLoop(SSLServerSocket server) {
        while (!closed) {
            Socket accepted;
            try {
                accepted = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accepting on {} failed: {}", server.getLocalSocketAddress(), e.getMessage());
                }
                continue;
            }
            Thread.ofVirtual().name("macm-inbound").start(() -> inbound((SSLSocket) accepted));
        }
    }

    private void inbound(SSLSocket socket) {
        String from = String.valueOf(socket.getRemoteSocketAddress());
        try {
            socket.setSoTimeout((int) config.handshakeTimeout().toMillis());
            socket.startHandshake();
        } catch (IOException e) {
            LOG.warn("refused connection from {}: {}", from, describe(e));
            closeQuietly(socket);
            return;
        }
        Optional<StationId> peer = tls.peerOf(socket.getSession());
        if (peer.isEmpty() || !peers.containsKey(peer.get())) {
            LOG.warn("refused connection from {}: its certificate is not a pinned peer's", from);
            closeQuietly(socket);
            return;
        }
        run(new Session(socket, config.self(), peer.get(), "inbound from " + from, true, host, config, peers.get(peer.get())));
    }

    private void dialLoop(StationId peer, InetSocketAddress endpoint, String path) {
        long backoff = config.reconnectMin().toMillis();
        while (!closed) {
            SSLSocket socket = null;
            try {
                socket = tls.connect(endpoint, (int) config.handshakeTimeout().toMillis());
                Optional<StationId> presented = tls.peerOf(socket.getSession());
                if (presented.isEmpty() || !presented.get().equals(peer)) {
                    throw new LinkException(ErrorCode.WRONG_PEER, endpoint + " presented the certificate of "
                            + presented.map(StationId::toString).orElse("an unpinned station") + ", not " + peer + "'s");
                }
                Session session = new Session(socket, config.self(), peer, path, false, host, config, peers.get(peer));
                run(session);
                if (session.established()) {
                    // The path worked: after it ends, redial quickly rather than after the last failure's wait.
                    backoff = config.reconnectMin().toMillis();
                }
            } catch (IOException | LinkException e) {
                closeQuietly(socket);
                if (!closed) {
                    LOG.atInfo().addKeyValue("peer", peer).addKeyValue("path", path).addKeyValue("reason", describe(e))
                            .log("path {} to {}: {}", path, peer, describe(e));
                    peers.get(peer).disconnected(path, Optional.of(describe(e)), false);
                }
            }
            sleepQuietly(jitter(backoff));
            backoff = Math.min(config.reconnectMax().toMillis(), backoff * 2);
        }
    }

    private void run(Session session) {
        if (closed) {
            session.close();
            return;
        }
        sessions.put(session, Boolean.TRUE);
        try {
            session.run();
        } finally {
            sessions.remove(session);
        }
    }

    /** Up to 20 % either way, so two stations that lost a path together do not redial in lock step. */
    private static long jitter(long millis) {
        return Math.max(1, (long) (millis * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
    }

    private void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Exception e) {
        if (e instanceof SSLHandshakeException) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return "TLS handshake failed: " + root.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Already failed; closing is best effort.
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // This station stops its own links: the paths that close now are no outage to warn of.
        peers.values().forEach(PeerLink::stopping);
        for (SSLServerSocket s : servers) {
            closeQuietly(s);
        }
        sayShutdownAndClose();
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /**
     * Sends ERROR SHUTDOWN on every live path, then closes it, all paths at once, so each peer
     * says its link is down because this station stopped, at once rather than at its heartbeat
     * limit. Waits at most {@link #SHUTDOWN_WAIT_MILLIS} in all: a path whose peer reads nothing
     * is still closing (bounded by the session's own limits) when the stop goes on.
     */
    private void sayShutdownAndClose() {
        List<Thread> saying = sessions.keySet().stream().map(s -> Thread.ofVirtual().name("macm-shutdown").start(() -> {
            s.sayShutdown();
            s.close();
        })).toList();
        long deadline = System.nanoTime() + SHUTDOWN_WAIT_MILLIS * 1_000_000;
        for (Thread t : saying) {
            try {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0 || !t.join(Duration.ofMillis(left))) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(SSLServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Closing is best effort; the socket is unusable either way.
        }
    }
}
