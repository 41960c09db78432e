package org.macm.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;

/**
 * What is durable, kept in memory: each log's head, so that the link's frequent head lookups
 * touch no database, and its newest entries ({@link LogTail}), so that the readers following
 * a head need no query or parse. Only the store's writer changes it (after a commit, when it
 * first looks a log up, or when a log's chain is reset); anyone reads it.
 */
final class DurableCache {
    private final int tailEntries;
    private final Map<LogId, Head> heads = new ConcurrentHashMap<>();
    private final Map<LogId, LogTail> tails = new ConcurrentHashMap<>();

    DurableCache(int tailEntries) {
        this.tailEntries = tailEntries;
    }

    /** The durable head of {@code log}, if known here. */
    Optional<Head> head(LogId log) {
        return Optional.ofNullable(heads.get(log));
    }

    /** Remembers a head the writer read from the database. */
    void remember(LogId log, Head head) {
        heads.put(log, head);
    }

    /** Takes in a commit: its entries join the tails before the heads move, so a head read can be followed. */
    void committed(List<SignedEntry> inserted, Map<LogId, Head> newHeads) {
        for (SignedEntry e : inserted) {
            tails.computeIfAbsent(e.log(), l -> new LogTail(tailEntries)).append(e);
        }
        heads.putAll(newHeads);
    }

    /** Drops the head of a log whose chain was reset, so it is read from the database again. */
    void forgetHead(LogId log) {
        heads.remove(log);
    }

    /**
     * Drops every head and tail, so that all is read from the database again: after a failed
     * commit, whose outcome is unknown when the connection broke at COMMIT.
     */
    void forgetAll() {
        heads.clear();
        tails.clear();
    }

    /** Entries {@code fromSeq} onwards from memory, or nothing when they must be read from the database. */
    Optional<List<SignedEntry>> recent(LogId log, long fromSeq, int max) {
        LogTail tail = tails.get(log);
        return tail == null ? Optional.empty() : tail.read(fromSeq, max);
    }
}
