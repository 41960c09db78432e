package org.macm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.macm.store.StoreFixtures.CN_LOG;
import static org.macm.store.StoreFixtures.JP_LOG;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LogWriter;
import org.macm.core.log.SignedEntry;

/**
 * The receipt written in the commit that stores what it covers (docs/PROTOCOL.md §10 step 4):
 * one commit for the peer's entries and the receipt, and the rule the writer enforces where
 * the commit is made, that no own entry states it holds a peer entry that is not stored.
 */
class ReceiptInCommitTest {
    @TempDir
    Path dir;

    private final LogWriter jp = StoreFixtures.writer(JP_LOG, StoreFixtures.key(1));
    private final LogWriter cn = StoreFixtures.writer(CN_LOG, StoreFixtures.key(2));

    private ReceiptFactory receiptFor(Head[] seen) {
        return (ownHead, after) -> {
            seen[0] = after;
            return Optional.of(jp.draft(ownHead, after, new Body.Receipt(after)));
        };
    }

    @Test
    void theReceipt_isStoredInTheSameCommitAsTheEntries_andCoversExactlyWhatThatCommitStores() {
        List<SignedEntry> entries = StoreFixtures.chain(cn, 5);
        Path file = dir.resolve("macm.db");
        Head[] seen = new Head[1];
        try (SqliteLogStore store = SqliteLogStore.open(file)) {
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
        try (SqliteLogStore store = SqliteLogStore.open(file)) {
            assertThat(store.head(CN_LOG)).isEqualTo(entries.get(3).head());
            assertThat(store.read(JP_LOG, 1, 10)).singleElement()
                    .satisfies(r -> assertThat(r.entry().peerHead()).isEqualTo(entries.get(3).head()));
        }
    }

    @Test
    void noReceiptLaidOut_storesTheEntriesAlone() {
        List<SignedEntry> entries = StoreFixtures.chain(cn, 2);
        try (SqliteLogStore store = SqliteLogStore.open(dir.resolve("macm.db"))) {
            PeerStored stored = store.storePeer(entries, List.of(), JP_LOG, (ownHead, after) -> Optional.empty());
            assertThat(stored.outcomes()).containsOnly(IntakeOutcome.STORED);
            assertThat(stored.receipt()).isEmpty();
            assertThat(store.head(JP_LOG)).isEqualTo(Head.EMPTY);
        }
    }

    @Test
    void aReceiptNamingMoreThanTheCommitHolds_isRefusedAlone_theEntriesAreStored_andTheLogGoesOn() {
        List<SignedEntry> entries = StoreFixtures.chain(cn, 3);
        try (SqliteLogStore store = SqliteLogStore.open(dir.resolve("macm.db"))) {
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

    @Test
    void anAppendStatingAPeerHeadNotHeld_isRefusedWithWhy() {
        List<SignedEntry> entries = StoreFixtures.chain(cn, 2);
        try (SqliteLogStore store = SqliteLogStore.open(dir.resolve("macm.db"))) {
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
