package org.macm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for one test (or benchmark): Debian's own server binaries,
 * a data folder of its own under the temporary folder, listening on a free loopback port,
 * with a database {@code macm} owned by a role {@code macm} that logs in by password
 * (SCRAM). PostgreSQL refuses to run as root, and CI runs as root: then every server
 * program runs as the {@code postgres} user ({@code runuser}), which owns the folder.
 *
 * <p>{@link #standby} adds a second cluster, made by {@code pg_basebackup}, that streams
 * this one's WAL and is its <em>synchronous</em> standby: from then on a commit here returns
 * only once the standby has flushed it. When the server programs are missing, the calling
 * test is skipped and says so on stderr; under {@code CI=true} it fails instead, since CI
 * installs them ({@code .ci/run}).
 *
 * <p>Lifecycle: {@link #start}, then {@link #stop}/{@link #restart}/{@link #crash} as the
 * test needs, and {@link #close}, which stops the server and deletes the folder.
 */
public final class PostgresCluster implements AutoCloseable {
    /** The role and database MACM uses. */
    public static final String USER = "macm";
    public static final String DATABASE = "macm";
    private static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path base;
    private final Path data;
    private final int port;
    private final String password;
    private final String superPassword;
    private final List<PostgresCluster> standbys = new ArrayList<>();
    private boolean running;
    private boolean closed;

    private PostgresCluster(Path bin, Path base, int port, String password, String superPassword) {
        this.bin = bin;
        this.base = base;
        this.data = base.resolve("data");
        this.port = port;
        this.password = password;
        this.superPassword = superPassword;
    }

    /** A new cluster, started, with role and database {@code macm}; skips (or fails on CI) without PostgreSQL. */
    public static PostgresCluster start() {
        Path bin = serverBinaries();
        Path base = privateFolder("macm-pg-");
        String superPassword = secret();
        PostgresCluster c = new PostgresCluster(bin, base, FreePort.loopback(), secret(), superPassword);
        try {
            Path pw = base.resolve("superuser.pw");
            writeOwned(pw, superPassword);
            c.runServer("initdb", "-D", c.data.toString(), "-U", SUPERUSER, "--pwfile=" + pw, "-A", "scram-sha-256",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions");
            Files.delete(pw);
            c.appendConf("""
                    listen_addresses = '127.0.0.1'
                    unix_socket_directories = ''
                    # A test cluster: small, and every commit still fsynced as a real one.
                    shared_buffers = 32MB
                    max_connections = 60
                    fsync = on
                    synchronous_commit = on
                    wal_level = replica
                    max_wal_senders = 4
                    """);
            c.startServer();
            try (Connection s = c.superuser(); Statement st = s.createStatement()) {
                st.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + c.password + "'");
                st.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
            return c;
        } catch (IOException e) {
            c.close();
            throw new UncheckedIOException("cannot set up a test PostgreSQL cluster in " + base, e);
        } catch (SQLException e) {
            c.close();
            throw new IllegalStateException("cannot set up a test PostgreSQL cluster in " + base + ": " + e, e);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * A synchronous standby of this cluster, named {@code name} (its application_name): a base
     * backup of this one, streaming its WAL, started on a port of its own; this cluster then
     * waits for it at every commit. Closed with this cluster.
     */
    public PostgresCluster standby(String name) {
        Path sbase = privateFolder("macm-pg-standby-");
        PostgresCluster s = new PostgresCluster(bin, sbase, FreePort.loopback(), password, superPassword);
        standbys.add(s);
        String conninfo = "host=127.0.0.1 port=" + port + " user=" + SUPERUSER + " password=" + superPassword
                + " application_name=" + name;
        s.runServer("pg_basebackup", "-d", conninfo, "-D", s.data.toString(), "-R", "-X", "stream", "-c", "fast");
        s.startServer();
        try (Connection c = superuser(); Statement st = c.createStatement()) {
            st.execute("ALTER SYSTEM SET synchronous_standby_names = '" + name + "'");
            st.execute("SELECT pg_reload_conf()");
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!"sync".equals(syncState(st, name))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("standby " + name + " did not become synchronous within "
                            + START_TIMEOUT.toSeconds() + " s; its log: " + s.logTail());
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make " + name + " a synchronous standby: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for standby " + name, e);
        }
        return s;
    }

    private static String syncState(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery(
                "SELECT sync_state FROM pg_stat_replication WHERE application_name = '" + name + "'")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /** The loopback port it listens on (the same after a restart). */
    public int port() {
        return port;
    }

    /** The store URL a station's config takes: {@code postgresql://127.0.0.1:PORT/macm}. */
    public String url() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The JDBC URL of the same database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /**
     * Creates an empty database {@code name} owned by role {@code macm} and returns its store
     * URL: a test class shares one cluster, and each test starts from a database of its own.
     */
    public String database(String name) {
        try (Connection c = superuser(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return "postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** The password of role {@code macm}. */
    public String password() {
        return password;
    }

    /** A new connection as role {@code macm} to database {@code macm}. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, password);
    }

    /** A new connection as the superuser, to database {@code postgres}: for what a test does behind MACM's back. */
    public Connection superuser() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER,
                superPassword);
    }

    /** Stops the server cleanly ({@code pg_ctl stop -m fast}): connections are closed, commits are kept. */
    public void stop() {
        if (running) {
            runServer("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
            running = false;
        }
    }

    /** Stops the server the hard way ({@code -m immediate}): as a power cut, recovered from the WAL at the next start. */
    public void crash() {
        if (running) {
            runServer("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            running = false;
        }
    }

    /**
     * Makes this standby a primary ({@code pg_ctl promote}), as an operator does after losing
     * the primary: it stops following and accepts writes. Waits until it does.
     */
    public void promote() {
        runServer("pg_ctl", "-D", data.toString(), "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "promote");
    }

    /** Starts it again on the same port, after {@link #stop} or {@link #crash}. */
    public void restart() {
        if (!running) {
            startServer();
        }
    }

    /** The last lines of the server's log, for a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(base.resolve("server.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    /** Stops the standbys and the server, then deletes the folders. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (PostgresCluster s : standbys) {
            s.close();
        }
        try {
            crash();
        } catch (RuntimeException e) {
            System.err.println("*** could not stop the test PostgreSQL cluster in " + base + ": " + e.getMessage());
        }
        deleteTree(base);
    }

    private void startServer() {
        Path log = base.resolve("server.log");
        ServerRun r = tryRun("pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t",
                String.valueOf(START_TIMEOUT.toSeconds()), "-o", "-p " + port, "start");
        if (r.exit() != 0) {
            throw new IllegalStateException("cannot start the test PostgreSQL cluster on port " + port + ": "
                    + r.output() + "\n" + logTail());
        }
        running = true;
    }

    private void appendConf(String lines) throws IOException {
        Files.writeString(data.resolve("postgresql.conf"), "\n# MACM test cluster\n" + lines,
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    private void runServer(String program, String... args) {
        ServerRun r = tryRun(program, args);
        if (r.exit() != 0) {
            throw new IllegalStateException(program + " failed (exit " + r.exit() + "): " + r.output());
        }
    }

    private record ServerRun(int exit, String output) {
    }

    /** Runs one of the server's programs, as {@code postgres} when this JVM is root. */
    private ServerRun tryRun(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (ProcessUser.isRoot()) {
            command.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(base.toFile());
            Map<String, String> env = pb.environment();
            env.remove("PGPASSWORD");
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(START_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new ServerRun(-1, program + " did not finish");
            }
            return new ServerRun(p.exitValue(), output.replace(superPassword, "***"));
        } catch (IOException e) {
            return new ServerRun(-1, "cannot run " + program + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServerRun(-1, "interrupted while running " + program);
        }
    }

    /**
     * The newest installed server's programs ({@code /usr/lib/postgresql/N/bin}, or
     * {@code MACM_PG_BIN}); skips the test without them, or fails it under CI=true.
     */
    public static Path serverBinaries() {
        Optional<Path> found = Optional.ofNullable(System.getenv("MACM_PG_BIN")).map(Path::of)
                .filter(p -> Files.isExecutable(p.resolve("initdb")));
        if (found.isEmpty()) {
            try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                found = versions.map(v -> v.resolve("bin"))
                        .filter(p -> Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")))
                        .max((a, b) -> Integer.compare(major(a), major(b)));
            } catch (IOException e) {
                found = Optional.empty();
            }
        }
        if (found.isEmpty()) {
            String why = "PostgreSQL's server programs (initdb, pg_ctl) are not installed in /usr/lib/postgresql/*/bin";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + ", and CI=true installs them (.ci/run): this test must not be skipped");
            }
            System.err.println("*** SKIPPED: " + why + ". Install them: apt-get install postgresql ***");
            Assumptions.abort("skipped: " + why + " (apt-get install postgresql)");
        }
        return found.get();
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A folder only the server's user can enter (initdb insists), owned by {@code postgres} under root. */
    private static Path privateFolder(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            chownToServer(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for a test PostgreSQL cluster", e);
        }
    }

    private static void writeOwned(Path file, String text) throws IOException {
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        chownToServer(file);
    }

    private static void chownToServer(Path p) throws IOException {
        if (ProcessUser.isRoot()) {
            UserPrincipal postgres = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SUPERUSER);
            Files.setOwner(p, postgres);
        }
    }

    private static String secret() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("*** could not delete the test PostgreSQL folder " + root + ": " + e.getMessage());
        }
    }
}
