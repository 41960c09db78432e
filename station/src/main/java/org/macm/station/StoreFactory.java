package org.macm.station;

import java.time.Clock;
import org.macm.station.config.StationConfig;
import org.macm.station.config.StoreConfig;
import org.macm.store.LogStore;
import org.macm.store.SqliteLogStore;

/**
 * Opens the store a station's config names. {@link Station} is handed one and never names an
 * implementation, so a second store (PostgreSQL) is added here and in the config, not there.
 */
@FunctionalInterface
public interface StoreFactory {
    LogStore open(StationConfig config, Clock clock);

    /** The store the config names: the SQLite file, or the PostgreSQL database (single node, unfenced). */
    static StoreFactory fromConfig() {
        return (config, clock) -> switch (config.store()) {
            case StoreConfig.Sqlite s -> SqliteLogStore.open(s.file(), clock);
            case StoreConfig.Postgres p -> throw new StationException("the PostgreSQL store is not built yet");
        };
    }
}
