package org.macm.station.failover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.macm.station.StationPair;
import org.macm.station.chaos.ChaosLog;
import org.macm.station.chaos.ClassPathSnapshot;
import org.macm.station.chaos.FinalChecks;
import org.macm.station.chaos.StationProcess;
import org.macm.station.config.StationConfigWriter;
import org.macm.testkit.FreePort;
import org.macm.testkit.PostgresCluster;

/**
 * jp-mod (SQLite) and the two nodes of cn-mnd ({@link CnNodes}) on one PostgreSQL database,
 * as child processes; jp-mod dials both nodes' link ports, one path each, so it reaches
 * whichever node is active. Starts them, waits for the link, and runs the checks that end
 * every failover run. Everything it does goes to {@code failover.log} in its folder.
 */
final class FailoverRig implements AutoCloseable {
    /** Heartbeats every 200 ms, a path closed after three silent intervals: jp-mod notices a dead node fast. */
    private static final Duration HEARTBEAT = Duration.ofMillis(200);
    private static final int MISSES = 3;
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    /** jp-mod's longest wait between redials of a path (default 10 s; see {@link #writeJp}). */
    static final Duration RECONNECT_MAX = Duration.ofSeconds(2);

    private final Path dir;
    private final ChaosLog log;
    private final StationPair stations;
    private final StationProcess jp;
    private final CnNodes cn;
    private final StoreUrl store;

    private FailoverRig(Path dir, ChaosLog log, StationPair stations, StationProcess jp, CnNodes cn, StoreUrl store) {
        this.dir = dir;
        this.log = log;
        this.stations = stations;
        this.jp = jp;
        this.cn = cn;
        this.store = store;
    }

    /** Writes jp-mod's and both cn-mnd nodes' folders under {@code dir}, cn-mnd on {@code store}. */
    static FailoverRig create(Path dir, StoreUrl store, Duration lease) {
        ChaosLog log = new ChaosLog(dir.resolve("failover.log"));
        StationPair stations = StationPair.create(dir).withHeartbeat(HEARTBEAT, MISSES);
        List<Integer> ports = FreePort.loopback(2);
        String classPath = ClassPathSnapshot.take(dir.resolve("classpath"));
        CnNodes cn = CnNodes.write(stations, ports, store, lease, classPath);
        writeJp(stations, ports);
        log.note("cn-a listens on :" + ports.get(0) + ", cn-b on :" + ports.get(1) + "; store " + store + "; lease "
                + lease.toSeconds() + " s");
        return new FailoverRig(dir, log, stations, new StationProcess(StationPair.JP, stations.jp(), classPath), cn,
                store);
    }

    /**
     * jp-mod dials both nodes, one path each. The path to the standby is refused over and over,
     * so its redial backoff grows; with the default ceiling (10 s) jp-mod finds the new active
     * node up to 10 s after it took over. A peer of a pair sets a lower ceiling, as here.
     */
    private static void writeJp(StationPair stations, List<Integer> ports) {
        String text = StationConfigWriter.render(stations.dialling(StationPair.JP, StationPair.loopback(ports)));
        String withCeiling = text.replaceFirst("(?m)^\\[link\\]\\n",
                "[link]\nreconnect-max = \"" + RECONNECT_MAX.toSeconds() + "s\"\n");
        if (withCeiling.equals(text)) {
            throw new AssertionError("no [link] table in the rendered station.toml:\n" + text);
        }
        try {
            Files.writeString(stations.jp().config(), withCeiling, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stations.jp().config(), e);
        }
    }

    ChaosLog log() {
        return log;
    }

    StationProcess jp() {
        return jp;
    }

    CnNodes cn() {
        return cn;
    }

    StoreUrl store() {
        return store;
    }

    /** Starts both nodes and jp-mod at once; returns once one node is active, the other standby, jp-mod on it. */
    void start() throws InterruptedException {
        cn.all().forEach(n -> n.process().start());
        jp.start();
        CnNodes.Node active = cn.awaitOneActive(START_LIMIT);
        jp.awaitApi(START_LIMIT);
        awaitLinkUp(active, START_LIMIT);
        log.note(active + " active, " + cn.other(active) + " standby, jp-mod's link up through " + active);
    }

    /** jp-mod's link to cn-mnd as its status shows it; empty while jp-mod does not answer. */
    Optional<JsonNode> jpLink() throws InterruptedException {
        return jp.http().link();
    }

    /** Waits until jp-mod's link to cn-mnd is up through node {@code n}: its path connected. */
    void awaitLinkUp(CnNodes.Node n, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Optional<JsonNode> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = jpLink();
            if (last.map(l -> upThrough(l, n)).orElse(false)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("jp-mod's link to cn-mnd was not UP through " + n + " (:" + n.linkPort() + ") within "
                + limit + "; last: " + last);
    }

    private static boolean upThrough(JsonNode link, CnNodes.Node n) {
        // With one node of two listening, the link is DEGRADED (one path refused), not DOWN.
        if (link.path("state").asText().equals("DOWN")) {
            return false;
        }
        for (JsonNode p : link.path("paths")) {
            if (p.path("name").asText().endsWith(":" + n.linkPort()) && p.path("connected").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits until jp-mod and the active node hold each other's whole log, and nothing changes for
     * a second (the last receipts are written and carried across).
     */
    void awaitCaughtUp(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String previous = "";
        String last = "";
        while (System.nanoTime() < deadline) {
            Optional<CnNodes.Node> active = cn.active();
            Optional<JsonNode> j = jpLink();
            Optional<JsonNode> c = active.isPresent()
                    ? CnNodes.status(active.get()).map(s -> s.path("links").path(0))
                    : Optional.empty();
            if (j.isPresent() && c.isPresent()) {
                JsonNode jl = j.get();
                JsonNode cl = c.get();
                last = "jp-mod " + jl + "\ncn-mnd (" + active.get() + ") " + cl;
                boolean same = jl.path("ownHead").equals(cl.path("heldPeerHead"))
                        && cl.path("ownHead").equals(jl.path("heldPeerHead"));
                String heads = jl.path("ownHead") + " " + cl.path("ownHead");
                if (same && heads.equals(previous)) {
                    return;
                }
                previous = same ? heads : "";
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("jp-mod and cn-mnd did not catch up within " + limit + "; last status:\n" + last);
    }

    /** SIGTERM to jp-mod and both nodes (standby first, so that the active one is not replaced meanwhile). */
    void stopAll() throws InterruptedException {
        jp.stop();
        Optional<CnNodes.Node> active = cn.active();
        for (CnNodes.Node n : cn.all()) {
            if (active.filter(n::equals).isEmpty()) {
                n.process().stop();
            }
        }
        if (active.isPresent()) {
            active.get().process().stop();
        }
        log.note("all stopped; starts: jp-mod " + jp.starts() + ", cn-a " + cn.node("cn-a").process().starts()
                + ", cn-b " + cn.node("cn-b").process().starts());
    }

    /**
     * Once everything has stopped: every message of {@code jpTexts} delivered exactly once and in
     * order; both stores' copies byte-identical to the originals (jp-mod's SQLite copy of cn-mnd's
     * log vs the PostgreSQL original, and the reverse); the exports verify together; no
     * equivocation recorded; and in the database, one row per (link, author, seq) and every
     * author's seqs 1..n without a gap.
     */
    void finalChecks(List<String> jpTexts) throws SQLException, IOException {
        assertThat(jp.alarms()).as("errors and refusals logged by jp-mod").isEmpty();
        for (CnNodes.Node n : cn.all()) {
            // A node that was killed or deposed may log errors about its own store; refusing one of
            // jp-mod's entries is never right.
            assertThat(n.process().alarms().stream().filter(l -> l.contains("refused entry")).toList())
                    .as("entries of jp-mod refused by %s", n).isEmpty();
        }
        FinalChecks.exportsVerifyTogether(stations, Map.of(StationPair.JP, jpTexts.size()));
        FinalChecks.logs(stations, jpTexts, List.of());
        oneRowPerSeq();
        log.note("final checks passed: " + jpTexts.size() + " messages exactly once, in order; logs byte-identical");
    }

    /** In the database: for each (link, author), as many rows as distinct seqs, seqs 1..n, no gap; no equivocation. */
    void oneRowPerSeq() throws SQLException {
        try (Connection c = store.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT link, author, count(*), count(DISTINCT seq), min(seq), max(seq)"
                        + " FROM entry GROUP BY link, author")) {
            int logs = 0;
            while (rs.next()) {
                logs++;
                String which = rs.getString(1) + "/" + rs.getString(2);
                assertThat(rs.getLong(3)).as("rows of %s vs distinct seqs", which).isEqualTo(rs.getLong(4));
                assertThat(rs.getLong(5)).as("first seq of %s", which).isEqualTo(1);
                assertThat(rs.getLong(6)).as("last seq of %s (no gap)", which).isEqualTo(rs.getLong(3));
            }
            assertThat(logs).as("logs in the database").isEqualTo(2);
        }
        try (Connection c = store.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM equivocation")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("equivocation evidence rows in the database").isZero();
        }
    }

    /** Where the evidence is, for a failure message. */
    String evidence() {
        StringBuilder s = new StringBuilder("failover run failed; evidence kept in " + dir + ":\n  " + log.file()
                + "\n  " + stations.jp().dir() + " " + jp.outputFiles());
        for (CnNodes.Node n : cn.all()) {
            s.append("\n  ").append(n).append(": ").append(n.process().layout().dir()).append(' ')
                    .append(n.process().outputFiles());
        }
        return s.toString();
    }

    @Override
    public void close() {
        jp.close();
        cn.close();
    }
}
