package org.macm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Head;
import org.macm.core.log.LogVerifier;
import org.macm.core.log.SignedEntry;

/**
 * Kills a child JVM with SIGKILL while it appends, again and again on the same store, and
 * checks after each kill that every append that had returned is still there, unchanged, and
 * that the whole log still verifies: nothing acknowledged is lost, nothing torn is visible.
 */
class CrashSafetyTest {
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sigkillDuringAppends_losesNoReturnedEntryAndLeavesAVerifiableChain() throws Exception {
        Path file = dir.resolve("macm.db");
        Map<Long, String> acknowledged = new HashMap<>();
        Random random = new Random(20261129L);
        long totalKillsWithEntries = 0;
        for (int round = 0; round < KILLS; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), AppendLoopChild.class.getName(),
                    file.toString(), "4")
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).as("child started").isEqualTo("READY");
            List<String> printed = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    for (String line; (line = lines.readLine()) != null; ) {
                        printed.add(line);
                    }
                } catch (java.io.IOException ignored) {
                    // The pipe closes when the child dies; what was read is what counts.
                }
            });
            reader.start();
            // Kill at a random moment once the loop is running (the first append has returned).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (printed.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(random.nextInt(250));
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush.
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join();
            int seenThisRound = 0;
            for (String line : printed) {
                // A line cut by the kill is not counted; every whole line is an append that returned.
                if (line.matches("\\d+ [0-9a-f]{64}")) {
                    record(acknowledged, line);
                    seenThisRound++;
                }
            }
            if (seenThisRound > 0) {
                totalKillsWithEntries++;
            }
            checkStore(file, acknowledged, round);
        }
        assertThat(totalKillsWithEntries).as("kills that interrupted a running append loop").isEqualTo(KILLS);
        assertThat(acknowledged).hasSizeGreaterThan(KILLS);
    }

    private static void record(Map<Long, String> acknowledged, String line) {
        int space = line.indexOf(' ');
        long seq = Long.parseLong(line.substring(0, space));
        String previous = acknowledged.put(seq, line.substring(space + 1));
        assertThat(previous).as("seq %d was returned twice", seq).isNull();
    }

    private static void checkStore(Path file, Map<Long, String> acknowledged, int round) {
        try (SqliteLogStore store = SqliteLogStore.open(file)) {
            List<SignedEntry> log = store.read(StoreFixtures.JP_LOG, 1, Integer.MAX_VALUE);
            LogVerifier verifier = new LogVerifier(StoreFixtures.JP_LOG, StoreFixtures.key(1).verifyingKey());
            log.forEach(verifier::append);
            Head head = store.head(StoreFixtures.JP_LOG);
            assertThat(verifier.head()).as("round %d: head matches the verified chain", round).isEqualTo(head);
            for (Map.Entry<Long, String> a : acknowledged.entrySet()) {
                long seq = a.getKey();
                assertThat(seq).as("round %d: returned seq %d is stored", round, seq).isLessThanOrEqualTo(head.seq());
                assertThat(log.get((int) seq - 1).hash().hex()).as("round %d: seq %d unchanged", round, seq)
                        .isEqualTo(a.getValue());
            }
        }
    }
}
