package org.macm.station.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.core.MacmException;
import org.macm.core.log.LogId;
import org.macm.core.log.StationId;
import org.macm.station.StationException;
import org.macm.station.StationLayout;
import org.macm.station.config.ConfigFile;
import org.macm.station.config.StationConfig;
import org.macm.station.config.StoreConfig;
import org.macm.station.config.StorePassword;
import org.macm.store.LogStore;
import org.macm.store.PostgresLogStore;
import org.macm.store.PostgresSettings;
import org.macm.store.SqliteLogStore;
import org.macm.store.StoreCopy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code macm store}: work on a station's store as a whole. {@code macm store copy} moves a
 * stopped station's SQLite store into an empty PostgreSQL database, byte for byte, and
 * verifies the copy (same logs, heads and hashes) before it says the station may be switched.
 * The source's logs are only read (opening it holds its lock, so no station runs on it
 * meanwhile, and brings its schema up to date as a station's start would), so a copy that fails
 * leaves the station as it was. The database password comes from {@code MACM_STORE_PASSWORD}
 * or a password file, never the command line.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Work on a station's store: copy a SQLite store into PostgreSQL.",
        subcommands = {StoreCommand.Copy.class})
final class StoreCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    Macm macm;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: macm store copy --from ... --to ...");
    }

    /** {@code macm store copy}: see {@link StoreCommand}. */
    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copy a station's SQLite store into an empty PostgreSQL database and verify the copy.",
                "Stop the station first. The password is read from $" + StorePassword.ENV
                    + ", --password-file or the station's " + StorePassword.DEFAULT_FILE + ", never the command line.",
                "Prints each log's entries and head, then VERIFIED, or one line saying what went wrong."})
    static final class Copy implements Callable<Integer> {
        static final String SQLITE = "sqlite:";
        /** The role docs/INSTALL.md has the database administrator create. */
        static final String DEFAULT_USER = "macm";

        @ParentCommand
        private StoreCommand store;

        @Spec
        private CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "sqlite:FILE",
                description = "The store to copy: sqlite: and the station's store file (station.toml's store, e.g. "
                        + "sqlite:/srv/macm/cn-mnd/store/macm.db).")
        private String from;

        @Option(names = "--to", required = true, paramLabel = "URL",
                description = "The empty PostgreSQL database: postgresql://[USER@]HOST[:PORT]/DATABASE (no password in it).")
        private String to;

        @Option(names = "--user", paramLabel = "USER",
                description = "The database user, unless the URL names one (default: " + DEFAULT_USER + ").")
        private Optional<String> user;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "A file holding the database password (one line, readable by its owner only); default: "
                        + "the station's " + StorePassword.DEFAULT_FILE + "; $" + StorePassword.ENV + " wins.")
        private Optional<Path> passwordFile;

        @Option(names = "--station", paramLabel = "NAME",
                description = "Whose store it is; default: the station.toml beside the store's folder names it.")
        private Optional<String> station;

        @Override
        public Integer call() {
            Path source = sourceFile();
            Optional<StationLayout> folder = stationFolder(source);
            StationId owner = station.map(StationId::of).or(() -> folder.map(this::stationOf)).orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), "cannot tell whose store " + source
                            + " is (no station.toml beside it names it as its store): give --station NAME"));
            PostgresSettings target = PostgresSettings.of(to, user.orElse(DEFAULT_USER), password(folder).reveal());
            PrintWriter out = spec.commandLine().getOut();
            try (LogStore sqlite = openSource(source);
                    PostgresLogStore postgres = PostgresLogStore.open(target, owner, store.macm.clock(), Optional.empty())) {
                List<LogId> already = postgres.logs();
                if (!already.isEmpty()) {
                    throw new StationException("the database at " + target.where() + " already holds " + already.size()
                            + " log(s) (" + already.get(0) + (already.size() > 1 ? ", ..." : "")
                            + "): copy only into an empty database (nothing was written)");
                }
                StoreCopy.Report report = StoreCopy.copy(sqlite, postgres);
                print(out, source, target, report);
            }
            return 0;
        }

        /**
         * {@code MACM_STORE_PASSWORD}, else {@code --password-file}, else the station's own password
         * file ({@code keys/store.password}) when the station folder is known.
         */
        private StorePassword password(Optional<StationLayout> folder) {
            Map<String, String> env = store.macm.env();
            Optional<Path> file = passwordFile.or(() -> folder.map(f -> f.dir().resolve(StorePassword.DEFAULT_FILE)));
            if (file.isEmpty() && !env.containsKey(StorePassword.ENV)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no database password: give --password-file "
                        + "FILE (one line, readable by its owner only) or set " + StorePassword.ENV);
            }
            return StorePassword.read(file.orElse(Path.of(StorePassword.DEFAULT_FILE)), env);
        }

        private Path sourceFile() {
            if (!from.startsWith(SQLITE) || from.length() == SQLITE.length()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--from must name a SQLite store as "
                        + "sqlite:FILE (e.g. sqlite:/srv/macm/cn-mnd/store/macm.db), got '" + from + "'");
            }
            Path file = Path.of(from.substring(SQLITE.length())).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new StationException("there is no store at " + file + ": name the station's store file "
                        + "(station.toml's store key, by default DIR/store/macm.db)");
            }
            return file;
        }

        private LogStore openSource(Path file) {
            try {
                return SqliteLogStore.open(file, store.macm.clock());
            } catch (MacmException e) {
                throw new StationException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        /** The station folder whose station.toml names {@code source} as its SQLite store (DIR for DIR/store/macm.db). */
        private static Optional<StationLayout> stationFolder(Path source) {
            Path dir = source.getParent();
            for (int up = 0; up < 2 && dir != null; up++, dir = dir.getParent()) {
                StationLayout layout = new StationLayout(dir);
                if (Files.isRegularFile(layout.config())) {
                    StationConfig config;
                    try {
                        config = new ConfigFile().read(layout.config());
                    } catch (MacmException e) {
                        continue; // not this store's station, as far as can be told: --station decides then
                    }
                    if (config.store() instanceof StoreConfig.Sqlite s && s.file().toAbsolutePath().normalize().equals(source)) {
                        return Optional.of(layout);
                    }
                }
            }
            return Optional.empty();
        }

        private StationId stationOf(StationLayout folder) {
            return new ConfigFile().read(folder.config()).station();
        }

        private static void print(PrintWriter out, Path source, PostgresSettings target, StoreCopy.Report report) {
            out.printf(Locale.ROOT, "Copied sqlite:%s to %s%n", source, target.where());
            out.printf(Locale.ROOT, "  %-40s %9s %9s  %s%n", "log", "entries", "head seq", "head hash");
            for (StoreCopy.LogReport log : report.logs()) {
                out.printf(Locale.ROOT, "  %-40s %9d %9d  %s%n", log.log(), log.entries(), log.head().seq(),
                        log.head().hash().shortHex());
            }
            // The URL for station.toml names the role, as docs/CONFIG.md writes it, even when --user gave it.
            String url = target.url().contains("@") ? target.url()
                    : target.url().replaceFirst("^postgresql://", "postgresql://" + target.user() + "@");
            out.printf(Locale.ROOT, "VERIFIED: %d entries in %d logs; switch the station by setting [store] url = \"%s\" "
                    + "in station.toml%n", report.entries(), report.logs().size(), url);
        }
    }
}
