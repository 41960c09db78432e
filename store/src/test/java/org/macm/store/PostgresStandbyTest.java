package org.macm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.store.StoreFixtures.JP;
import static org.macm.store.StoreFixtures.JP_LOG;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.macm.core.log.LogWriter;
import org.macm.core.log.SignedEntry;
import org.macm.testkit.PostgresCluster;

/**
 * With a synchronous standby, a commit of the store, and so anything a station sends after it
 * (a receipt), is on two machines: the standby holds an entry as soon as its append returns,
 * and while the standby is away an append does not return at all.
 */
class PostgresStandbyTest {
    private final LogWriter jp = StoreFixtures.writer(JP_LOG, StoreFixtures.key(1));

    private static PostgresLogStore open(PostgresCluster pg) {
        return PostgresLogStore.open(TestDatabases.settings(pg, PostgresCluster.DATABASE), JP, Clock.systemUTC(),
                Optional.empty());
    }

    @Test
    void anEntryWhoseAppendReturned_survivesTheLossOfThePrimary_onThePromotedStandby() {
        try (PostgresCluster primary = PostgresCluster.start()) {
            PostgresCluster standby = primary.standby("s1");
            SignedEntry last;
            try (PostgresLogStore store = open(primary)) {
                store.append(JP_LOG, StoreFixtures.message(jp, "one"));
                last = store.append(JP_LOG, StoreFixtures.message(jp, "two"));
                primary.crash(); // at once, as a power cut: nothing more is sent to the standby
            }
            standby.promote();
            try (PostgresLogStore store = open(standby)) {
                assertThat(store.head(JP_LOG)).isEqualTo(last.head());
                assertThat(store.get(JP_LOG, 2)).contains(last);
                assertThat(store.append(JP_LOG, StoreFixtures.message(jp, "three")).seq())
                        .as("the promoted standby takes the log on").isEqualTo(3);
            }
        }
    }

    @Test
    void withTheSynchronousStandbyStopped_anAppendDoesNotReturn_untilTheStandbyIsBack() throws Exception {
        try (PostgresCluster primary = PostgresCluster.start()) {
            PostgresCluster standby = primary.standby("s1");
            try (PostgresLogStore store = open(primary)) {
                store.append(JP_LOG, StoreFixtures.message(jp, "one"));
                standby.stop();
                CompletableFuture<SignedEntry> pending = store.appendAsync(JP_LOG, StoreFixtures.message(jp, "two"));
                // Not a deadline: however long it is given, the commit cannot complete without the standby.
                Thread.sleep(1_000);
                assertThat(pending).as("an append while the synchronous standby is away").isNotDone();
                standby.restart();
                SignedEntry two = pending.get(60, TimeUnit.SECONDS);
                assertThat(two.seq()).isEqualTo(2);
                assertThat(store.failure()).isEmpty();
            }
            primary.crash();
            standby.promote();
            try (PostgresLogStore store = open(standby)) {
                assertThat(store.read(JP_LOG, 1, 10)).extracting(SignedEntry::seq).containsExactly(1L, 2L);
            }
        }
    }
}
