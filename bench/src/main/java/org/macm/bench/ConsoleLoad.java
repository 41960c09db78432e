package org.macm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.macm.core.log.SignedEntry;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.station.console.ConsoleEvents;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import org.macm.station.run.StationRuntime;
import org.macm.testkit.Await;

/**
 * The console under load: {@link #CONSOLES} officers logged in to cn-mnd's console, each
 * holding its event stream open ({@link ConsoleStream}), while jp-mod sends {@link #RATE}
 * messages a second open-loop ({@link OpenLoop}, {@link MacmLink}). Every message cn-mnd
 * stores, and every receipt it writes, is a {@code traffic} event on each console.
 *
 * <p>Delay is counted from the <b>commit</b>: when cn-mnd's store has made the entry durable
 * ({@code Station.onReceive}/{@code onWrite} are called after the commit). It ends either when
 * {@code ConsoleEvents} has written the event to a console's stream ({@code onWritten}), or
 * when the client has read it. Events are matched to commits by their data, {@code AUTHOR/SEQ}.
 * The bench's listeners are added before any of the station's own parts listen (listeners run
 * in the order they were added), so the commit is stamped before the console hears of it.
 */
final class ConsoleLoad {
    static final int CONSOLES = 20;
    static final double RATE = 200;
    static final double GOAL_P99_MILLIS = 100;
    private static final String PASSWORD = "bench console password";

    private final Path dir;
    private final double warmSeconds;
    private final double seconds;

    ConsoleLoad(Path dir, double warmSeconds, double seconds) {
        this.dir = dir;
        this.warmSeconds = warmSeconds;
        this.seconds = seconds;
    }

    /** One event as written to one console's stream. */
    private record Written(String data, long nanos) {
    }

    void run() throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "Console event stream: %d consoles logged in to cn-mnd by SSE while jp-mod sends "
                + "%.0f messages/s open-loop; %.0f s warm-up, then %.0f s measured%n", CONSOLES, RATE, warmSeconds, seconds);
        Path root = Files.createDirectories(dir);
        StationPair pair = StationPair.create(root);
        OfficerRegistry officers = new OfficerRegistry(pair.cn(), Clock.systemUTC(), new SecureRandom());
        for (int i = 1; i <= CONSOLES; i++) {
            officers.add(user(i), "Officer " + i, Role.DUTY, Optional.empty(), Password.of(PASSWORD.toCharArray()));
        }
        Map<String, Long> commits = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Written> writes = new ConcurrentLinkedQueue<>();
        List<ConsoleStream> consoles = new ArrayList<>();
        // Listening before the station's own parts do, the bench stamps each commit first.
        Consumer<Station> stamp = station -> {
            station.onWrite((peer, e) -> commits.put(key(e), System.nanoTime()));
            // The console's feed publishes one event per batch taken in, named after its last entry.
            station.onReceive((peer, entries) -> commits.put(key(entries.get(entries.size() - 1)), System.nanoTime()));
        };
        try (MacmLink link = MacmLink.start(root, 1, false, Duration.ofSeconds(2), 3, stamp);
                MacmLink.RoundTrips rt = link.roundTrips()) {
            StationRuntime cn = link.cn();
            ConsoleEvents events = cn.console().events();
            events.onWritten(e -> writes.add(new Written(e.data(), System.nanoTime())));
            URI url = URI.create(cn.consoleUrl());
            try {
                for (int i = 1; i <= CONSOLES; i++) {
                    consoles.add(ConsoleStream.login(url, user(i), PASSWORD).open("console-" + i));
                }
                if (!Await.within(Duration.ofSeconds(30), Duration.ofMillis(10), () -> events.connected() == CONSOLES)) {
                    throw new IllegalStateException(events.connected() + " of " + CONSOLES + " consoles connected");
                }
                long first = events.lastId() + 1;
                OpenLoop.run(rt, RATE, warmSeconds, LinkBench.FIXED_DRAIN);
                rt.settle(OpenLoop.SETTLE);
                long clientCpu = clientCpuNanos();
                long from = System.nanoTime();
                OpenLoop.Step step = OpenLoop.run(rt, RATE, seconds, LinkBench.FIXED_DRAIN);
                rt.settle(OpenLoop.SETTLE);
                long to = System.nanoTime();
                clientCpu = clientCpuNanos() - clientCpu;
                long last = events.lastId();
                Await.within(Duration.ofSeconds(10), Duration.ofMillis(10),
                        () -> consoles.stream().allMatch(c -> seen(c) >= last));
                report(step, clientCpu, consoles, first, last, commits, List.copyOf(writes), from, to);
            } finally {
                consoles.forEach(ConsoleStream::close);
            }
        }
    }

    /**
     * CPU time so far of the clients' platform threads: the readers ({@code console-N}) and
     * HttpClient's selector and workers (a worker that has ended is not counted). What is left
     * of the JVM's CPU is the stations', the link's and the streams' writers'.
     */
    private static long clientCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && (t.getThreadName().startsWith("console-") || t.getThreadName().startsWith("HttpClient-"))) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    private static long seen(ConsoleStream c) {
        List<ConsoleStream.Received> r = c.received();
        return r.isEmpty() ? 0 : r.get(r.size() - 1).id();
    }

    private void report(OpenLoop.Step step, long clientCpu, List<ConsoleStream> consoles, long first, long last,
            Map<String, Long> commits, List<Written> writes, long from, long to) {
        System.out.println("  link at " + (int) RATE + "/s meanwhile: " + step);
        System.out.printf(Locale.ROOT, "    of that CPU, the clients' own threads (readers, HttpClient) took %.0f us per "
                + "message%n", clientCpu / 1e3 / step.sent());
        Delays written = new Delays();
        for (Written w : writes) {
            written.add(commits.get(w.data()), w.nanos(), from, to);
        }
        Delays read = new Delays();
        long expected = last - first + 1;
        int complete = 0;
        StringBuilder problems = new StringBuilder();
        for (int i = 0; i < consoles.size(); i++) {
            List<ConsoleStream.Received> got = consoles.get(i).received();
            long next = first;
            boolean inOrder = true;
            for (ConsoleStream.Received r : got) {
                inOrder &= r.id() == next++;
                read.add(commits.get(r.data()), r.nanos(), from, to);
            }
            if (inOrder && got.size() == expected) {
                complete++;
            } else {
                problems.append(String.format(Locale.ROOT, "%n    console %d: %d of %d events%s%s", i + 1, got.size(),
                        expected, inOrder ? "" : ", ids not consecutive from " + first,
                        consoles.get(i).failure().isEmpty() ? "" : ", stream failed: " + consoles.get(i).failure()));
            }
        }
        System.out.printf(Locale.ROOT, "  events: ids %d..%d, %d per console; %d of %d consoles got every one, in order%s%n",
                first, last, expected, complete, consoles.size(), problems);
        System.out.println("  commit -> written to the console's stream: " + written.latency()
                + written.notes());
        System.out.println("  commit -> read by the console (client):    " + read.latency() + read.notes());
        double p99 = written.latency().millis(0.99);
        System.out.printf(Locale.ROOT, "  p99 commit -> SSE write %.2f ms: goal <= %.0f ms %s%n", p99, GOAL_P99_MILLIS,
                p99 <= GOAL_P99_MILLIS ? "met" : "NOT met");
    }

    private static String user(int i) {
        return String.format(Locale.ROOT, "officer%02d", i);
    }

    private static String key(SignedEntry e) {
        return e.log().author().value() + "/" + e.seq();
    }

    /** Delays of the events whose commit fell in the measured window. */
    private static final class Delays {
        private final List<Long> nanos = new ArrayList<>();
        private int early;
        private int unmatched;

        void add(Long commit, long at, long from, long to) {
            if (commit == null) {
                unmatched++; // not an entry (a link or alarm event), or committed before the bench listened
                return;
            }
            if (commit < from || commit > to) {
                return;
            }
            if (at < commit) {
                early++;
            }
            nanos.add(Math.max(0, at - commit));
        }

        Latency latency() {
            return Latency.of(nanos.stream().mapToLong(Long::longValue).toArray());
        }

        String notes() {
            return (early == 0 ? "" : "; " + early + " before the commit stamp (counted as 0)")
                    + (unmatched == 0 ? "" : "; " + unmatched + " not an entry's event");
        }
    }
}
