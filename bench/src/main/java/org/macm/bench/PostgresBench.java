package org.macm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.macm.station.Station;
import org.macm.station.StationLayout;
import org.macm.station.StoreFactory;
import org.macm.station.run.StationRuntime;
import org.macm.store.CommitStats;
import org.macm.store.Fence;
import org.macm.store.JdbcLogStore;
import org.macm.store.LogStore;
import org.macm.store.PostgresLogStore;
import org.macm.store.PostgresSettings;
import org.macm.store.StationLease;
import org.macm.template.Catalog;
import org.macm.testkit.PostgresCluster;

/**
 * The durable round trip with cn-mnd's store on PostgreSQL, beside SQLite, in one run: the
 * same two stations and open-loop fixed rate as the link bench ({@link LinkBench}), with
 * cn-mnd on its SQLite file, on a throwaway local PostgreSQL cluster ({@link PostgresCluster}:
 * fsync on, {@code synchronous_commit = on}), and on a cluster with a synchronous standby (a
 * second server on this machine that must have flushed each commit before it returns), and on
 * such a cluster as the active node of an active/standby pair (lease taken, every commit
 * fenced by its epoch). cn-mnd is switched to PostgreSQL the way an operator does it: a
 * {@code [store] url} in its station.toml and the password in {@code keys/store.password}.
 * jp-mod stays on SQLite, so the difference is cn-mnd's one commit per round trip (the message
 * with its receipt).
 *
 * <p>All three pairs run at once and are measured in turn, in short slices, round after round
 * (each round starting with the next one): on a shared machine whose load comes and goes, a
 * burst of someone else's work then falls on all three alike instead of on whichever ran then.
 */
final class PostgresBench {
    /** The standby's name (its application_name, which synchronous_standby_names lists). */
    static final String STANDBY = "s1";
    private static final Pattern STORE_LINE = Pattern.compile("(?m)^store\\s*=.*$");

    private final double rate;
    private final double warmSeconds;
    private final int rounds;
    private final double sliceSeconds;
    private final Path dir;

    PostgresBench(boolean quick, Path dir) {
        this.rate = new LinkBench(quick, dir).fixedRate();
        this.warmSeconds = quick ? 10 : 20;
        this.rounds = quick ? 2 : 5;
        this.sliceSeconds = quick ? 3 : 6;
        this.dir = dir;
    }

    /** One configuration: cn-mnd's store, the running pair, and the slices measured on it. */
    private record Config(String name, String description, MacmLink link, MacmLink.RoundTrips rt,
            AtomicReference<LogStore> cnStore, List<OpenLoop.Step> slices) {
        Latency latency() {
            return Latency.merge(slices.stream().map(OpenLoop.Step::latency).toList());
        }

        long lost() {
            return slices.stream().mapToLong(s -> s.sent() - s.latency().count()).sum();
        }
    }

    /** What one configuration measured, for the table. */
    record Result(String name, Latency latency, Optional<CommitStats> commits) {
    }

    void run() throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "Durable round trip with cn-mnd's store on PostgreSQL beside SQLite, fixed %.0f/s, "
                + "%d rounds of %.0f s slices each (jp-mod on SQLite in all; cn-mnd stores each message with its receipt "
                + "in one commit)%n", rate, rounds, sliceSeconds);
        Deque<AutoCloseable> open = new ArrayDeque<>();
        try {
            List<Config> configs = new ArrayList<>();
            configs.add(start("SQLite", "cn-mnd on SQLite (WAL, synchronous=FULL)", "sqlite", MacmLink.CnStore.SQLITE, open));
            Optional<Path> bin = binaries();
            if (bin.isEmpty()) {
                System.out.println("  PostgreSQL: SKIPPED, its server programs are not installed (bench/run.sh installs "
                        + "the Debian package postgresql with apt-get; it could not here)");
            } else {
                PostgresCluster local = PostgresCluster.start();
                open.push(local);
                configs.add(start("PostgreSQL", "cn-mnd on PostgreSQL " + bin.get().getParent().getFileName()
                        + " (local cluster on loopback, fsync on, synchronous_commit on)", "pg", onPostgres(local), open));
                PostgresCluster primary = PostgresCluster.start();
                open.push(primary);
                primary.standby(STANDBY);
                configs.add(start("PG+standby", "cn-mnd on PostgreSQL with a synchronous standby (a second cluster on "
                        + "this machine streaming the WAL; each commit waits for its flush there)", "pg-standby",
                        onPostgres(primary), open));
                PostgresCluster fenced = PostgresCluster.start();
                open.push(fenced);
                fenced.standby(STANDBY);
                configs.add(start("active node", "cn-mnd as the active node of an active/standby pair (lease taken, "
                        + "every commit fenced by its epoch) on PostgreSQL with a synchronous standby", "pg-active",
                        activeNode(fenced, open), open));
            }
            for (Config c : configs) {
                OpenLoop.run(c.rt(), rate, warmSeconds, LinkBench.FIXED_DRAIN);
                c.rt().settle(OpenLoop.SETTLE);
            }
            LinkBench.settleDisk();
            List<Optional<CommitStats>> before = configs.stream().map(c -> commits(c.cnStore().get())).toList();
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < configs.size(); k++) {
                    Config c = configs.get((r + k) % configs.size());
                    c.slices().add(OpenLoop.run(c.rt(), rate, sliceSeconds, LinkBench.FIXED_DRAIN));
                    if (!c.rt().settle(OpenLoop.SETTLE)) {
                        System.out.println("    (" + c.name() + ": a slice's backlog did not clear within "
                                + OpenLoop.SETTLE.toSeconds() + " s)");
                    }
                }
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                Config c = configs.get(i);
                Optional<CommitStats> b = before.get(i);
                Optional<CommitStats> after = commits(c.cnStore().get());
                Optional<CommitStats> during = b.flatMap(x -> after.map(a -> new CommitStats(
                        a.commits() - x.commits(), a.writes() - x.writes(), a.nanos() - x.nanos())));
                System.out.println("  " + c.description());
                System.out.printf(Locale.ROOT, "    %s%s%n", c.latency(), c.lost() == 0 ? "" : "  LOST " + c.lost());
                System.out.println("      p99 (ms) by slice: " + String.join(" / ", c.slices().stream()
                        .map(s -> String.format(Locale.ROOT, "%.0f", s.latency().millis(0.99))).toList()));
                during.ifPresent(x -> System.out.printf(Locale.ROOT, "      cn-mnd's store: %d commits, %.1f writes per "
                        + "commit, %.0f us per commit%n", x.commits(), x.writesPerCommit(), x.microsPerCommit()));
                results.add(new Result(c.name(), c.latency(), during));
            }
            table(results);
        } finally {
            closeAll(open);
        }
    }

    /** Starts a pair with cn-mnd set up by {@code setup}; what it opened goes on {@code open}, to be closed last-first. */
    private Config start(String name, String description, String folder, MacmLink.CnStore setup,
            Deque<AutoCloseable> open) throws IOException, InterruptedException {
        AtomicReference<LogStore> cnStore = new AtomicReference<>();
        MacmLink link = MacmLink.start(Files.createDirectories(dir.resolve(folder)), 1, false, Duration.ofSeconds(2), 3,
                (Station cn) -> cnStore.set(cn.store()), setup);
        open.push(link);
        MacmLink.RoundTrips rt = link.roundTrips();
        open.push(rt);
        return new Config(name, description, link, rt, cnStore, new ArrayList<>());
    }

    private static void closeAll(Deque<AutoCloseable> open) {
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                System.out.println("  (closing: " + e + ")");
            }
        }
    }

    private static Optional<CommitStats> commits(LogStore store) {
        return store instanceof JdbcLogStore j ? Optional.of(j.commitStats()) : Optional.empty();
    }

    /**
     * cn-mnd's station.toml pointed at {@code pg}: the SQLite {@code store} line replaced by a
     * {@code [store]} table with the URL, the password in the default password file (mode 600);
     * it starts as a single node (the store's advisory lock, no lease).
     */
    static MacmLink.CnStore onPostgres(PostgresCluster pg) {
        return new MacmLink.CnStore() {
            @Override
            public void setUp(StationLayout cn) throws IOException {
                pointAt(pg, cn);
            }
        };
    }

    /**
     * As {@link #onPostgres}, but cn-mnd starts as the active node of an active/standby pair:
     * it takes the station's lease (long enough not to need renewing during the bench) and its
     * store writes under that epoch, so every commit also checks the lease row
     * ({@code SELECT ... FOR SHARE}). The lease is closed with the rest, last-first.
     */
    static MacmLink.CnStore activeNode(PostgresCluster pg, Deque<AutoCloseable> open) {
        return new MacmLink.CnStore() {
            @Override
            public void setUp(StationLayout cn) throws IOException {
                pointAt(pg, cn);
            }

            @Override
            public StationRuntime start(StationLayout cn, Consumer<Station> opened) {
                PostgresSettings settings = PostgresSettings.of(url(pg), PostgresCluster.USER, pg.password());
                PostgresLogStore.prepare(settings);
                StationLease lease = StationLease.open(settings, MacmLink.CN, "bench/" + ProcessHandle.current().pid(),
                        Duration.ofHours(1));
                open.push(lease);
                Fence fence = lease.tryAcquire().orElseThrow(() -> new IllegalStateException(
                        "the bench could not take cn-mnd's lease on " + settings.where()));
                StationRuntime runtime = StationRuntime.start(cn, Clock.systemUTC(), StoreFactory.fenced(Optional.of(fence)),
                        Optional::empty);
                opened.accept(runtime.station());
                return runtime;
            }

            @Override
            public String catalogHash() {
                return Catalog.builtIn().hash().hex();
            }
        };
    }

    private static String url(PostgresCluster pg) {
        return pg.url().replace("postgresql://", "postgresql://" + PostgresCluster.USER + "@");
    }

    private static void pointAt(PostgresCluster pg, StationLayout cn) throws IOException {
        Path password = cn.keys().resolve("store.password");
        Files.writeString(password, pg.password() + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        String toml = Files.readString(cn.config(), StandardCharsets.UTF_8);
        Files.writeString(cn.config(), STORE_LINE.matcher(toml).replaceAll("") + "\n[store]\nurl = \"" + url(pg)
                + "\"\npassword-file = \"keys/store.password\"\n", StandardCharsets.UTF_8);
    }

    /** The server programs, if installed; asked here so that a missing install is a message, not a test skip. */
    private static Optional<Path> binaries() {
        try {
            return Optional.of(PostgresCluster.serverBinaries());
        } catch (RuntimeException | AssertionError e) {
            return Optional.empty();
        }
    }

    private void table(List<Result> results) {
        Result sqlite = results.get(0);
        System.out.println();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-34s", "durable round trip"));
        for (Result r : results) {
            head.append(String.format(Locale.ROOT, " %11s", r.name()));
        }
        for (Result r : results.subList(1, results.size())) {
            head.append(String.format(Locale.ROOT, " %19s", r.name() + "/SQLite"));
        }
        System.out.println(head);
        String at = " at " + (int) rate + "/s";
        row("p50" + at + " (ms)", results, sqlite, 0.5);
        row("p99" + at + " (ms)", results, sqlite, 0.99);
        row("p99.9" + at + " (ms)", results, sqlite, 0.999);
        if (results.stream().allMatch(r -> r.commits().isPresent())) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-34s", "cn-mnd's commit, mean (us)"));
            double base = sqlite.commits().orElseThrow().microsPerCommit();
            for (Result r : results) {
                line.append(String.format(Locale.ROOT, " %11.0f", r.commits().orElseThrow().microsPerCommit()));
            }
            for (Result r : results.subList(1, results.size())) {
                line.append(String.format(Locale.ROOT, " %19.2f", r.commits().orElseThrow().microsPerCommit() / base));
            }
            System.out.println(line);
        }
        System.out.println("  (lower is better; a ratio over 1 is what PostgreSQL costs over SQLite)");
    }

    private static void row(String label, List<Result> results, Result sqlite, double fraction) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-34s", label));
        for (Result r : results) {
            line.append(String.format(Locale.ROOT, " %11.2f", r.latency().millis(fraction)));
        }
        for (Result r : results.subList(1, results.size())) {
            line.append(String.format(Locale.ROOT, " %19.2f",
                    r.latency().millis(fraction) / sqlite.latency().millis(fraction)));
        }
        System.out.println(line);
    }
}
