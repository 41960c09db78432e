package org.macm.core.log;

import java.util.Objects;
import org.macm.core.crypto.SigningKey;

/**
 * An entry whose bytes and hash are fixed but which is not signed yet. Laying out the bytes
 * must happen in chain order (each entry names the hash of the one before); signing need
 * not, so the store lays out drafts under its per-log lock and lets each sender sign its
 * own draft outside it, in parallel with the others.
 */
public final class EntryDraft {
    private final byte[] bytes;
    private final Entry entry;
    private final EntryHash hash;
    private final SigningKey key;

    EntryDraft(byte[] bytes, Entry entry, SigningKey key) {
        this.bytes = bytes;
        this.entry = entry;
        this.hash = EntryHash.of(bytes);
        this.key = Objects.requireNonNull(key, "key");
    }

    public Entry entry() {
        return entry;
    }

    public EntryHash hash() {
        return hash;
    }

    public LogId log() {
        return entry.log();
    }

    public long seq() {
        return entry.seq();
    }

    /** The head this entry will form once stored. */
    public Head head() {
        return new Head(entry.seq(), hash);
    }

    /** Signs the exact bytes; safe to call from any thread, once or more (Ed25519 is deterministic). */
    public SignedEntry sign() {
        return SignedEntry.ofWritten(bytes, key.sign(bytes), entry, hash);
    }

    @Override
    public String toString() {
        return "EntryDraft[" + entry.log() + " seq " + entry.seq() + " " + hash.shortHex() + "]";
    }
}
