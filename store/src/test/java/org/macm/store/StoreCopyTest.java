package org.macm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.macm.store.StoreFixtures.CN_LOG;
import static org.macm.store.StoreFixtures.JP;
import static org.macm.store.StoreFixtures.JP_LOG;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.LogWriter;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

/**
 * Moving a station from SQLite to PostgreSQL: every log byte for byte, with the times the
 * entries were stored, the equivocation evidence and intake's findings (also of a log that
 * holds no entry), verified afterwards; a target that is not empty is refused.
 */
class StoreCopyTest {
    private static final TestDatabases PG = new TestDatabases();
    /** Long ago, so that a copy which stamped its own time instead would show. */
    private static final Clock THEN = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final SigningKey cnKey = StoreFixtures.key(2);
    private final LogWriter jp = StoreFixtures.writer(JP_LOG, StoreFixtures.key(1));
    private final LogWriter cn = StoreFixtures.writer(CN_LOG, cnKey);

    @AfterAll
    static void stopCluster() {
        PG.close();
    }

    @Test
    void sqliteToPostgres_copiesEveryLogByteForByte_withTimesEvidenceAndFindings_andVerifies() {
        List<SignedEntry> peer = StoreFixtures.chain(cn, 2500);
        SignedEntry forged = StoreFixtures.message(cn, "a second seq 7").next(peer.get(5).head()).sign();
        byte[] garbage = "not an entry".getBytes(StandardCharsets.UTF_8);
        RawEntry raw = RawEntry.of(garbage, cnKey.sign(garbage));
        LogId otherPeer = new LogId(LinkId.between(JP, StationId.of("kr-mofa")), StationId.of("kr-mofa"));
        IntakeFinding unreadable = new IntakeFinding(otherPeer, 1, raw.hash(), "F-JSON", "[F-JSON] not JSON",
                Instant.parse("2026-03-01T08:00:01Z"), Optional.of(raw));
        IntakeFinding voidAck = new IntakeFinding(CN_LOG, 3, peer.get(2).hash(), "A-ACK-KIND", "[A-ACK-KIND] ...",
                Instant.parse("2026-03-01T08:00:02Z"), Optional.empty());
        PostgresSettings s = PG.fresh();
        try (SqliteLogStore from = SqliteLogStore.open(dir.resolve("macm.db"), THEN)) {
            from.storePeer(peer.subList(0, 1000), List.of(voidAck));
            from.storePeer(peer.subList(1000, peer.size()));
            from.storePeer(List.of(forged));
            from.storePeer(List.of(), List.of(unreadable));
            for (int i = 0; i < 30; i++) {
                from.append(JP_LOG, StoreFixtures.message(jp, "ours " + i));
            }
            try (PostgresLogStore to = PostgresLogStore.open(s, JP, Clock.systemUTC(), Optional.empty())) {
                StoreCopy.Report report = StoreCopy.copy(from, to);

                assertThat(report.entries()).isEqualTo(2530);
                assertThat(report.logs()).extracting(StoreCopy.LogReport::log).containsExactlyInAnyOrder(CN_LOG, JP_LOG, otherPeer);
                assertThat(to.head(CN_LOG)).isEqualTo(from.head(CN_LOG));
                assertThat(to.read(CN_LOG, 1, 10_000)).isEqualTo(peer);
                assertThat(to.storedAt(CN_LOG, 2500)).isEqualTo(from.storedAt(CN_LOG, 2500)).contains(THEN.instant());
                assertThat(to.equivocations(CN_LOG)).isEqualTo(from.equivocations(CN_LOG)).singleElement()
                        .satisfies(ev -> assertThat(ev.conflicting()).isEqualTo(forged));
                assertThat(to.findings(CN_LOG)).containsExactly(voidAck);
                assertThat(to.findings(otherPeer)).containsExactly(unreadable);
                assertThat(to.append(JP_LOG, StoreFixtures.message(jp, "after the move")).seq())
                        .as("the station goes on where it was").isEqualTo(31);

                assertThatThrownBy(() -> StoreCopy.copy(from, to)).isInstanceOf(StoreException.class)
                        .hasMessageContaining("the target store is not empty");
            }
            // And back again, PostgreSQL to a new SQLite file: the same verification holds.
            try (PostgresLogStore pg = PostgresLogStore.open(s, JP, Clock.systemUTC(), Optional.empty());
                    SqliteLogStore back = SqliteLogStore.open(dir.resolve("back.db"))) {
                assertThat(StoreCopy.copy(pg, back).entries()).isEqualTo(2531);
                assertThat(back.storedAt(CN_LOG, 1)).contains(THEN.instant());
            }
        }
    }
}
