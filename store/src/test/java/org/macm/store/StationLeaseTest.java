package org.macm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.macm.core.log.StationId;
import org.macm.testkit.Await;
import org.macm.testkit.PostgresCluster;
import org.macm.testkit.TestClock;

/**
 * The station lease on a real PostgreSQL: one holder at a time, the epoch raised at every
 * takeover, expiry by the database's clock only, a fast takeover once the holder's session
 * is gone, and a renewal that fails once the row is not the holder's any more.
 */
class StationLeaseTest {
    private static final Duration TTL = Duration.ofSeconds(2);
    private static PostgresCluster pg;
    private static PostgresSettings settings;
    private static final AtomicInteger STATIONS = new AtomicInteger();

    @BeforeAll
    static void startCluster() {
        pg = PostgresCluster.start();
        settings = PostgresSettings.of(pg.url(), PostgresCluster.USER, pg.password());
        PostgresLogStore.prepare(settings); // the store's migrations create station_lease
    }

    @AfterAll
    static void stopCluster() {
        if (pg != null) {
            pg.close();
        }
    }

    /** A station name of its own per test: the tests share one cluster and one table. */
    private static StationId station() {
        return StationId.of("st-" + STATIONS.incrementAndGet());
    }

    private static StationLease lease(StationId station, String holder) {
        return StationLease.open(settings, station, holder, TTL);
    }

    @Test
    void theFirstNode_takesEpochOne_andASecondCannotWhileItRenews() {
        StationId st = station();
        try (StationLease a = lease(st, "cn-a/1"); StationLease b = lease(st, "cn-b/2")) {
            Fence f = a.tryAcquire().orElseThrow();
            assertThat(f).isEqualTo(new Fence(st, 1));
            assertThat(b.tryAcquire()).isEmpty();
            assertThat(a.renew(f)).isTrue();
            assertThat(b.tryAcquire()).isEmpty();
            LeaseView v = b.read().orElseThrow();
            assertThat(v.epoch()).isEqualTo(1);
            assertThat(v.holder()).isEqualTo("cn-a/1");
            assertThat(v.expiresAt()).isAfter(v.renewedAt());
        }
    }

    @Test
    void anExpiredLease_isTakenOver_withTheNextEpoch_andTheOldHolderCannotRenew() throws InterruptedException {
        StationId st = station();
        try (StationLease b = lease(st, "cn-b/2")) {
            StationLease a = lease(st, "cn-a/1");
            Fence first = a.tryAcquire().orElseThrow();
            // a's process hangs but its session lives (the advisory lock stays held): only the expiry frees the lease.
            Fence second = Await.awaitValue("b takes the expired lease", Duration.ofSeconds(15), b::tryAcquire,
                    Optional::isPresent).orElseThrow();
            assertThat(second.epoch()).isEqualTo(first.epoch() + 1);
            assertThat(b.read().orElseThrow().holder()).isEqualTo("cn-b/2");
            assertThat(a.renew(first)).isFalse();
            // b ended a's old session and holds the lock now: a, looking again, finds no sign that b died.
            assertThat(a.tryAcquire()).isEmpty();
            a.close();
            assertThat(b.renew(second)).isTrue();
        }
    }

    @Test
    void aHolderWhoseSessionIsGone_isTakenOverBeforeItsLeaseExpires() throws InterruptedException {
        StationId st = station();
        try (StationLease b = lease(st, "cn-b/2")) {
            Duration ttl = Duration.ofMinutes(5);
            StationLease a = StationLease.open(settings, st, "cn-a/1", ttl);
            Fence first = a.tryAcquire().orElseThrow();
            assertThat(b.tryAcquire()).isEmpty();
            a.close(); // as SIGKILL does: the connection and its advisory lock are gone, the row says 5 more minutes
            Fence second = Await.awaitValue("b takes over from a dead session", Duration.ofSeconds(15), b::tryAcquire,
                    Optional::isPresent).orElseThrow();
            assertThat(second.epoch()).isEqualTo(first.epoch() + 1);
            assertThat(b.read().orElseThrow().expiresAt()).isBefore(java.time.Instant.now().plus(ttl));
        }
    }

    @Test
    void aReleasedLease_isTakenAtOnce_andEveryTakeoverRaisesTheEpoch() {
        StationId st = station();
        try (StationLease a = lease(st, "cn-a/1"); StationLease b = lease(st, "cn-b/2")) {
            long last = 0;
            for (int round = 0; round < 3; round++) {
                Fence fa = a.tryAcquire().orElseThrow();
                assertThat(fa.epoch()).isGreaterThan(last);
                a.release(fa);
                Fence fb = b.tryAcquire().orElseThrow();
                assertThat(fb.epoch()).isEqualTo(fa.epoch() + 1);
                assertThat(a.renew(fa)).isFalse();
                b.release(fb);
                last = fb.epoch();
            }
            assertThat(a.read().orElseThrow().epoch()).isEqualTo(6);
        }
    }

    @Test
    void aStolenLease_editedBehindItsBack_makesRenewFalse() throws SQLException {
        StationId st = station();
        try (StationLease a = lease(st, "cn-a/1")) {
            Fence f = a.tryAcquire().orElseThrow();
            try (Connection su = pg.connect(); PreparedStatement u = su.prepareStatement(
                    "UPDATE station_lease SET epoch = epoch + 1, holder = 'thief/9' WHERE station = ?")) {
                u.setString(1, st.value());
                assertThat(u.executeUpdate()).isEqualTo(1);
            }
            assertThat(a.renew(f)).isFalse();
            assertThat(a.read().orElseThrow().holder()).isEqualTo("thief/9");
        }
    }

    /**
     * Two nodes in one JVM whose clocks are three hours apart, one behind and one ahead: the
     * lease reads no node clock (it measures only how long ago its own renewal was sent, and a
     * shifted clock shifts both ends), so the one ahead cannot take a lease the other renews,
     * and the one behind keeps it.
     */
    @Test
    void aNodeWhoseClockIsFarOff_cannotTakeTheLeaseWhileAnotherHoldsIt() {
        StationId st = station();
        TestClock behind = TestClock.running();
        behind.advance(Duration.ofHours(-3));
        TestClock ahead = TestClock.running();
        ahead.advance(Duration.ofHours(3));
        try (StationLease a = StationLease.open(settings, st, "cn-a/1", TTL, ticker(behind));
                StationLease b = StationLease.open(settings, st, "cn-b/2", TTL, ticker(ahead))) {
            Fence f = a.tryAcquire().orElseThrow();
            for (int i = 0; i < 6; i++) {
                assertThat(b.tryAcquire()).isEmpty();
                assertThat(a.renew(f)).isTrue();
                ahead.advance(Duration.ofHours(1)); // b's clock jumps further: still nothing
                sleep(TTL.dividedBy(4));
            }
            assertThat(b.read().orElseThrow().epoch()).isEqualTo(1);
            assertThat(b.read().orElseThrow().holder()).isEqualTo("cn-a/1");
        }
    }

    @Test
    void aLostConnection_isNoLossWithinTheLease_butIsOnceTheLeaseIsNearlyOver() throws SQLException {
        StationId st = station();
        long[] now = {0};
        try (StationLease a = StationLease.open(settings, st, "cn-a/1", TTL, () -> now[0])) {
            Fence f = a.tryAcquire().orElseThrow();
            killSession("macm lease cn-a/1");
            now[0] += TTL.dividedBy(5).toNanos();
            assertThat(a.renew(f)).as("a broken connection, a fifth into the lease").isTrue();
            assertThat(a.renew(f)).as("reconnected").isTrue();
            killSession("macm lease cn-a/1");
            now[0] += TTL.toNanos();
            assertThat(a.renew(f)).as("no renewal through for a whole lease").isFalse();
        }
    }

    @Test
    void anUnreachableDatabase_isRefusedInOneLine_withoutThePassword() {
        PostgresSettings nowhere = PostgresSettings.of("postgresql://127.0.0.1:1/macm", PostgresCluster.USER, "s3cret");
        try {
            StationLease.open(nowhere, station(), "cn-a/1", TTL).close();
            throw new AssertionError("opened a lease on a closed port");
        } catch (StoreException e) {
            assertThat(e.getMessage()).startsWith("cannot reach the store at postgresql://127.0.0.1:1/macm for the lease")
                    .doesNotContain("s3cret").doesNotContain("\n");
        }
    }

    /** Ends the server session of the lease connection named {@code application}, as a network cut does. */
    private static void killSession(String application) throws SQLException {
        try (Connection c = pg.connect(); PreparedStatement q = c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            q.setString(1, application);
            q.execute();
        }
    }

    private static LongSupplier ticker(TestClock clock) {
        return () -> {
            java.time.Instant t = clock.instant();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        };
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
