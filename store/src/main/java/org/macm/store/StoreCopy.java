package org.macm.store;

import java.util.List;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;

/**
 * Copies a store into an empty one byte for byte (skeleton; the real thing follows).
 */
@SuppressWarnings("DoNotCallSuggester") // a skeleton for the other helpers to compile against
public final class StoreCopy {
    private StoreCopy() {
    }

    /** One log as copied and verified: its head and how many entries it holds. */
    public record LogReport(LogId log, Head head, long entries) {
    }

    /** Every log copied, and the entries in all of them. */
    public record Report(List<LogReport> logs, long entries) {
        public Report {
            logs = List.copyOf(logs);
        }
    }

    /** Copies {@code from} into the empty store {@code to}, then verifies the copy. */
    public static Report copy(LogStore from, LogStore to) {
        throw notYet();
    }

    private static UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("PostgreSQL store: skeleton, not implemented yet");
    }
}
