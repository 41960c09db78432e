package org.macm.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.macm.core.log.LogWriter;
import org.macm.core.log.SignedEntry;

/**
 * The process {@link CrashSafetyTest} kills: several threads append to one log as fast as
 * they can and print {@code seq hash} for each append once it has returned (is durable).
 */
public final class AppendLoopChild {
    private AppendLoopChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        LogWriter writer = StoreFixtures.writer(StoreFixtures.JP_LOG, StoreFixtures.key(1));
        SqliteLogStore store = SqliteLogStore.open(file);
        out.println("READY");
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                for (int i = 0; ; i++) {
                    SignedEntry e = store.append(StoreFixtures.JP_LOG, StoreFixtures.message(writer, "t" + id + " " + i));
                    synchronized (out) {
                        out.println(e.seq() + " " + e.hash().hex());
                    }
                }
            });
            th.start();
            running.add(th);
        }
        for (Thread th : running) {
            th.join();
        }
    }
}
