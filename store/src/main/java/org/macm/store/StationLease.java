package org.macm.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.macm.core.log.StationId;

/**
 * The lease that makes one node of a station active: a row of {@code station_lease} on
 * PostgreSQL, read and written over a connection of its own. Every time in it is the
 * database's ({@code clock_timestamp()}), so a node whose clock is off by hours holds and
 * loses the lease exactly as one whose clock is right; the only time this class measures
 * itself is how long ago its last renewal was sent, on a monotonic ticker.
 *
 * <p>A node takes the lease when there is none, when it has expired, or at once when its
 * holder's database session is gone: the active node holds a session advisory lock on its
 * lease connection for as long as it holds the lease, taken before the row, so a node that
 * can take that lock knows the holder's process (or its connection) has died, and takes the
 * lease at once. Each takeover raises the epoch, the {@link Fence} the new holder's store
 * writes under; the old holder's store can commit nothing after it. A node that takes an
 * expired lease while the old holder's session still holds the lock (a hung process, a
 * machine cut off) ends that session and takes the lock, so that the lock is again held by
 * the holder alone.
 *
 * <p>Not thread-safe: one node thread owns it.
 */
public final class StationLease implements AutoCloseable {
    /** How many renewals fit in one lease: the active node renews every ttl/5. */
    public static final int RENEWALS_PER_LEASE = 5;
    /** First key of the two-key advisory lock; the second is the station's name hashed. 'MACL' in ASCII. */
    private static final int LOCK_CLASS = 0x4d41434c;

    private final PostgresSettings settings;
    private final StationId station;
    private final String holder;
    private final Duration ttl;
    private final LongSupplier nanoTicker;
    private Connection connection;
    private boolean lockHeld;
    /** When (ticker) the last renewal or acquisition that succeeded was sent; its DB time is no earlier. */
    private long lastGoodSend;

    private StationLease(PostgresSettings settings, StationId station, String holder, Duration ttl, LongSupplier ticker) {
        this.settings = settings;
        this.station = station;
        this.holder = holder;
        this.ttl = ttl;
        this.nanoTicker = ticker;
    }

    /**
     * A lease handle for {@code station}, held as {@code holder} ({@code NODE/PID}) for
     * {@code ttl} at a time. Connects now; throws {@link StoreException} when the database
     * cannot be reached (later calls reconnect by themselves).
     */
    public static StationLease open(PostgresSettings s, StationId station, String holder, Duration ttl) {
        return open(s, station, holder, ttl, System::nanoTime);
    }

    /** As {@link #open(PostgresSettings, StationId, String, Duration)}, measuring renewal age on {@code nanoTicker}. */
    public static StationLease open(PostgresSettings s, StationId station, String holder, Duration ttl,
            LongSupplier nanoTicker) {
        Objects.requireNonNull(s, "settings");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(holder, "holder");
        if (ttl.compareTo(Duration.ofMillis(500)) < 0) {
            throw new StoreException("lease time " + ttl + " is too short: give at least 1s");
        }
        StationLease lease = new StationLease(s, station, holder, ttl, nanoTicker);
        try {
            lease.connection();
        } catch (SQLException e) {
            throw new StoreException("cannot reach the store at " + s.where() + " for the lease: " + e.getMessage(), e);
        }
        return lease;
    }

    /** How long a lease lasts without renewal. */
    public Duration ttl() {
        return ttl;
    }

    /** How often the holder renews: a fifth of the lease. */
    public Duration renewEvery() {
        return ttl.dividedBy(RENEWALS_PER_LEASE);
    }

    /** This handle's holder name, {@code NODE/PID}. */
    public String holder() {
        return holder;
    }

    /**
     * Takes the lease when nobody holds it, when it has expired (database clock) or when its
     * holder's session is gone; returns the new epoch's fence, or empty when another node holds
     * it or the database cannot be reached.
     */
    public Optional<Fence> tryAcquire() {
        long sent = nanoTicker.getAsLong();
        try {
            Connection c = connection();
            boolean lockedNow = false;
            if (!lockHeld) {
                lockedNow = tryLock(c);
            }
            Optional<Fence> taken = takeRow(c, lockHeld || lockedNow);
            if (taken.isPresent()) {
                lockHeld = lockHeld || lockedNow || takeLockFromDeposed(c);
                lastGoodSend = sent;
            } else if (lockedNow) {
                unlock(c);
            }
            return taken;
        } catch (SQLException e) {
            drop();
            return Optional.empty();
        }
    }

    private Optional<Fence> takeRow(Connection c, boolean holderSessionGone) throws SQLException {
        c.setAutoCommit(false);
        try {
            Optional<Fence> taken = takeRowInTransaction(c, holderSessionGone);
            c.commit();
            return taken;
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            if (!c.isClosed()) {
                c.setAutoCommit(true);
            }
        }
    }

    private Optional<Fence> takeRowInTransaction(Connection c, boolean holderSessionGone) throws SQLException {
        long epoch;
        boolean expired;
        try (PreparedStatement q = c.prepareStatement("SELECT epoch, expires_at < clock_timestamp()"
                + " FROM station_lease WHERE station = ? FOR UPDATE")) {
            q.setString(1, station.value());
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return insertFirst(c);
                }
                epoch = r.getLong(1);
                expired = r.getBoolean(2);
            }
        }
        if (!expired && !holderSessionGone) {
            return Optional.empty();
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE station_lease SET epoch = epoch + 1, holder = ?,"
                + " expires_at = clock_timestamp() + ? * interval '1 millisecond', renewed_at = clock_timestamp()"
                + " WHERE station = ? AND epoch = ?")) {
            u.setString(1, holder);
            u.setLong(2, ttl.toMillis());
            u.setString(3, station.value());
            u.setLong(4, epoch);
            return u.executeUpdate() == 1 ? Optional.of(new Fence(station, epoch + 1)) : Optional.empty();
        }
    }

    private Optional<Fence> insertFirst(Connection c) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO station_lease (station, epoch, holder, expires_at,"
                + " renewed_at) VALUES (?, 1, ?, clock_timestamp() + ? * interval '1 millisecond', clock_timestamp())"
                + " ON CONFLICT (station) DO NOTHING")) {
            i.setString(1, station.value());
            i.setString(2, holder);
            i.setLong(3, ttl.toMillis());
            return i.executeUpdate() == 1 ? Optional.of(new Fence(station, 1)) : Optional.empty();
        }
    }

    /**
     * Extends the lease by {@code ttl} from now (database clock) if it is still {@code f}'s:
     * same holder, same epoch. False when it is lost: another epoch or holder has it, or no
     * renewal has got through for the lease less one renewal period (the database is about to
     * give it away).
     * A renewal that fails on the connection but is still within the lease returns true:
     * the next one decides.
     */
    public boolean renew(Fence f) {
        long sent = nanoTicker.getAsLong();
        try {
            Connection c = connection();
            int rows;
            try (PreparedStatement u = c.prepareStatement("UPDATE station_lease SET"
                    + " expires_at = clock_timestamp() + ? * interval '1 millisecond', renewed_at = clock_timestamp()"
                    + " WHERE station = ? AND holder = ? AND epoch = ?")) {
                u.setLong(1, ttl.toMillis());
                u.setString(2, station.value());
                u.setString(3, holder);
                u.setLong(4, f.epoch());
                rows = u.executeUpdate();
            }
            if (rows != 1) {
                return false;
            }
            lastGoodSend = sent;
            if (!lockHeld) {
                // Taken by expiry while the old session still held the lock, or reconnected: take it now.
                lockHeld = tryLock(c);
            }
            return true;
        } catch (SQLException e) {
            drop();
            // Lost once the database may be about to give it away: a renewal period before the lease's end.
            return sent - lastGoodSend < ttl.minus(renewEvery()).toNanos();
        }
    }

    /** How long ago (ticker) the last renewal that got through was sent. */
    public Duration sinceLastRenewal() {
        return Duration.ofNanos(nanoTicker.getAsLong() - lastGoodSend);
    }

    /**
     * Gives the lease up at a clean stop: it expires now, if it is still {@code f}'s, so a
     * standby takes over at its next look instead of after the lease time. The advisory lock
     * goes too. Failing to reach the database only means the standby waits for the expiry.
     */
    public void release(Fence f) {
        try {
            Connection c = connection();
            try (PreparedStatement u = c.prepareStatement("UPDATE station_lease SET expires_at = clock_timestamp()"
                    + " - interval '1 millisecond' WHERE station = ? AND holder = ? AND epoch = ?")) {
                u.setString(1, station.value());
                u.setString(2, holder);
                u.setLong(3, f.epoch());
                u.executeUpdate();
            }
            if (lockHeld) {
                unlock(c);
            }
        } catch (SQLException e) {
            drop();
        }
    }

    /** The lease as the database holds it now; empty when nobody has held it yet. Throws when unreachable. */
    public Optional<LeaseView> read() {
        try (PreparedStatement q = connection().prepareStatement(
                "SELECT epoch, holder, expires_at, renewed_at FROM station_lease WHERE station = ?")) {
            q.setString(1, station.value());
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LeaseView(r.getLong(1), r.getString(2), r.getTimestamp(3).toInstant(),
                        r.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            drop();
            throw new StoreException("cannot read the lease from the store at " + settings.where() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Drops the connection (and with it the advisory lock). */
    @Override
    public void close() {
        drop();
    }

    private boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            q.setInt(1, LOCK_CLASS);
            q.setString(2, station.value());
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    /**
     * After a takeover by expiry while the deposed holder's session still holds the advisory
     * lock (its process hangs, or its machine is cut off and TCP has not noticed): ends that
     * session, which the deposed holder could not use for anything any more (its epoch is
     * gone), and waits up to a second for the lock. Without it a standby could take the free
     * lock later for a sign that this holder had died. False if the lock is still not ours;
     * the next renewal tries again.
     */
    private boolean takeLockFromDeposed(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_locks"
                + " WHERE locktype = 'advisory' AND classid = ?::oid AND objid = hashtext(?)::oid AND objsubid = 2"
                + " AND pid <> pg_backend_pid()")) {
            q.setInt(1, LOCK_CLASS);
            q.setString(2, station.value());
            q.execute();
        }
        c.setAutoCommit(false);
        try (PreparedStatement t = c.prepareStatement("SET LOCAL lock_timeout = '1s'");
                PreparedStatement q = c.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
            t.execute();
            q.setInt(1, LOCK_CLASS);
            q.setString(2, station.value());
            q.execute();
            c.commit(); // a session lock: it stays after the commit
            return true;
        } catch (SQLException e) {
            rollbackQuietly(c);
            if ("55P03".equals(e.getSQLState())) { // lock_not_available: the old session lingers
                return false;
            }
            throw e;
        } finally {
            if (!c.isClosed()) {
                c.setAutoCommit(true);
            }
        }
    }

    private void unlock(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
            q.setInt(1, LOCK_CLASS);
            q.setString(2, station.value());
            q.execute();
        }
        lockHeld = false;
    }

    private Connection connection() throws SQLException {
        if (connection != null && !connection.isClosed()) {
            return connection;
        }
        Properties p = new Properties();
        p.setProperty("user", settings.user());
        p.setProperty("password", settings.password());
        // Half a lease at most for any one call, so a database that stops answering is noticed within the lease.
        String seconds = Long.toString(Math.max(1, ttl.toSeconds() / 2));
        p.setProperty("connectTimeout", seconds);
        p.setProperty("loginTimeout", seconds);
        p.setProperty("socketTimeout", seconds);
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "macm lease " + holder);
        connection = DriverManager.getConnection(settings.jdbcUrl(), p);
        lockHeld = false;
        return connection;
    }

    private void drop() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing a broken connection: nothing more to do, the server drops the session and its lock.
            }
            connection = null;
        }
        lockHeld = false;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // The transaction is gone with the connection; the caller drops it.
        }
    }

    @Override
    public String toString() {
        return "StationLease[" + station + ", holder=" + holder + ", ttl=" + ttl + "]";
    }
}
