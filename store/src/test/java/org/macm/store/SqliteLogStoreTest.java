package org.macm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.macm.store.StoreFixtures.CN_LOG;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.LogWriter;
import org.macm.core.log.SignedEntry;

/**
 * What only the SQLite store has: its WAL, its migrations from the first stores, a file that
 * is not a database, a missing folder. What every store must do is {@link LogStoreContractTest}.
 */
class SqliteLogStoreTest {
    @TempDir
    Path dir;

    private final LogWriter cn = StoreFixtures.writer(CN_LOG, StoreFixtures.key(2));

    private List<SignedEntry> cnEntries(int n) {
        return StoreFixtures.chain(cn, n);
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
}
