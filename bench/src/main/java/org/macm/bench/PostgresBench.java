package org.macm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.macm.station.Station;
import org.macm.station.StationLayout;
import org.macm.store.LogStore;
import org.macm.store.PostgresLogStore;
import org.macm.store.SqliteLogStore;
import org.macm.testkit.PostgresCluster;

/**
 * The durable round trip with cn-mnd's store on PostgreSQL, beside SQLite, in one run: the
 * same two stations and fixed-rate step as the link bench ({@link LinkBench}), once with
 * cn-mnd on its SQLite file, once on a throwaway local PostgreSQL cluster
 * ({@link PostgresCluster}: fsync on, {@code synchronous_commit = on}), once more on a cluster
 * with a synchronous standby (a second server on this machine that must have flushed each
 * commit before it returns). cn-mnd is switched to PostgreSQL the way an operator does it: a
 * {@code [store] url} in its station.toml and the password in {@code keys/store.password}.
 * jp-mod stays on SQLite, so the difference is cn-mnd's one commit per round trip (the
 * message with its receipt).
 */
final class PostgresBench {
    /** The standby's name (its application_name, which synchronous_standby_names lists). */
    static final String STANDBY = "s1";
    private static final Pattern STORE_LINE = Pattern.compile("(?m)^store\\s*=.*$");

    private final LinkBench link;
    private final Path dir;

    PostgresBench(boolean quick, Path dir) {
        this.link = new LinkBench(quick, dir);
        this.dir = dir;
    }

    /** One configuration's fixed-rate step, and cn-mnd's commits during it. */
    record Result(String name, OpenLoop.Step fixed, Optional<SqliteLogStore.CommitStats> commits) {
    }

    void run() throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "Durable round trip with cn-mnd's store on PostgreSQL beside SQLite, fixed %.0f/s "
                + "(jp-mod on SQLite in all three; cn-mnd stores each message with its receipt in one commit)%n",
                link.fixedRate());
        List<Result> results = new ArrayList<>();
        System.out.println("  cn-mnd on SQLite (WAL, synchronous=FULL)");
        results.add(measure("SQLite", dir.resolve("sqlite"), MacmLink.CnSetup.NONE));
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            System.out.println("  PostgreSQL: SKIPPED, its server programs are not installed (bench/run.sh installs the "
                    + "Debian package postgresql with apt-get; it could not here)");
        } else {
            LinkBench.settleDisk();
            try (PostgresCluster pg = PostgresCluster.start()) {
                System.out.println("  cn-mnd on PostgreSQL " + bin.get().getParent().getFileName() + " (local cluster "
                        + "on loopback, fsync on, synchronous_commit on)");
                results.add(measure("PostgreSQL", dir.resolve("pg"), onPostgres(pg)));
            }
            LinkBench.settleDisk();
            try (PostgresCluster pg = PostgresCluster.start()) {
                pg.standby(STANDBY);
                System.out.println("  cn-mnd on PostgreSQL with a synchronous standby (a second cluster on this machine "
                        + "streaming the WAL; each commit waits for its flush there)");
                results.add(measure("PG+standby", dir.resolve("pg-standby"), onPostgres(pg)));
            }
        }
        table(results);
    }

    private Result measure(String name, Path root, MacmLink.CnSetup setup) throws IOException, InterruptedException {
        AtomicReference<LogStore> cnStore = new AtomicReference<>();
        try (MacmLink macm = MacmLink.start(Files.createDirectories(root), 1, false, Duration.ofSeconds(2), 3,
                (Station cn) -> cnStore.set(cn.store()), setup);
                MacmLink.RoundTrips rt = macm.roundTrips()) {
            Optional<SqliteLogStore.CommitStats> before = commits(cnStore.get());
            OpenLoop.Step fixed = link.fixed(rt);
            Optional<SqliteLogStore.CommitStats> after = commits(cnStore.get());
            Optional<SqliteLogStore.CommitStats> during = before.flatMap(b -> after.map(a ->
                    new SqliteLogStore.CommitStats(a.commits() - b.commits(), a.writes() - b.writes(), a.nanos() - b.nanos())));
            during.ifPresent(c -> System.out.printf(Locale.ROOT, "      cn-mnd's store (warm-up and step): %d commits, "
                    + "%.1f writes per commit, %.0f us per commit%n", c.commits(), c.writesPerCommit(), c.microsPerCommit()));
            return new Result(name, fixed, during);
        }
    }

    private static Optional<SqliteLogStore.CommitStats> commits(LogStore store) {
        if (store instanceof SqliteLogStore s) {
            return Optional.of(s.commitStats());
        }
        if (store instanceof PostgresLogStore p) {
            return Optional.of(p.commitStats());
        }
        return Optional.empty();
    }

    /**
     * cn-mnd's station.toml pointed at {@code pg}: the SQLite {@code store} line replaced by a
     * {@code [store]} table with the URL, the password in the default password file (mode 600).
     */
    static MacmLink.CnSetup onPostgres(PostgresCluster pg) {
        return cn -> {
            Path password = cn.keys().resolve("store.password");
            Files.writeString(password, pg.password() + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
            String toml = Files.readString(cn.config(), StandardCharsets.UTF_8);
            String url = pg.url().replace("postgresql://", "postgresql://" + PostgresCluster.USER + "@");
            Files.writeString(cn.config(), STORE_LINE.matcher(toml).replaceAll("") + "\n[store]\nurl = \"" + url
                    + "\"\npassword-file = \"keys/store.password\"\n", StandardCharsets.UTF_8);
        };
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
            head.append(String.format(Locale.ROOT, " %17s", r.name() + "/SQLite"));
        }
        System.out.println(head);
        String at = " at " + (int) link.fixedRate() + "/s";
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
                line.append(String.format(Locale.ROOT, " %17.2f", r.commits().orElseThrow().microsPerCommit() / base));
            }
            System.out.println(line);
        }
        System.out.println("  (lower is better; a ratio over 1 is what PostgreSQL costs over SQLite)");
    }

    private static void row(String label, List<Result> results, Result sqlite, double fraction) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-34s", label));
        for (Result r : results) {
            line.append(String.format(Locale.ROOT, " %11.2f", r.fixed().latency().millis(fraction)));
        }
        for (Result r : results.subList(1, results.size())) {
            line.append(String.format(Locale.ROOT, " %17.2f",
                    r.fixed().latency().millis(fraction) / sqlite.fixed().latency().millis(fraction)));
        }
        System.out.println(line);
    }
}
