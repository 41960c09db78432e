package org.macm.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import org.macm.core.log.Body;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.link.LinkState;
import org.macm.station.Station;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.run.StationRuntime;
import org.macm.testkit.Await;
import org.macm.testkit.FaultProxy;
import org.macm.testkit.FreePort;

/**
 * Two real stations in this JVM, jp-mod and cn-mnd ({@link StationPair}), pinned to each other and linked over
 * TLS on loopback, each with its own SQLite store (WAL, synchronous=FULL) and signing key.
 * jp-mod dials cn-mnd on every path, either straight to cn-mnd's ports or through a
 * {@link FaultProxy} per path. {@link #roundTrips()} drives the durable signed round trip:
 * jp-mod writes a message (signed, fsynced), cn-mnd stores it (fsync) and writes a signed
 * receipt (fsync), jp-mod stores the receipt (fsync); the round trip ends there.
 */
final class MacmLink implements AutoCloseable {
    static final StationId JP = StationPair.JP;
    static final StationId CN = StationPair.CN;
    /** A short free text: with the header fields and the signature the entry is about 420 bytes. */
    static final String TEXT = "Routine report, no change.";

    private final Path root;
    private final StationRuntime cn;
    private final StationRuntime jp;
    private final List<FaultProxy> proxies;

    private MacmLink(Path root, StationRuntime cn, StationRuntime jp, List<FaultProxy> proxies) {
        this.root = root;
        this.cn = cn;
        this.jp = jp;
        this.proxies = proxies;
    }

    /**
     * Creates both stations under {@code root} and starts them with {@code paths} paths, each
     * through a proxy when {@code proxied}, with the given heartbeat; returns once the link is UP.
     */
    static MacmLink start(Path root, int paths, boolean proxied, Duration heartbeat, int misses)
            throws IOException, InterruptedException {
        return start(root, paths, proxied, heartbeat, misses, station -> { });
    }

    /** As above, handing cn-mnd's station to {@code cnOpened} before anything in it listens (to time its commits). */
    static MacmLink start(Path root, int paths, boolean proxied, Duration heartbeat, int misses,
            Consumer<Station> cnOpened) throws IOException, InterruptedException {
        return start(root, paths, proxied, heartbeat, misses, cnOpened, CnStore.SQLITE);
    }

    /**
     * Where cn-mnd keeps its logs and how it starts on them: by default its SQLite file, started
     * as {@code macm run} would with the bench's catalog hash; the PostgreSQL bench changes its
     * station.toml once written ({@link #setUp}) and may start it as an active node.
     */
    interface CnStore {
        CnStore SQLITE = new CnStore() {
        };

        /** Changes cn-mnd's folder once its station.toml is written. */
        default void setUp(StationLayout cn) throws IOException {
        }

        /** Starts cn-mnd, handing its station to {@code opened} (before anything listens, where it can). */
        default StationRuntime start(StationLayout cn, Consumer<Station> opened) {
            return StationRuntime.start(cn, Clock.systemUTC(), catalogHash(), opened);
        }

        /** The template catalog hash cn-mnd announces; jp-mod announces the same. */
        default String catalogHash() {
            return "bench";
        }
    }

    /** As above, with cn-mnd's store {@code cnStore} (e.g. PostgreSQL). */
    static MacmLink start(Path root, int paths, boolean proxied, Duration heartbeat, int misses,
            Consumer<Station> cnOpened, CnStore cnStore) throws IOException, InterruptedException {
        StationPair pair = StationPair.create(root).withHeartbeat(heartbeat, misses);
        List<Integer> listen = new ArrayList<>();
        List<Integer> dial = new ArrayList<>();
        List<FaultProxy> proxies = new ArrayList<>();
        List<Integer> ports = FreePort.loopback(proxied ? 1 : paths);
        listen.add(ports.get(0));
        for (int p = 0; p < paths; p++) {
            if (proxied) {
                FaultProxy proxy = FaultProxy.start("path-" + (p + 1), ports.get(0));
                proxies.add(proxy);
                dial.add(proxy.port());
            } else {
                if (p > 0) {
                    listen.add(ports.get(p));
                }
                dial.add(ports.get(p));
            }
        }
        pair.write(pair.listening(CN, StationPair.loopback(listen)));
        pair.write(pair.dialling(JP, StationPair.loopback(dial)));
        StationRuntime cn;
        try {
            cnStore.setUp(pair.cn());
            cn = cnStore.start(pair.cn(), cnOpened);
        } catch (IOException | RuntimeException e) {
            proxies.forEach(FaultProxy::close);
            throw e;
        }
        StationRuntime jp;
        try {
            jp = StationRuntime.start(pair.jp(), Clock.systemUTC(), cnStore.catalogHash());
        } catch (RuntimeException e) {
            cn.close();
            proxies.forEach(FaultProxy::close);
            throw e;
        }
        MacmLink link = new MacmLink(root, cn, jp, proxies);
        if (!link.awaitState(LinkState.UP, Duration.ofSeconds(30))) {
            link.close();
            throw new IllegalStateException("the link did not come UP within 30 s");
        }
        return link;
    }

    List<FaultProxy> proxies() {
        return proxies;
    }

    Path root() {
        return root;
    }

    /** The receiving station, cn-mnd, whose console the console load check watches. */
    StationRuntime cn() {
        return cn;
    }

    /** The sending station, jp-mod. */
    StationRuntime jp() {
        return jp;
    }

    LinkState state() {
        return jp.links().status(CN).orElseThrow().state();
    }

    /** Polls jp-mod's view of the link every millisecond until it is {@code wanted}; false after {@code limit}. */
    boolean awaitState(LinkState wanted, Duration limit) throws InterruptedException {
        return Await.within(limit, Duration.ofMillis(1), () -> state() == wanted);
    }

    static Body message() {
        return new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", TEXT));
    }

    /** Writes one message and returns its size on the wire: entry bytes plus signature. */
    int entrySize() {
        SignedEntry e = jp.station().write(CN, message());
        return e.bytes().length + e.signature().length;
    }

    RoundTrips roundTrips() {
        return new RoundTrips();
    }

    @Override
    public void close() {
        try {
            jp.close();
        } finally {
            try {
                cn.close();
            } finally {
                proxies.forEach(FaultProxy::close);
            }
        }
    }

    /**
     * The round trip as an {@link OpenLoop.Target}. Each request writes on a virtual thread
     * (write returns once the entry is durable at jp-mod, so concurrent writers share fsyncs).
     * The end of a round trip is seen through {@code Station.onVerified} at jp-mod, when it has
     * verified cn-mnd's signed receipt (docs/PROTOCOL.md §10 step 4; jp-mod stores it in its next
     * commit, off the round trip): an entry
     * from cn-mnd covers jp-mod's seq n when it is a receipt up to n or later, or any entry
     * whose peerHead is n or later. Each time coverage advances its time is kept, so the
     * receipt time of seq n is that of the first advance to n or beyond; nothing polls the store.
     */
    final class RoundTrips implements OpenLoop.Target, AutoCloseable {
        /** Writes in progress beyond this are refused (the step then fails), so a stall cannot exhaust memory. */
        static final int MAX_IN_FLIGHT = 50_000;

        private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
        private final ConcurrentSkipListMap<Long, Long> coverage = new ConcurrentSkipListMap<>();
        private final AtomicInteger writing = new AtomicInteger();
        private final AtomicLong highestWritten = new AtomicLong();
        private final Object lock = new Object();
        private final Body body = message();
        private long covered;
        private AtomicLongArray seqOf = new AtomicLongArray(0);

        RoundTrips() {
            jp.station().onVerified((peer, entries) -> {
                long now = System.nanoTime();
                long c = 0;
                for (SignedEntry e : entries) {
                    c = Math.max(c, e.entry().body() instanceof Body.Receipt r ? r.upTo().seq() : e.entry().peerHead().seq());
                }
                synchronized (lock) {
                    if (c > covered) {
                        covered = c;
                        coverage.put(c, now);
                        lock.notifyAll();
                    }
                }
            });
        }

        @Override
        public void begin(int n) {
            seqOf = new AtomicLongArray(n);
        }

        @Override
        public void request(int i) {
            if (writing.incrementAndGet() > MAX_IN_FLIGHT) {
                writing.decrementAndGet();
                return;
            }
            AtomicLongArray seqs = seqOf;
            writers.execute(() -> {
                try {
                    long seq = jp.station().write(CN, body).seq();
                    seqs.set(i, seq);
                    highestWritten.accumulateAndGet(seq, Math::max);
                } finally {
                    if (writing.decrementAndGet() == 0) {
                        synchronized (lock) {
                            lock.notifyAll();
                        }
                    }
                }
            });
        }

        @Override
        public long[] await(Duration drain) throws InterruptedException {
            long deadline = System.nanoTime() + drain.toNanos();
            AtomicLongArray seqs = seqOf;
            synchronized (lock) {
                OpenLoop.waitUntil(lock, () -> writing.get() == 0, deadline);
                long highest = 0;
                for (int i = 0; i < seqs.length(); i++) {
                    highest = Math.max(highest, seqs.get(i));
                }
                long last = highest;
                OpenLoop.waitUntil(lock, () -> covered >= last, deadline);
            }
            long[] done = new long[seqs.length()];
            for (int i = 0; i < done.length; i++) {
                long seq = seqs.get(i);
                Map.Entry<Long, Long> at = seq == 0 ? null : coverage.ceilingEntry(seq);
                done[i] = at == null ? 0 : at.getValue();
            }
            return done;
        }

        @Override
        public boolean settle(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            synchronized (lock) {
                return OpenLoop.waitUntil(lock, () -> writing.get() == 0 && covered >= highestWritten.get(), deadline);
            }
        }

        /** Entries jp-mod has written to cn-mnd so far: the log length the station is working with. */
        long logLength() {
            return highestWritten.get();
        }

        @Override
        public void close() {
            writers.shutdownNow();
        }
    }
}
