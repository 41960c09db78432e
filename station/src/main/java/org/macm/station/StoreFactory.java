package org.macm.station;

import java.time.Clock;
import java.util.Optional;
import org.macm.station.config.StationConfig;
import org.macm.station.config.StoreConfig;
import org.macm.store.Fence;
import org.macm.store.LogStore;
import org.macm.store.PostgresLogStore;
import org.macm.store.SqliteLogStore;

/**
 * Opens the store a station's config names. {@link Station} is handed one and never names an
 * implementation, so a second store (PostgreSQL) is added here and in the config, not there.
 */
@FunctionalInterface
public interface StoreFactory {
    LogStore open(StationConfig config, Clock clock);

    /**
     * The store the config names: the SQLite file, or the PostgreSQL database as the only node
     * (the store then locks the station against a second process, as SQLite's lock file does).
     */
    static StoreFactory fromConfig() {
        return fenced(Optional.empty());
    }

    /**
     * As {@link #fromConfig}, but a PostgreSQL store writes under {@code fence}, the lease
     * epoch of the active node: it commits nothing once a newer epoch holds the lease. The
     * fence means nothing to SQLite, which one process holds alone.
     */
    static StoreFactory fenced(Optional<Fence> fence) {
        return (config, clock) -> switch (config.store()) {
            case StoreConfig.Sqlite s -> SqliteLogStore.open(s.file(), clock);
            case StoreConfig.Postgres p -> PostgresLogStore.open(p.settings(), config.station(), clock, fence);
        };
    }
}
