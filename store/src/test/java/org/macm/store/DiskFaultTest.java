package org.macm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.LogVerifier;
import org.macm.core.log.LogWriter;
import org.macm.core.log.SignedEntry;
import org.macm.testkit.Tmpfs;

/**
 * A real full disk and a real read-only file system: a small tmpfs mounted for the test. It
 * needs root (CI runs as root, and fails the test without it); elsewhere it is skipped, loudly.
 */
class DiskFaultTest {
    @TempDir
    Path dir;

    private Tmpfs disk;
    private Path mount;
    private final LogWriter jp = StoreFixtures.writer(StoreFixtures.JP_LOG, StoreFixtures.key(1));

    @BeforeEach
    void mountSmallDisk() {
        disk = Tmpfs.mount(dir.resolve("disk"), "8m");
        mount = disk.dir();
    }

    @AfterEach
    void unmount() {
        if (disk != null) {
            disk.close();
        }
    }

    private void verifyHolds(SqliteLogStore store, List<SignedEntry> returned) {
        List<SignedEntry> log = store.read(StoreFixtures.JP_LOG, 1, Integer.MAX_VALUE);
        LogVerifier v = new LogVerifier(StoreFixtures.JP_LOG, StoreFixtures.key(1).verifyingKey());
        log.forEach(v::append);
        for (SignedEntry e : returned) {
            assertThat(log.get((int) e.seq() - 1)).isEqualTo(e);
        }
    }

    @Test
    void append_onFullDisk_saysTheDiskIsFull_andKeepsEveryStoredEntry() throws Exception {
        List<SignedEntry> returned = new ArrayList<>();
        try (SqliteLogStore store = SqliteLogStore.open(mount.resolve("macm.db"))) {
            for (int i = 0; i < 20; i++) {
                returned.add(store.append(StoreFixtures.JP_LOG, StoreFixtures.message(jp, "before the disk filled " + i)));
            }
            Path filler = disk.fill();
            StoreException failure = null;
            String big = "x".repeat(20_000);
            for (int i = 0; i < 1000 && failure == null; i++) {
                try {
                    returned.add(store.append(StoreFixtures.JP_LOG, StoreFixtures.message(jp, big)));
                } catch (StoreException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("an append on a full disk fails").isNotNull();
            assertThat(failure.getMessage()).contains("the disk is full").contains("Free space on that disk")
                    .contains("Every entry stored before this one is intact");
            verifyHolds(store, returned);

            Files.delete(filler);
            returned.add(store.append(StoreFixtures.JP_LOG, StoreFixtures.message(jp, "after space was freed")));
            assertThat(returned.get(returned.size() - 1).entry().prev())
                    .as("the entry after the failure chains onto the last durable one")
                    .isEqualTo(returned.get(returned.size() - 2).hash());
            verifyHolds(store, returned);
        }
        try (SqliteLogStore reopened = SqliteLogStore.open(mount.resolve("macm.db"))) {
            verifyHolds(reopened, returned);
            assertThat(reopened.head(StoreFixtures.JP_LOG)).isEqualTo(returned.get(returned.size() - 1).head());
        }
    }

    /**
     * A caller that retries as soon as it learns of the failure (here: on the writer's thread,
     * the moment the failed append completes) must chain onto the last durable entry, not onto
     * the failed one, and must not be failed in turn by the clean-up of the failed commit.
     */
    @Test
    void append_retriedTheMomentACommitFails_chainsOntoTheLastDurableEntry() throws Exception {
        try (SqliteLogStore store = SqliteLogStore.open(mount.resolve("macm.db"))) {
            SignedEntry durable = store.append(StoreFixtures.JP_LOG, StoreFixtures.message(jp, "before the disk filled"));
            Path filler = disk.fill();
            String big = "x".repeat(20_000);
            CompletableFuture<SignedEntry> retry = null;
            for (int i = 0; i < 1000 && retry == null; i++) {
                CompletableFuture<CompletableFuture<SignedEntry>> retried = new CompletableFuture<>();
                CompletableFuture<SignedEntry> append = store.appendAsync(StoreFixtures.JP_LOG, StoreFixtures.message(jp, big));
                var unused = append.whenComplete((e, failure) -> {
                    if (failure == null) {
                        retried.complete(null);
                        return;
                    }
                    try {
                        Files.delete(filler);
                        retried.complete(store.appendAsync(StoreFixtures.JP_LOG, StoreFixtures.message(jp, "retried")));
                    } catch (IOException | RuntimeException ex) {
                        retried.completeExceptionally(ex);
                    }
                });
                retry = retried.get(30, TimeUnit.SECONDS);
                if (retry == null) {
                    durable = append.join();
                }
            }
            assertThat(retry).as("an append on a full disk fails").isNotNull();
            SignedEntry after = retry.get(30, TimeUnit.SECONDS);
            assertThat(after.entry().prev()).as("the retry chains onto the last durable entry").isEqualTo(durable.hash());
            assertThat(store.head(StoreFixtures.JP_LOG)).isEqualTo(after.head());
        }
    }

    @Test
    void append_failedByTheWriter_throwsFromTheCallerWithTheWritersErrorAsCause() throws Exception {
        try (SqliteLogStore store = SqliteLogStore.open(mount.resolve("macm.db"))) {
            disk.fill();
            String big = "x".repeat(20_000);
            StoreException failure = null;
            for (int i = 0; i < 1000 && failure == null; i++) {
                try {
                    store.append(StoreFixtures.JP_LOG, StoreFixtures.message(jp, big));
                } catch (StoreException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("an append on a full disk fails").isNotNull();
            assertThat(failure.getStackTrace()).as("the trace shows who waited")
                    .anySatisfy(f -> assertThat(f.getMethodName()).isEqualTo(
                            "append_failedByTheWriter_throwsFromTheCallerWithTheWritersErrorAsCause"));
            assertThat(failure.getCause()).as("and what the writer saw").isInstanceOf(StoreException.class)
                    .hasMessage(failure.getMessage());
        }
    }

    @Test
    void open_onReadOnlyFileSystem_saysSo_andKeepsEveryStoredEntry() throws Exception {
        List<SignedEntry> returned = new ArrayList<>();
        try (SqliteLogStore store = SqliteLogStore.open(mount.resolve("macm.db"))) {
            for (int i = 0; i < 5; i++) {
                returned.add(store.append(StoreFixtures.JP_LOG, StoreFixtures.message(jp, "before " + i)));
            }
        }
        disk.readOnly();
        assertThatThrownBy(() -> SqliteLogStore.open(mount.resolve("macm.db")))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("read-only", "cannot open store"));
        disk.readWrite();
        try (SqliteLogStore store = SqliteLogStore.open(mount.resolve("macm.db"))) {
            verifyHolds(store, returned);
            returned.add(store.append(StoreFixtures.JP_LOG, StoreFixtures.message(jp, "after remount")));
            verifyHolds(store, returned);
        }
    }
}
