package org.macm.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.macm.core.log.StationId;

/**
 * The replicated store: the station's logs in a PostgreSQL database, with the same semantics
 * as the SQLite store, because it is the same {@link JdbcLogStore} (group commit, receipts only
 * after a durable commit, equivocation evidence, the in-memory tail). A commit is durable when
 * PostgreSQL returns from it: the store refuses to open unless {@code synchronous_commit} is on
 * (or remote_apply), so with a synchronous standby a commit, and so a receipt, is on two machines.
 *
 * <p>Its own parts: the writer's connection ({@link PostgresWriterSession}: reconnects after
 * the server was away, the fence or the station's advisory lock), a small pool for readers
 * ({@link PooledReaders}) and {@link PostgresErrors}. Two nodes of one station may open the
 * same database only with a {@link Fence} each; a node without one takes a session advisory
 * lock for the station, so a second process is refused as SQLite's lock file refuses it.
 */
public final class PostgresLogStore extends JdbcLogStore {
    private final PostgresWriterSession session;
    private final PooledReaders readers;

    private PostgresLogStore(PostgresWriterSession session, PooledReaders readers, Clock clock) {
        super(session, readers, clock);
        this.session = session;
        this.readers = readers;
    }

    /**
     * Opens the store: connects, checks synchronous_commit (refuses unless on or remote_apply),
     * brings the schema up to date and starts the writer. {@code fence} empty means a single node,
     * which takes the station's advisory lock; otherwise every write checks the lease's epoch.
     */
    public static PostgresLogStore open(PostgresSettings s, StationId station, Clock clock, Optional<Fence> fence) {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(clock, "clock");
        fence.ifPresent(f -> {
            if (!f.station().equals(station)) {
                throw new StoreException("fence of " + f.station() + " given for a store of " + station);
            }
        });
        prepare(s);
        PostgresWriterSession session = new PostgresWriterSession(s, station, fence);
        PooledReaders readers = null;
        try {
            session.connect();
            readers = new PooledReaders(s);
            PostgresLogStore store = new PostgresLogStore(session, readers, clock);
            store.startWriter();
            return store;
        } catch (SQLException e) {
            closeAll(readers, session);
            throw PostgresErrors.translate(e, s.where(), "open the store");
        } catch (RuntimeException e) {
            closeAll(readers, session);
            throw e;
        }
    }

    /** Connects, checks synchronous_commit, applies migrations (incl. station_lease), disconnects. */
    public static void prepare(PostgresSettings s) {
        try (Connection c = PostgresConnections.open(s, "macm-store-migrate")) {
            Migrations.apply(c, Dialect.POSTGRES);
        } catch (SQLException e) {
            throw PostgresErrors.translate(e, s.where(), "open the store");
        }
    }

    /** Whether this store was fenced off (a newer epoch holds the lease): then every write fails. */
    public boolean deposed() {
        return session.deposed();
    }

    /** Closes the readers' pool and the writer's connection (which releases the advisory lock). */
    @Override
    void closeEngine() {
        readers.close();
        session.close();
    }

    private static void closeAll(AutoCloseable... parts) {
        for (AutoCloseable c : parts) {
            EntryTable.closeQuietly(c);
        }
    }
}
