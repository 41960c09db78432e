package org.macm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.macm.store.StoreFixtures.CN_LOG;
import static org.macm.store.StoreFixtures.JP_LOG;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.LogVerifier;
import org.macm.core.log.LogWriter;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;

class SqliteLogStoreTest {
    @TempDir
    Path dir;

    private final SigningKey jpKey = StoreFixtures.key(1);
    private final SigningKey cnKey = StoreFixtures.key(2);
    private final LogWriter jp = StoreFixtures.writer(JP_LOG, jpKey);
    private final LogWriter cn = StoreFixtures.writer(CN_LOG, cnKey);

    private List<SignedEntry> cnEntries(int n) {
        return StoreFixtures.chain(cn, n);
    }

    @Test
    void append_returnsDurableEntriesThatSurviveReopen() {
        Path file = dir.resolve("macm.db");
        SignedEntry last;
        try (SqliteLogStore store = SqliteLogStore.open(file)) {
            store.append(JP_LOG, StoreFixtures.message(jp, "one"));
            last = store.append(JP_LOG, StoreFixtures.message(jp, "two"));
            assertThat(last.seq()).isEqualTo(2);
        }
        try (SqliteLogStore store = SqliteLogStore.open(file)) {
            assertThat(store.head(JP_LOG)).isEqualTo(last.head());
            assertThat(store.read(JP_LOG, 1, 10)).extracting(SignedEntry::seq).containsExactly(1L, 2L);
            assertThat(store.get(JP_LOG, 2)).contains(last);
            assertThat(store.logs()).containsExactly(JP_LOG);
            SignedEntry third = store.append(JP_LOG, StoreFixtures.message(jp, "three"));
            assertThat(third.entry().prev()).isEqualTo(last.hash());
        }
    }

    @Test
    void readsOfRecentEntries_servedFromMemory_matchTheFile() {
        Path file = dir.resolve("macm.db");
        List<SignedEntry> log = cnEntries(SqliteLogStore.TAIL_ENTRIES + 300);
        List<List<SignedEntry>> live = new ArrayList<>();
        try (SqliteLogStore store = SqliteLogStore.open(file)) {
            store.storePeer(log.subList(0, 200));
            store.storePeer(log.subList(200, log.size()));
            assertThat(store.head(CN_LOG)).isEqualTo(log.get(log.size() - 1).head());
            for (long from = 1; from <= log.size() + 1; from += 97) {
                live.add(store.read(CN_LOG, from, 500));
            }
        }
        try (SqliteLogStore store = SqliteLogStore.open(file)) { // nothing in memory: every read from the file
            int i = 0;
            for (long from = 1; from <= log.size() + 1; from += 97) {
                List<SignedEntry> fromFile = store.read(CN_LOG, from, 500);
                assertThat(live.get(i++)).as("entries from seq %d", from).isEqualTo(fromFile)
                        .isEqualTo(log.subList((int) Math.min(from - 1, log.size()), (int) Math.min(from - 1 + 500, log.size())));
            }
        }
    }

    @Test
    void underSteadyWrites_theWalStartsAgain_insteadOfGrowingWithEveryCommit() throws Exception {
        Path file = dir.resolve("macm.db");
        Path wal = dir.resolve("macm.db-wal");
        List<SignedEntry> log = cnEntries(15_000);
        try (SqliteLogStore store = SqliteLogStore.open(file)) {
            int i = 0;
            while (i < 200) {
                store.storePeer(List.of(log.get(i++))); // one commit each, back to back
            }
            // Before the first checkpoint the WAL only grows: this is what a commit adds to it.
            double bytesPerCommit = (double) Files.size(wal) / store.commitStats().commits();
            long end = System.nanoTime() + SqliteLogStore.CHECKPOINT_INTERVAL.multipliedBy(5).toNanos();
            while (System.nanoTime() < end && i < log.size()) {
                store.storePeer(List.of(log.get(i++)));
            }
            long commits = store.commitStats().commits();
            // Never started again, the WAL would hold every commit; started again after each
            // checkpoint, it is as large as about one second's commits.
            assertThat((double) Files.size(wal)).as("WAL after %d commits of %.0f bytes", commits, bytesPerCommit)
                    .isLessThan(commits * bytesPerCommit / 2);
            assertThat(store.read(CN_LOG, 1, 20_000)).isEqualTo(log.subList(0, i));
        }
    }

    @Test
    void concurrentAppends_formOneGapFreeVerifiedChain() throws Exception {
        int writers = 16;
        int each = 50;
        try (SqliteLogStore store = SqliteLogStore.open(dir.resolve("macm.db"));
                ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                all.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < each; i++) {
                        store.append(JP_LOG, StoreFixtures.message(jp, "writer " + id + " #" + i));
                    }
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            List<SignedEntry> log = store.read(JP_LOG, 1, 10_000);
            assertThat(log).hasSize(writers * each);
            LogVerifier v = new LogVerifier(JP_LOG, jpKey.verifyingKey());
            log.forEach(v::append);
            assertThat(store.head(JP_LOG)).isEqualTo(v.head());
        }
    }

    @Test
    void storePeer_resentEntries_areDuplicatesAndChangeNothing() {
        List<SignedEntry> entries = cnEntries(3);
        try (SqliteLogStore store = SqliteLogStore.open(dir.resolve("macm.db"))) {
            assertThat(store.storePeer(entries)).containsOnly(IntakeOutcome.STORED);
            assertThat(store.storePeer(entries)).containsOnly(IntakeOutcome.DUPLICATE);
            assertThat(store.read(CN_LOG, 1, 10)).containsExactlyElementsOf(entries);
            assertThat(store.equivocations(CN_LOG)).isEmpty();
        }
    }

    @Test
    void storePeer_secondDifferentEntryAtSameSeq_isRecordedAsEquivocation() {
        List<SignedEntry> entries = cnEntries(2);
        SignedEntry forged = StoreFixtures.message(cn, "a different second entry").next(entries.get(0).head()).sign();
        try (SqliteLogStore store = SqliteLogStore.open(dir.resolve("macm.db"))) {
            store.storePeer(entries);
            assertThat(store.storePeer(List.of(forged))).containsExactly(IntakeOutcome.EQUIVOCATION);
            assertThat(store.get(CN_LOG, 2)).contains(entries.get(1));
            assertThat(store.equivocations(CN_LOG)).singleElement().satisfies(ev -> {
                assertThat(ev.stored()).isEqualTo(entries.get(1));
                assertThat(ev.conflicting()).isEqualTo(forged);
                assertThat(ev.storedAt()).isBeforeOrEqualTo(ev.detectedAt());
            });
        }
    }

    @Test
    void intakeFindings_areStoredWithTheirEntriesInOneCommit_onceEach_andSurviveReopen() {
        List<SignedEntry> entries = cnEntries(2);
        SignedEntry second = entries.get(1);
        IntakeFinding voidAck = new IntakeFinding(CN_LOG, 2, second.hash(), "A-ACK-KIND",
                "[A-ACK-KIND] cn-mnd seq 2 acknowledges jp-mod seq 1, which is a RECEIPT", Instant.ofEpochMilli(1000),
                Optional.empty());
        byte[] garbage = "not an entry".getBytes(StandardCharsets.UTF_8);
        RawEntry raw = RawEntry.of(garbage, cnKey.sign(garbage));
        IntakeFinding unreadable = new IntakeFinding(CN_LOG, 3, raw.hash(), "F-JSON", "[F-JSON] not JSON",
                Instant.ofEpochMilli(2000), Optional.of(raw));
        Path file = dir.resolve("macm.db");
        try (SqliteLogStore store = SqliteLogStore.open(file)) {
            assertThat(store.storePeer(entries, List.of(voidAck))).containsOnly(IntakeOutcome.STORED);
            assertThat(store.storePeer(List.of(), List.of(unreadable, voidAck))).isEmpty();
        }
        try (SqliteLogStore store = SqliteLogStore.open(file)) {
            assertThat(store.findings(CN_LOG)).containsExactly(voidAck, unreadable);
            assertThat(store.findings(JP_LOG)).isEmpty();
        }
    }

    @Test
    void storeWrittenBeforeIntakeFindings_opensWithItsEntries_andGainsTheTable() throws Exception {
        List<SignedEntry> entries = cnEntries(2);
        Path file = dir.resolve("macm.db");
        try (SqliteLogStore store = SqliteLogStore.open(file)) {
            store.storePeer(entries);
        }
        // Back to schema version 1, as a station before intake findings left it.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DROP TABLE intake_finding");
            s.execute("PRAGMA user_version = 1");
        }
        try (SqliteLogStore store = SqliteLogStore.open(file)) {
            assertThat(store.read(CN_LOG, 1, 10)).containsExactlyElementsOf(entries);
            assertThat(store.findings(CN_LOG)).isEmpty();
        }
    }

    @Test
    void storePeer_gapAndBrokenChain_areRefusedAndNothingIsStored() {
        List<SignedEntry> entries = cnEntries(3);
        SignedEntry offChain = StoreFixtures.message(cn, "chained elsewhere").next(entries.get(0).head()).sign();
        try (SqliteLogStore store = SqliteLogStore.open(dir.resolve("macm.db"))) {
            assertThat(store.storePeer(List.of(entries.get(2)))).containsExactly(IntakeOutcome.GAP);
            store.storePeer(List.of(entries.get(0)));
            // offChain is seq 2 but entries.get(2) (seq 3) chains onto the real seq 2.
            store.storePeer(List.of(offChain));
            assertThat(store.storePeer(List.of(entries.get(2)))).containsExactly(IntakeOutcome.CHAIN_BROKEN);
            assertThat(store.head(CN_LOG)).isEqualTo(offChain.head());
        }
    }

    @Test
    void open_secondProcessOnSameStore_isRefusedWithAClearMessage() {
        Path file = dir.resolve("macm.db");
        SqliteLogStore first = SqliteLogStore.open(file);
        try {
            assertThatThrownBy(() -> SqliteLogStore.open(file)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("is in use by another station process");
        } finally {
            first.close();
        }
        SqliteLogStore.open(file).close();
    }

    @Test
    void open_fileThatIsNotADatabase_saysItIsCorruptAndWhatToDo() throws Exception {
        Path file = dir.resolve("macm.db");
        Files.writeString(file, "this is not a database, just some text that was copied over it ".repeat(100),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SqliteLogStore.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is corrupt or is not a MACM store")
                .hasMessageContaining("restore the store from a backup");
    }

    @Test
    void open_missingFolder_saysSo() {
        Path file = dir.resolve("nowhere/macm.db");
        assertThatThrownBy(() -> SqliteLogStore.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void append_afterClose_isRefused() {
        SqliteLogStore store = SqliteLogStore.open(dir.resolve("macm.db"));
        store.close();
        store.close();
        assertThatThrownBy(() -> store.append(JP_LOG, StoreFixtures.message(jp, "late")))
                .hasMessageContaining("is closed");
    }
}
