package org.macm.station;

import java.time.Clock;
import org.macm.station.config.StationConfig;
import org.macm.store.LogStore;
import org.macm.store.SqliteLogStore;

/**
 * Opens the store a station's config names. {@link Station} is handed one and never names an
 * implementation, so a second store (PostgreSQL) is added here and in the config, not there.
 */
@FunctionalInterface
public interface StoreFactory {
    LogStore open(StationConfig config, Clock clock);

    /** The store the config names: today always the SQLite file at {@code store-file}. */
    static StoreFactory fromConfig() {
        return (config, clock) -> SqliteLogStore.open(config.storeFile(), clock);
    }
}
