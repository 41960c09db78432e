package org.macm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.macm.store.StoreFixtures.CN_LOG;
import static org.macm.store.StoreFixtures.JP;
import static org.macm.store.StoreFixtures.JP_LOG;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LogVerifier;
import org.macm.core.log.LogWriter;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;

/**
 * The store contract, run against both engines: what a station relies on of any store
 * (durable appends, one gap-free chain under concurrent appends, idempotent intake,
 * equivocation evidence, findings in the commit of their entries, the receipt in the commit
 * of what it covers, one process per store, a newer schema refused). The SQLite store uses a
 * file of the test's own; the PostgreSQL store a fresh database on one cluster for the class.
 */
class LogStoreContractTest {
    private static final TestDatabases PG = new TestDatabases();

    @TempDir
    Path dir;

    private final SigningKey jpKey = StoreFixtures.key(1);
    private final SigningKey cnKey = StoreFixtures.key(2);
    private final LogWriter jp = StoreFixtures.writer(JP_LOG, jpKey);
    private final LogWriter cn = StoreFixtures.writer(CN_LOG, cnKey);

    enum Engine { SQLITE, POSTGRES }

    @AfterAll
    static void stopCluster() {
        PG.close();
    }

    /** How this test opens (and reopens) its own empty store on {@code engine}. */
    private Supplier<JdbcLogStore> stores(Engine engine) {
        return switch (engine) {
            case SQLITE -> {
                Path file = dir.resolve("macm.db");
                yield () -> SqliteLogStore.open(file);
            }
            case POSTGRES -> {
                PostgresSettings s = PG.fresh();
                yield () -> PostgresLogStore.open(s, JP, Clock.systemUTC(), Optional.empty());
            }
        };
    }

    private List<SignedEntry> cnEntries(int n) {
        return StoreFixtures.chain(cn, n);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void append_returnsDurableEntriesThatSurviveReopen(Engine engine) {
        Supplier<JdbcLogStore> stores = stores(engine);
        SignedEntry last;
        try (JdbcLogStore store = stores.get()) {
            store.append(JP_LOG, StoreFixtures.message(jp, "one"));
            last = store.append(JP_LOG, StoreFixtures.message(jp, "two"));
            assertThat(last.seq()).isEqualTo(2);
        }
        try (JdbcLogStore store = stores.get()) {
            assertThat(store.head(JP_LOG)).isEqualTo(last.head());
            assertThat(store.read(JP_LOG, 1, 10)).extracting(SignedEntry::seq).containsExactly(1L, 2L);
            assertThat(store.get(JP_LOG, 2)).contains(last);
            assertThat(store.logs()).containsExactly(JP_LOG);
            SignedEntry third = store.append(JP_LOG, StoreFixtures.message(jp, "three"));
            assertThat(third.entry().prev()).isEqualTo(last.hash());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readsOfRecentEntries_servedFromMemory_matchTheDatabase(Engine engine) {
        Supplier<JdbcLogStore> stores = stores(engine);
        List<SignedEntry> log = cnEntries(JdbcLogStore.TAIL_ENTRIES + 300);
        List<List<SignedEntry>> live = new ArrayList<>();
        try (JdbcLogStore store = stores.get()) {
            store.storePeer(log.subList(0, 200));
            store.storePeer(log.subList(200, log.size()));
            assertThat(store.head(CN_LOG)).isEqualTo(log.get(log.size() - 1).head());
            for (long from = 1; from <= log.size() + 1; from += 97) {
                live.add(store.read(CN_LOG, from, 500));
            }
        }
        try (JdbcLogStore store = stores.get()) { // nothing in memory: every read from the database
            int i = 0;
            for (long from = 1; from <= log.size() + 1; from += 97) {
                List<SignedEntry> stored = store.read(CN_LOG, from, 500);
                assertThat(live.get(i++)).as("entries from seq %d", from).isEqualTo(stored)
                        .isEqualTo(log.subList((int) Math.min(from - 1, log.size()), (int) Math.min(from - 1 + 500, log.size())));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentAppends_formOneGapFreeVerifiedChain(Engine engine) {
        int writers = 16;
        int each = 50;
        try (JdbcLogStore store = stores(engine).get(); ExecutorService pool = Executors.newFixedThreadPool(writers)) {
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
            assertThat(store.commitStats().writes()).isEqualTo((long) writers * each);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void storePeer_resentEntries_areDuplicatesAndChangeNothing(Engine engine) {
        List<SignedEntry> entries = cnEntries(3);
        try (JdbcLogStore store = stores(engine).get()) {
            assertThat(store.storePeer(entries)).containsOnly(IntakeOutcome.STORED);
            assertThat(store.storePeer(entries)).containsOnly(IntakeOutcome.DUPLICATE);
            assertThat(store.read(CN_LOG, 1, 10)).containsExactlyElementsOf(entries);
            assertThat(store.equivocations(CN_LOG)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void storePeer_secondDifferentEntryAtSameSeq_isRecordedAsEquivocation(Engine engine) {
        List<SignedEntry> entries = cnEntries(2);
        SignedEntry forged = StoreFixtures.message(cn, "a different second entry").next(entries.get(0).head()).sign();
        try (JdbcLogStore store = stores(engine).get()) {
            store.storePeer(entries);
            assertThat(store.storePeer(List.of(forged))).containsExactly(IntakeOutcome.EQUIVOCATION);
            assertThat(store.storePeer(List.of(forged))).as("evidence is kept once").containsExactly(IntakeOutcome.EQUIVOCATION);
            assertThat(store.get(CN_LOG, 2)).contains(entries.get(1));
            assertThat(store.equivocations(CN_LOG)).singleElement().satisfies(ev -> {
                assertThat(ev.stored()).isEqualTo(entries.get(1));
                assertThat(ev.conflicting()).isEqualTo(forged);
                assertThat(ev.storedAt()).isBeforeOrEqualTo(ev.detectedAt());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void intakeFindings_areStoredWithTheirEntriesInOneCommit_onceEach_andSurviveReopen(Engine engine) {
        Supplier<JdbcLogStore> stores = stores(engine);
        List<SignedEntry> entries = cnEntries(2);
        SignedEntry second = entries.get(1);
        IntakeFinding voidAck = new IntakeFinding(CN_LOG, 2, second.hash(), "A-ACK-KIND",
                "[A-ACK-KIND] cn-mnd seq 2 acknowledges jp-mod seq 1, which is a RECEIPT", Instant.ofEpochMilli(1000),
                Optional.empty());
        byte[] garbage = "not an entry".getBytes(StandardCharsets.UTF_8);
        RawEntry raw = RawEntry.of(garbage, cnKey.sign(garbage));
        IntakeFinding unreadable = new IntakeFinding(CN_LOG, 3, raw.hash(), "F-JSON", "[F-JSON] not JSON",
                Instant.ofEpochMilli(2000), Optional.of(raw));
        try (JdbcLogStore store = stores.get()) {
            assertThat(store.storePeer(entries, List.of(voidAck))).containsOnly(IntakeOutcome.STORED);
            assertThat(store.storePeer(List.of(), List.of(unreadable, voidAck))).isEmpty();
        }
        try (JdbcLogStore store = stores.get()) {
            assertThat(store.findings(CN_LOG)).containsExactly(voidAck, unreadable);
            assertThat(store.findings(JP_LOG)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void storePeer_gapAndBrokenChain_areRefusedAndNothingIsStored(Engine engine) {
        List<SignedEntry> entries = cnEntries(3);
        SignedEntry offChain = StoreFixtures.message(cn, "chained elsewhere").next(entries.get(0).head()).sign();
        try (JdbcLogStore store = stores(engine).get()) {
            assertThat(store.storePeer(List.of(entries.get(2)))).containsExactly(IntakeOutcome.GAP);
            store.storePeer(List.of(entries.get(0)));
            // offChain is seq 2 but entries.get(2) (seq 3) chains onto the real seq 2.
            store.storePeer(List.of(offChain));
            assertThat(store.storePeer(List.of(entries.get(2)))).containsExactly(IntakeOutcome.CHAIN_BROKEN);
            assertThat(store.head(CN_LOG)).isEqualTo(offChain.head());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void open_secondProcessOnSameStore_isRefusedWithAClearMessage(Engine engine) {
        Supplier<JdbcLogStore> stores = stores(engine);
        JdbcLogStore first = stores.get();
        try {
            assertThatThrownBy(stores::get).isInstanceOf(StoreException.class)
                    .hasMessageContaining("is in use by another station process");
        } finally {
            first.close();
        }
        stores.get().close();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void open_storeWrittenByANewerMacm_isRefused(Engine engine) throws Exception {
        Supplier<JdbcLogStore> stores = stores(engine);
        stores.get().close();
        String later = "schema version " + (Migrations.CURRENT + 1);
        if (engine == Engine.SQLITE) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("macm.db"));
                    Statement s = c.createStatement()) {
                s.execute("PRAGMA user_version = " + (Migrations.CURRENT + 1));
            }
        } else {
            // The settings are the last database made for this test.
            TestDatabases.behindTheStoresBack(PG.last(), "UPDATE macm_schema SET version = " + (Migrations.CURRENT + 1));
        }
        assertThatThrownBy(stores::get).isInstanceOf(StoreException.class).hasMessageContaining(later)
                .hasMessageContaining("run the newer MACM that wrote it");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void append_afterClose_isRefused(Engine engine) {
        JdbcLogStore store = stores(engine).get();
        store.close();
        store.close();
        assertThatThrownBy(() -> store.append(JP_LOG, StoreFixtures.message(jp, "late")))
                .hasMessageContaining("is closed");
    }

    // ---- the receipt in the commit of what it covers (docs/PROTOCOL.md §10 step 4) ----------

    private ReceiptFactory receiptFor(Head[] seen) {
        return (ownHead, after) -> {
            seen[0] = after;
            return Optional.of(jp.draft(ownHead, after, new Body.Receipt(after)));
        };
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theReceipt_isStoredInTheSameCommitAsTheEntries_andCoversExactlyWhatThatCommitStores(Engine engine) {
        Supplier<JdbcLogStore> stores = stores(engine);
        List<SignedEntry> entries = StoreFixtures.chain(cn, 5);
        Head[] seen = new Head[1];
        try (JdbcLogStore store = stores.get()) {
            store.storePeer(entries.subList(0, 2));
            long commits = store.commitStats().commits();
            // A resend of seq 2, then seq 3 and 4: the commit leaves the head at seq 4.
            PeerStored stored = store.storePeer(List.of(entries.get(1), entries.get(2), entries.get(3)), List.of(), JP_LOG,
                    receiptFor(seen));
            assertThat(stored.outcomes()).containsExactly(IntakeOutcome.DUPLICATE, IntakeOutcome.STORED, IntakeOutcome.STORED);
            assertThat(seen[0]).as("the factory is told the head the commit leaves").isEqualTo(entries.get(3).head());
            SignedEntry receipt = stored.receipt().orElseThrow();
            assertThat(((Body.Receipt) receipt.entry().body()).upTo()).isEqualTo(entries.get(3).head());
            assertThat(stored.receiptRefused()).isEmpty();
            assertThat(store.commitStats().commits() - commits).as("one commit, one fsync, for both").isEqualTo(1);
        }
        try (JdbcLogStore store = stores.get()) {
            assertThat(store.head(CN_LOG)).isEqualTo(entries.get(3).head());
            assertThat(store.read(JP_LOG, 1, 10)).singleElement()
                    .satisfies(r -> assertThat(r.entry().peerHead()).isEqualTo(entries.get(3).head()));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void noReceiptLaidOut_storesTheEntriesAlone(Engine engine) {
        List<SignedEntry> entries = StoreFixtures.chain(cn, 2);
        try (JdbcLogStore store = stores(engine).get()) {
            PeerStored stored = store.storePeer(entries, List.of(), JP_LOG, (ownHead, after) -> Optional.empty());
            assertThat(stored.outcomes()).containsOnly(IntakeOutcome.STORED);
            assertThat(stored.receipt()).isEmpty();
            assertThat(store.head(JP_LOG)).isEqualTo(Head.EMPTY);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReceiptNamingMoreThanTheCommitHolds_isRefusedAlone_theEntriesAreStored_andTheLogGoesOn(Engine engine) {
        List<SignedEntry> entries = StoreFixtures.chain(cn, 3);
        try (JdbcLogStore store = stores(engine).get()) {
            // A factory that claims seq 3 while the commit stores only up to seq 2.
            PeerStored stored = store.storePeer(entries.subList(0, 2), List.of(), JP_LOG,
                    (ownHead, after) -> Optional.of(jp.draft(ownHead, entries.get(2).head(), new Body.Receipt(entries.get(2).head()))));
            assertThat(stored.outcomes()).containsOnly(IntakeOutcome.STORED);
            assertThat(stored.receipt()).isEmpty();
            assertThat(stored.receiptRefused()).hasValueSatisfying(why -> assertThat(why)
                    .contains("refused: entry seq 1 says this station holds cn-mnd~jp-mod/cn-mnd up to a seq it does not hold")
                    .contains("a receipt may name only what is stored"));
            assertThat(store.head(CN_LOG)).isEqualTo(entries.get(1).head());
            assertThat(store.head(JP_LOG)).as("nothing of ours stored").isEqualTo(Head.EMPTY);
            SignedEntry next = store.append(JP_LOG, head -> jp.draft(head, entries.get(1).head(),
                    new Body.Receipt(entries.get(1).head())));
            assertThat(next.seq()).as("the log goes on from what is durable").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAppendStatingAPeerHeadNotHeld_isRefusedWithWhy(Engine engine) {
        List<SignedEntry> entries = StoreFixtures.chain(cn, 2);
        try (JdbcLogStore store = stores(engine).get()) {
            store.storePeer(entries.subList(0, 1));
            Head forged = new Head(1, entries.get(1).hash());
            assertThatThrownBy(() -> store.append(JP_LOG, head -> jp.draft(head, forged, new Body.Receipt(entries.get(0).head()))))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("says this station holds cn-mnd~jp-mod/cn-mnd up to a seq it does not hold");
            assertThatThrownBy(() -> store.append(JP_LOG, head -> jp.draft(head, entries.get(0).head(),
                    new Body.Receipt(entries.get(1).head()))))
                    .as("a receipt beyond what is held").isInstanceOf(StoreException.class);
            assertThat(store.append(JP_LOG, head -> jp.draft(head, entries.get(0).head(),
                    new Body.Receipt(entries.get(0).head()))).seq()).isEqualTo(1);
        }
    }
}
