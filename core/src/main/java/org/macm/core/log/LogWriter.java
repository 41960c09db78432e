package org.macm.core.log;

import java.time.Clock;
import java.util.Objects;
import org.macm.core.MacmException;
import org.macm.core.crypto.SigningKey;

/**
 * Authors entries for one log: lays out the bytes, chains them to the previous head and
 * signs them (at once with {@link #next}, or later with {@link #draft} and
 * {@link EntryDraft#sign()}). It keeps no state of its own; the store passes in the durable head under its
 * per-log lock, which is what keeps seq and prev gap-free under concurrent senders.
 */
public final class LogWriter {
    private final LogId log;
    private final SigningKey key;
    private final Clock clock;

    public LogWriter(LogId log, SigningKey key, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LogId log() {
        return log;
    }

    /** The entry that follows {@code head}, stating {@code peerHead} and saying {@code body}. */
    public SignedEntry next(Head head, Head peerHead, Body body) {
        return draft(head, peerHead, body).sign();
    }

    /**
     * The bytes of the entry that follows {@code head}, not yet signed. The codec writes every
     * field of the view and nothing else (times are held to the millisecond, as written), so the
     * view and the bytes say the same; the codec's round-trip tests hold it to that.
     */
    public EntryDraft draft(Head head, Head peerHead, Body body) {
        if (head.seq() == Long.MAX_VALUE) {
            throw new MacmException("log " + log + " is full");
        }
        Entry entry = new Entry(EntryCodec.VERSION, log, head.seq() + 1, head.hash(), clock.instant(), peerHead, body);
        return new EntryDraft(EntryCodec.encode(entry), entry, key);
    }
}
