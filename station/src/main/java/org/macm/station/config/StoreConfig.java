package org.macm.station.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.macm.store.PostgresSettings;

/**
 * Which store a station keeps its logs in: the embedded SQLite file (the default, {@code store
 * = "store/macm.db"} or {@code [store] file}), or a PostgreSQL database ({@code [store] url}),
 * which two nodes of the station may share, one active under the lease (docs/CONFIG.md,
 * "Store"). A PostgreSQL config holds where the password is, never the password.
 */
public sealed interface StoreConfig permits StoreConfig.Sqlite, StoreConfig.Postgres {
    /** The local folder whose disk the station needs room on (health, metrics). */
    Path localFolder();

    /** The SQLite file, relative paths already resolved against the station folder. */
    record Sqlite(Path file) implements StoreConfig {
        public Sqlite {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public Path localFolder() {
            return file.toAbsolutePath().getParent();
        }
    }

    /**
     * A PostgreSQL store.
     *
     * @param url          {@code postgresql://[user@]host[:port]/database[?sslmode=...]}, no password
     * @param user         the role, from the URL's {@code user@} or the {@code user} key
     * @param passwordFile where the password is when {@link StorePassword#ENV} is not set
     * @param node         this node's name, the first half of the lease holder ({@code cn-a/41234})
     * @param lease        how long a lease lasts without renewal; the standby takes over after it
     * @param stationDir   the station folder: its disk holds the log files and the URL files
     */
    record Postgres(String url, String user, Path passwordFile, String node, Duration lease, Path stationDir)
            implements StoreConfig {
        public Postgres {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(passwordFile, "passwordFile");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(stationDir, "stationDir");
        }

        /** Where the database is and who logs in, with the password read now ({@link StorePassword}). */
        public PostgresSettings settings() {
            return PostgresSettings.of(url, user, StorePassword.read(passwordFile).reveal());
        }

        /** The lease holder this process writes: {@code NODE/PID}, so a restarted node is a new holder. */
        public String holder() {
            return node + "/" + ProcessHandle.current().pid();
        }

        @Override
        public Path localFolder() {
            return stationDir.toAbsolutePath();
        }
    }
}
