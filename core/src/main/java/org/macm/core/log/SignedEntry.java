package org.macm.core.log;

import java.util.Arrays;
import java.util.Objects;
import org.macm.core.crypto.VerifyingKey;

/**
 * One entry as it is stored and sent: the exact signed bytes, the Ed25519 signature over
 * them, and the parsed view. Equality is by bytes and signature.
 */
public final class SignedEntry {
    private final byte[] bytes;
    private final byte[] signature;
    private final Entry entry;
    private final EntryHash hash;

    private SignedEntry(byte[] bytes, byte[] signature, Entry entry, EntryHash hash) {
        this.bytes = bytes;
        this.signature = signature;
        this.entry = entry;
        this.hash = hash;
    }

    /**
     * Parses received or stored bytes; throws {@link MalformedEntryException} when they are not
     * an entry. The signature is not checked here: call {@link #verify(VerifyingKey)}.
     */
    public static SignedEntry parse(byte[] bytes, byte[] signature) {
        Objects.requireNonNull(signature, "signature");
        byte[] copy = bytes.clone();
        return new SignedEntry(copy, signature.clone(), EntryCodec.decode(copy), EntryHash.of(copy));
    }

    /** As {@link #parse}, keeping {@code bytes} and {@code signature}: for a caller that holds the only copies and never changes them. */
    static SignedEntry parseOwned(byte[] bytes, byte[] signature) {
        return new SignedEntry(bytes, signature, EntryCodec.decode(bytes), EntryHash.of(bytes));
    }

    /** For the writer, which has just produced {@code bytes} (with that hash) from {@code entry}. */
    static SignedEntry ofWritten(byte[] bytes, byte[] signature, Entry entry, EntryHash hash) {
        return new SignedEntry(bytes, signature, entry, hash);
    }

    /** Throws {@link org.macm.core.crypto.SignatureException} unless {@code key} signed these bytes. */
    public void verify(VerifyingKey key) {
        key.verify(bytes, signature);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The bytes themselves, for a holder in this package that never changes or hands them out. */
    byte[] bytesUnshared() {
        return bytes;
    }

    /** The signature itself, on the same terms as {@link #bytesUnshared}. */
    byte[] signatureUnshared() {
        return signature;
    }

    public Entry entry() {
        return entry;
    }

    public EntryHash hash() {
        return hash;
    }

    public long seq() {
        return entry.seq();
    }

    public LogId log() {
        return entry.log();
    }

    public Head head() {
        return new Head(entry.seq(), hash);
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedEntry e && Arrays.equals(bytes, e.bytes) && Arrays.equals(signature, e.signature);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "SignedEntry[" + entry.log() + " seq " + entry.seq() + " " + entry.kind() + " " + hash.shortHex() + "]";
    }
}
