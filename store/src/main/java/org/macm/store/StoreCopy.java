package org.macm.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;

/**
 * Copies a store into an empty one byte for byte, to move a station from SQLite to
 * PostgreSQL (or back): every entry with its exact bytes, signature and the time it was
 * stored, the equivocation evidence and intake's findings, each log in seq order through the
 * target's own writer (so every chain is checked as it lands, by {@link ChainCheck}). Then it
 * verifies, reading both back from their databases: the same logs, the same heads, and entry
 * by entry the same bytes, signature, hash and stored time, each chained onto the one before;
 * the same evidence and findings. The source must not be written meanwhile (stop the station).
 * Anything wrong throws a {@link StoreException} naming the log and seq; the target is then
 * incomplete and must be dropped and made again.
 */
public final class StoreCopy {
    /** Entries per commit of the target: large enough for speed, small enough for memory. */
    private static final int CHUNK = 1000;

    private StoreCopy() {
    }

    /** One log as copied and verified: its head and how many entries it holds. */
    public record LogReport(LogId log, Head head, long entries) {
    }

    /** Every log copied (also those with only findings or evidence), and the entries in all of them. */
    public record Report(List<LogReport> logs, long entries) {
        public Report {
            logs = List.copyOf(logs);
        }
    }

    /**
     * Copies {@code from} into {@code to}, which must be empty, then verifies the copy. Both must
     * be MACM's own stores (SQLite or PostgreSQL), opened by the caller, who closes them.
     */
    public static Report copy(LogStore from, LogStore to) {
        JdbcLogStore source = ours(from, "source");
        JdbcLogStore target = ours(to, "target");
        if (!target.isEmpty()) {
            throw new StoreException("the target store is not empty: copy only into a new, empty store "
                    + "(nothing was copied)");
        }
        List<LogId> logs = source.everyLog();
        for (LogId log : logs) {
            long next = 1;
            while (true) {
                List<StoredEntry> chunk = source.readStored(log, next, CHUNK);
                if (chunk.isEmpty()) {
                    break;
                }
                target.importRows(chunk, List.of(), List.of());
                next = chunk.get(chunk.size() - 1).entry().seq() + 1;
            }
            target.importRows(List.of(), source.equivocations(log), source.findings(log));
        }
        return verify(source, target, logs);
    }

    private static JdbcLogStore ours(LogStore s, String role) {
        Objects.requireNonNull(s, role);
        if (s instanceof JdbcLogStore j) {
            return j;
        }
        throw new StoreException("cannot copy: the " + role + " is not a SQLite or PostgreSQL store of MACM ("
                + s.getClass().getSimpleName() + ")");
    }

    /** Reads both stores back from their databases and compares them; throws at the first difference. */
    static Report verify(JdbcLogStore source, JdbcLogStore target, List<LogId> logs) {
        List<LogId> copied = target.everyLog();
        if (!copied.equals(logs)) {
            throw mismatch("the target holds the logs " + copied + " but the source " + logs);
        }
        List<LogReport> reports = new ArrayList<>();
        long total = 0;
        for (LogId log : logs) {
            Head head = Head.EMPTY;
            long count = 0;
            long next = 1;
            while (true) {
                List<StoredEntry> want = source.readStored(log, next, CHUNK);
                List<StoredEntry> got = target.readStored(log, next, CHUNK);
                if (!want.equals(got)) {
                    throw mismatch(log + " from seq " + next + " differs (bytes, signature or stored time)");
                }
                if (want.isEmpty()) {
                    break;
                }
                for (StoredEntry s : got) {
                    if (!ChainCheck.follows(head, s.entry().seq(), s.entry().entry().prev())) {
                        throw mismatch(log + " seq " + s.entry().seq() + " does not chain onto " + head);
                    }
                    head = s.entry().head();
                }
                count += got.size();
                next = head.seq() + 1;
            }
            if (!target.head(log).equals(head) || !source.head(log).equals(head)) {
                throw mismatch(log + ": heads differ (source " + source.head(log) + ", target " + target.head(log)
                        + ", entries up to " + head + ")");
            }
            if (!source.equivocations(log).equals(target.equivocations(log))) {
                throw mismatch(log + ": the equivocation evidence differs");
            }
            if (!source.findings(log).equals(target.findings(log))) {
                throw mismatch(log + ": the intake findings differ");
            }
            reports.add(new LogReport(log, head, count));
            total += count;
        }
        return new Report(reports, total);
    }

    private static StoreException mismatch(String what) {
        return new StoreException("store copy failed verification: " + what + ". Was the source written meanwhile? "
                + "Stop the station, drop the target and copy again.");
    }
}
