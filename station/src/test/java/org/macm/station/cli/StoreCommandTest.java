package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.JP;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.node.NodeFolders;
import org.macm.store.PostgresLogStore;
import org.macm.store.PostgresSettings;
import org.macm.store.SqliteLogStore;
import org.macm.testkit.PostgresCluster;

/**
 * {@code macm store copy} on a real store: cn-mnd's SQLite file after a real demo exchange
 * with jp-mod, copied into databases of one throwaway PostgreSQL cluster (a fresh database
 * per test). The copy must hold the same logs, entries (bytes, signatures, times stored) and
 * heads, and cn-mnd must go on writing on it; every refusal is one line and writes nothing.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StoreCommandTest {
    private static final StationId CN = StationId.of("cn-mnd");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static PostgresCluster pg;
    private static StationLayout cnFolder;
    private static Path source;

    @BeforeAll
    static void demoExchangeAndCluster() {
        CliRun demo = CliRun.run("demo", "--once", "--dir", shared.resolve("demo").toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        cnFolder = new StationLayout(shared.resolve("demo").resolve("cn-mnd"));
        source = cnFolder.dir().resolve("store").resolve("macm.db");
        assertThat(source).isRegularFile();
        pg = PostgresCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (pg != null) {
            pg.close();
        }
    }

    /** A new, empty database owned by macm; returns its URL as an operator writes it (role in it, no password). */
    private static String emptyDatabase() {
        return withRole(pg.database("copy_" + DATABASES.incrementAndGet()));
    }

    private static String withRole(String url) {
        return url.replace("postgresql://", "postgresql://" + PostgresCluster.USER + "@");
    }

    private Path passwordFile(String password) throws Exception {
        Path f = tmp.resolve("store.password");
        Files.writeString(f, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private CliRun copy(String to, String... more) throws Exception {
        String[] args = new String[6 + more.length];
        args[0] = "store";
        args[1] = "copy";
        args[2] = "--from";
        args[3] = "sqlite:" + source;
        args[4] = "--to";
        args[5] = to;
        System.arraycopy(more, 0, args, 6, more.length);
        return CliRun.withEnv(Map.of("MACM_STORE_PASSWORD", pg.password()), args);
    }

    private static PostgresLogStore openCopy(String url) {
        return PostgresLogStore.open(PostgresSettings.of(url, PostgresCluster.USER, pg.password()), CN, Clock.systemUTC(),
                Optional.empty());
    }

    private static List<LogId> sourceLogs() {
        try (SqliteLogStore s = SqliteLogStore.open(source)) {
            return s.logs();
        }
    }

    @Test
    void copy_demoStore_intoEmptyDatabase_printsEachLogAndVerified_andTheCopyHoldsTheSameLogsByteForByte() throws Exception {
        String url = emptyDatabase();

        CliRun r = CliRun.run("store", "copy", "--from", "sqlite:" + source, "--to", url,
                "--password-file", passwordFile(pg.password()).toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        try (SqliteLogStore from = SqliteLogStore.open(source); PostgresLogStore to = openCopy(url)) {
            assertThat(to.logs()).containsExactlyInAnyOrderElementsOf(from.logs()).hasSize(2);
            long total = 0;
            for (LogId log : from.logs()) {
                Head head = from.head(log);
                List<SignedEntry> entries = from.read(log, 1, Integer.MAX_VALUE);
                total += entries.size();
                assertThat(to.head(log)).as(log.toString()).isEqualTo(head);
                List<SignedEntry> copied = to.read(log, 1, Integer.MAX_VALUE);
                assertThat(copied).hasSameSizeAs(entries);
                for (int i = 0; i < entries.size(); i++) {
                    assertThat(copied.get(i).bytes()).as(log + " seq " + (i + 1)).isEqualTo(entries.get(i).bytes());
                    assertThat(copied.get(i).signature()).isEqualTo(entries.get(i).signature());
                    assertThat(to.storedAt(log, i + 1)).isEqualTo(from.storedAt(log, i + 1));
                }
                assertThat(to.findings(log)).isEqualTo(from.findings(log));
                assertThat(to.equivocations(log)).isEqualTo(from.equivocations(log));
                assertThat(r.out()).containsPattern("(?m)^  " + Pattern.quote(log.toString()) + " +"
                        + entries.size() + " +" + head.seq() + "  " + head.hash().shortHex() + "$");
            }
            assertThat(r.out()).startsWith("Copied sqlite:" + source + " to postgresql://127.0.0.1:" + pg.port() + "/")
                    .endsWith("VERIFIED: " + total + " entries in 2 logs; switch the station by setting [store] url = \""
                            + url + "\" in station.toml\n")
                    .doesNotContain(pg.password());
        }
    }

    @Test
    void copiedStore_cnMndSwitchedByStoreUrl_writesOnIt_continuingItsChainWhereTheSqliteStoreEnded() throws Exception {
        String database = pg.database("copy_" + DATABASES.incrementAndGet());
        CliRun copied = copy(database, "--user", PostgresCluster.USER);
        assertThat(copied.exitCode()).as(copied.err()).isZero();
        assertThat(copied.out()).endsWith("[store] url = \"" + withRole(database) + "\" in station.toml\n");
        LogId ownLog;
        Head before;
        try (SqliteLogStore from = SqliteLogStore.open(source)) {
            ownLog = from.logs().stream().filter(l -> l.author().equals(CN)).findFirst().orElseThrow();
            before = from.head(ownLog);
        }
        // What the VERIFIED line says to do: cn-mnd's folder with [store] url and the password file.
        StationLayout switched = NodeFolders.node(StationPair.create(shared.resolve("demo")), tmp, "cn-a", database,
                pg.password(), Duration.ofSeconds(5), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

        try (Station cn = Station.open(switched, Clock.systemUTC())) {
            assertThat(cn.store()).isInstanceOf(PostgresLogStore.class);
            assertThat(cn.store().head(ownLog)).isEqualTo(before);
            SignedEntry next = cn.write(JP, new Body.Message(Precedence.ROUTINE,
                    new MessageContent.FreeText("en", "Written on PostgreSQL after the copy.")));

            assertThat(next.seq()).isEqualTo(before.seq() + 1);
            assertThat(next.entry().prev()).isEqualTo(before.hash());
            assertThat(cn.store().head(ownLog)).isEqualTo(next.head());
        }
    }

    @Test
    void copy_intoDatabaseThatHoldsLogs_isRefused_andLeavesItAsItWas() throws Exception {
        String url = emptyDatabase();
        assertThat(copy(url).exitCode()).isZero();
        Map<LogId, Head> heads;
        try (PostgresLogStore to = openCopy(url)) {
            heads = to.logs().stream().collect(Collectors.toMap(l -> l, to::head));
        }

        CliRun again = copy(url);

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errorLine()).startsWith("macm: the database at postgresql://127.0.0.1:" + pg.port() + "/")
                .contains("already holds 2 log(s)").endsWith("copy only into an empty database (nothing was written)");
        assertThat(again.out()).doesNotContain("VERIFIED");
        try (PostgresLogStore to = openCopy(url)) {
            assertThat(to.logs()).hasSize(2);
            heads.forEach((log, head) -> assertThat(to.head(log)).isEqualTo(head));
        }
    }

    @Test
    void copy_ofStoreThatIsNotThere_isRefused() throws Exception {
        String url = emptyDatabase();
        Path missing = tmp.resolve("nowhere").resolve("macm.db");

        CliRun r = CliRun.withEnv(Map.of("MACM_STORE_PASSWORD", pg.password()), "store", "copy", "--from",
                "sqlite:" + missing, "--to", url, "--station", "cn-mnd");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).isEqualTo("macm: there is no store at " + missing + ": name the station's store file "
                + "(station.toml's store key, by default DIR/store/macm.db)");
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void copy_whileCnMndRunsOnTheStore_isRefused_andTheDatabaseStaysEmpty() throws Exception {
        String url = emptyDatabase();
        CliRun r;
        try (Station running = Station.open(cnFolder, Clock.systemUTC())) {
            assertThat(running.id()).isEqualTo(CN);
            r = copy(url);
        }

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).startsWith("macm: cannot read " + source + ": ")
                .contains("in use by another station process: stop it first");
        try (PostgresLogStore to = openCopy(url)) {
            assertThat(to.logs()).isEmpty();
        }
    }

    @Test
    void copy_toUrlThatIsNotPostgresql_orHoldsAPassword_isRefused_withoutEchoingThePassword() {
        CliRun mysql = CliRun.withEnv(Map.of("MACM_STORE_PASSWORD", "x"), "store", "copy", "--from", "sqlite:" + source,
                "--to", "mysql://macm@127.0.0.1/macm");
        CliRun withPassword = CliRun.withEnv(Map.of("MACM_STORE_PASSWORD", "x"), "store", "copy", "--from",
                "sqlite:" + source, "--to", "postgresql://macm:hunter2secret@127.0.0.1/macm");

        assertThat(mysql.exitCode()).isEqualTo(1);
        assertThat(mysql.errorLine()).isEqualTo("macm: store url mysql://macm@127.0.0.1/macm does not start with "
                + "postgresql://: write postgresql://user@host[:port]/database");
        assertThat(withPassword.exitCode()).isEqualTo(1);
        assertThat(withPassword.errorLine()).contains("holds a password").contains("password file")
                .doesNotContain("hunter2secret");
    }

    @Test
    void copy_withWrongPassword_isRefused_inOneLine_thatDoesNotShowIt() throws Exception {
        String url = emptyDatabase();

        CliRun r = CliRun.withEnv(Map.of("MACM_STORE_PASSWORD", "not-the-password-42"), "store", "copy", "--from",
                "sqlite:" + source, "--to", url);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n")
                .startsWith("macm: cannot log in to postgresql://127.0.0.1:" + pg.port() + url.substring(url.lastIndexOf('/')))
                .containsIgnoringCase("password")
                .doesNotContain("not-the-password-42").doesNotContain("unexpected error");
        try (PostgresLogStore to = openCopy(url)) {
            assertThat(to.logs()).isEmpty();
        }
    }

    @Test
    void copy_withNoPasswordAnywhere_saysWhereToPutIt() throws Exception {
        String url = emptyDatabase();

        CliRun r = CliRun.run("store", "copy", "--from", "sqlite:" + source, "--to", url);

        assertThat(r.exitCode()).isEqualTo(1);
        Path expected = cnFolder.dir().resolve("keys").resolve("store.password");
        assertThat(r.errorLine()).isEqualTo("macm: store password file " + expected + " does not exist: write the "
                + "database password into it on one line and chmod 600 it, or set MACM_STORE_PASSWORD");
        assertThat(sourceLogs()).hasSize(2);
    }

    @Test
    void copy_fromSomethingElseThanSqlite_isAUsageError() {
        CliRun r = CliRun.run("store", "copy", "--from", source.toString(), "--to", "postgresql://macm@127.0.0.1/macm");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("macm: --from must name a SQLite store as sqlite:FILE (e.g. "
                + "sqlite:/srv/macm/cn-mnd/store/macm.db), got '" + source + "'");
    }

    @Test
    void store_withoutWhatToDo_isAUsageError_andMainRegistersTheCommandByItsName() {
        CliRun r = CliRun.run("store");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("macm: say what to do: macm store copy --from ... --to ... (see 'macm store --help')");
        assertThat(Macm.subcommandsFor(new String[] {"store", "copy", "--from", "sqlite:x"})).containsExactly(StoreCommand.class);
    }
}
