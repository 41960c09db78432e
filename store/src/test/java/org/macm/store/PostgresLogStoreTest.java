package org.macm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.macm.store.StoreFixtures.JP;
import static org.macm.store.StoreFixtures.JP_LOG;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.LogVerifier;
import org.macm.core.log.LogWriter;
import org.macm.core.log.SignedEntry;
import org.macm.testkit.Await;
import org.macm.testkit.FreePort;
import org.macm.testkit.PostgresCluster;

/**
 * What only the PostgreSQL store has: the durability settings it insists on, clear errors for
 * a wrong password, a missing database or an unreachable server, surviving the server's
 * restart mid-traffic, and the fence that keeps a deposed node from writing. One cluster for
 * the class, a fresh database per test.
 */
class PostgresLogStoreTest {
    private static final TestDatabases PG = new TestDatabases();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final SigningKey jpKey = StoreFixtures.key(1);
    private final LogWriter jp = StoreFixtures.writer(JP_LOG, jpKey);

    @AfterAll
    static void stopCluster() {
        PG.close();
    }

    private static PostgresLogStore open(PostgresSettings s) {
        return PostgresLogStore.open(s, JP, Clock.systemUTC(), Optional.empty());
    }

    @Test
    void open_withSynchronousCommitOff_isRefused_sayingWhichSettingAndHowToFixIt() {
        PostgresSettings s = PG.fresh();
        PG.asSuperuser("ALTER DATABASE " + database(s) + " SET synchronous_commit = off");
        assertThatThrownBy(() -> open(s)).isInstanceOf(StoreException.class)
                .hasMessageContaining("synchronous_commit = off")
                .hasMessageContaining("a commit could be lost after MACM sent a receipt")
                .hasMessageContaining("Set synchronous_commit = on");
        assertThatThrownBy(() -> PostgresLogStore.prepare(s)).hasMessageContaining("synchronous_commit = off");
        PG.asSuperuser("ALTER DATABASE " + database(s) + " SET synchronous_commit = remote_apply");
        open(s).close();
    }

    @Test
    void open_wrongPassword_saysSo_withoutShowingAnyPassword() {
        PostgresSettings right = PG.fresh();
        PostgresSettings wrong = PostgresSettings.of(right.url(), right.user(), "not-the-password-42");
        assertThatThrownBy(() -> open(wrong)).isInstanceOf(StoreException.class)
                .hasMessageContaining("refused the store's user or password")
                .hasMessageContaining("password file")
                .hasMessageNotContaining("not-the-password-42")
                .hasMessageNotContaining(right.password());
        assertThat(wrong.toString()).doesNotContain("not-the-password-42");
    }

    @Test
    void open_serverNotRunning_saysItCannotReachIt() {
        PostgresSettings s = PostgresSettings.of("postgresql://127.0.0.1:" + FreePort.loopback() + "/macm",
                PostgresCluster.USER, "whatever");
        assertThatThrownBy(() -> open(s)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot reach the database server")
                .hasMessageContaining("Check that PostgreSQL is running");
    }

    @Test
    void open_missingDatabase_saysToCreateIt() {
        PostgresSettings s = TestDatabases.settings(PG.cluster(), "no_such_database");
        assertThatThrownBy(() -> open(s)).isInstanceOf(StoreException.class)
                .hasMessageContaining("the database does not exist");
    }

    @Test
    void settings_passwordInTheUrl_isRefused_andNeverEchoed() {
        assertThatThrownBy(() -> PostgresSettings.of("postgresql://macm:s3cret@db1/macm", "", ""))
                .isInstanceOf(StoreException.class).hasMessageContaining("put it in the password file")
                .hasMessageNotContaining("s3cret");
        PostgresSettings s = PostgresSettings.of("postgresql://cn@db1:5433/macm?sslmode=require", "ignored", "pw");
        assertThat(s.user()).isEqualTo("cn");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5433/macm?sslmode=require");
    }

    /**
     * The server stops while a sender appends: appends fail with a clear error and failure()
     * says so; once it is back the next append succeeds on a new connection, and every append
     * that returned is in the log, which is one verified chain.
     */
    @Test
    void serverStoppedAndStartedMidTraffic_losesNothing_andTheStoreRecovers() throws Exception {
        PostgresSettings s = PG.fresh();
        PostgresCluster pg = PG.cluster();
        List<SignedEntry> acknowledged = new ArrayList<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        try (PostgresLogStore store = open(s)) {
            Thread sender = new Thread(() -> {
                int i = 0;
                while (!stop.get()) {
                    try {
                        SignedEntry e = store.append(JP_LOG, StoreFixtures.message(jp, "message " + i++));
                        synchronized (acknowledged) {
                            acknowledged.add(e);
                        }
                        done.incrementAndGet();
                    } catch (StoreException e) {
                        errors.add(e.getMessage());
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException ie) {
                            return;
                        }
                    }
                }
            });
            sender.start();
            Await.await("appends before the stop", LIMIT, () -> done.get() >= 20);
            pg.stop();
            Await.await("an append failing while the server is down", LIMIT, () -> !errors.isEmpty());
            assertThat(store.failure()).hasValueSatisfying(f -> assertThat(f.message())
                    .containsAnyOf("cannot reach the database server", "shutting down"));
            int before = done.get();
            pg.restart();
            Await.await("appends after the restart", LIMIT, () -> done.get() >= before + 20);
            stop.set(true);
            sender.join();
            assertThat(store.failure()).as("the first good commit clears the failure").isEmpty();
            assertThat(errors).allSatisfy(m -> assertThat(m).containsAnyOf("cannot reach the database server",
                    "shutting down", "an earlier append to this log failed"));
        }
        try (PostgresLogStore store = open(s)) {
            List<SignedEntry> log = store.read(JP_LOG, 1, 100_000);
            LogVerifier v = new LogVerifier(JP_LOG, jpKey.verifyingKey());
            log.forEach(v::append);
            assertThat(log).as("every acknowledged append is stored").containsAll(acknowledged);
            assertThat(store.head(JP_LOG)).isEqualTo(v.head());
        }
    }

    /**
     * Two nodes of one station, one lease: the old node appends while the lease is taken over;
     * from the takeover on it commits nothing (deposed, and says why), the new node goes on from
     * its last entry, and the log stays one chain, so no seq holds two entries.
     */
    @Test
    void fencedStore_refusesEveryWriteOnceTheEpochChanged_andTheLogStaysOneChain() throws Exception {
        PostgresSettings s = PG.fresh();
        PostgresLogStore.prepare(s);
        TestDatabases.behindTheStoresBack(s, "INSERT INTO station_lease (station, epoch, holder, expires_at, renewed_at) "
                + "VALUES ('jp-mod', 7, 'node-a/100', now() + interval '1 hour', now())");
        List<SignedEntry> byOld = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (PostgresLogStore old = PostgresLogStore.open(s, JP, Clock.systemUTC(), Optional.of(new Fence(JP, 7)))) {
            Thread sender = new Thread(() -> {
                int i = 0;
                while (!stop.get() && !old.deposed()) {
                    try {
                        SignedEntry e = old.append(JP_LOG, StoreFixtures.message(jp, "old node " + i++));
                        synchronized (byOld) {
                            byOld.add(e);
                        }
                    } catch (StoreException e) {
                        // Deposed: the loop ends.
                    }
                }
            });
            sender.start();
            Await.await("the old node writing", LIMIT, () -> {
                synchronized (byOld) {
                    return byOld.size() >= 10;
                }
            });
            // The takeover, as the standby's lease does it: waits for a commit under way, then every later one fails.
            TestDatabases.behindTheStoresBack(s, "UPDATE station_lease SET epoch = 8, holder = 'node-b/200' "
                    + "WHERE station = 'jp-mod'");
            List<SignedEntry> byNew = new ArrayList<>();
            try (PostgresLogStore fresh = PostgresLogStore.open(s, JP, Clock.systemUTC(), Optional.of(new Fence(JP, 8)))) {
                for (int i = 0; i < 5; i++) {
                    byNew.add(fresh.append(JP_LOG, StoreFixtures.message(jp, "new node " + i)));
                }
                Await.await("the old node deposed", LIMIT, old::deposed);
                stop.set(true);
                sender.join();
                assertThatThrownBy(() -> old.append(JP_LOG, StoreFixtures.message(jp, "too late")))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("this node was deposed: lease epoch is now 8 (holder node-b/200); ours was 7");
                assertThat(old.failure()).hasValueSatisfying(f -> assertThat(f.message()).contains("deposed"));
                assertThat(fresh.deposed()).isFalse();
                byNew.add(fresh.append(JP_LOG, StoreFixtures.message(jp, "new node goes on")));
                List<SignedEntry> log = fresh.read(JP_LOG, 1, 100_000);
                LogVerifier v = new LogVerifier(JP_LOG, jpKey.verifyingKey());
                log.forEach(v::append);
                assertThat(log).containsAll(byOld).containsAll(byNew).hasSize(byOld.size() + byNew.size());
                long lastOld = byOld.get(byOld.size() - 1).seq();
                assertThat(byNew).allSatisfy(e -> assertThat(e.seq()).isGreaterThan(lastOld));
            }
        }
    }

    /**
     * The last line of defence: two nodes that both believe they hold epoch 7 (a lease table
     * edited by hand) still cannot store two entries at one seq. The primary key refuses the
     * second, and that node stops writing for good.
     */
    @Test
    void twoNodesUnderTheSameEpoch_cannotStoreTwoEntriesAtOneSeq_theLoserStopsWriting() {
        PostgresSettings s = PG.fresh();
        PostgresLogStore.prepare(s);
        TestDatabases.behindTheStoresBack(s, "INSERT INTO station_lease (station, epoch, holder, expires_at, renewed_at) "
                + "VALUES ('jp-mod', 7, 'node-a/100', now() + interval '1 hour', now())");
        Optional<Fence> same = Optional.of(new Fence(JP, 7));
        try (PostgresLogStore a = PostgresLogStore.open(s, JP, Clock.systemUTC(), same);
                PostgresLogStore b = PostgresLogStore.open(s, JP, Clock.systemUTC(), same)) {
            SignedEntry one = a.append(JP_LOG, StoreFixtures.message(jp, "a: one"));
            SignedEntry two = b.append(JP_LOG, StoreFixtures.message(jp, "b: two")); // b reads the head from the database
            assertThat(two.seq()).isEqualTo(2);
            // a still holds seq 1 as its head, so it lays out another seq 2.
            assertThatThrownBy(() -> a.append(JP_LOG, StoreFixtures.message(jp, "a: two")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("another node has stored an entry at the same seq");
            assertThat(a.deposed()).isTrue();
            assertThatThrownBy(() -> a.append(JP_LOG, StoreFixtures.message(jp, "a: three")))
                    .hasMessageContaining("another node has stored an entry at the same seq");
            assertThat(b.read(JP_LOG, 1, 10)).containsExactly(one, two);
        }
    }

    private static String database(PostgresSettings s) {
        String url = s.url();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
