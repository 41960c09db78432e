package org.macm.core.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.macm.core.crypto.VerifyingKey;

/**
 * An entry as it travels: bytes and the signature over them, not yet read. The link hands
 * these to the station unread, so that the station can tell a validly signed entry it cannot
 * read (evidence of a fault in the author's station, docs/PROTOCOL.md §10 step 3) from a
 * blob with a bad signature (evidence of nothing). Equality is by bytes and signature.
 */
public final class RawEntry {
    /** The length of an Ed25519 signature. */
    public static final int SIGNATURE_BYTES = 64;

    private final byte[] bytes;
    private final byte[] signature;

    private RawEntry(byte[] bytes, byte[] signature) {
        this.bytes = bytes;
        this.signature = signature;
    }

    /** Bytes and signature as received; both are copied. */
    public static RawEntry of(byte[] bytes, byte[] signature) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(signature, "signature");
        return new RawEntry(bytes.clone(), signature.clone());
    }

    /**
     * Takes the next {@code length} bytes of {@code source} as the entry's bytes and the
     * {@link #SIGNATURE_BYTES} after them as its signature (a frame's layout), copying each once.
     */
    public static RawEntry take(ByteBuffer source, int length) {
        byte[] bytes = new byte[length];
        source.get(bytes);
        byte[] signature = new byte[SIGNATURE_BYTES];
        source.get(signature);
        return new RawEntry(bytes, signature);
    }

    /** The bytes and signature of an entry already read, to send it. */
    public static RawEntry of(SignedEntry e) {
        // Neither holder changes or hands out its arrays, so they can share them.
        return new RawEntry(e.bytesUnshared(), e.signatureUnshared());
    }

    /** Reads the entry; throws {@link MalformedEntryException} naming the rule it breaks when it cannot be read. */
    public SignedEntry read() {
        return SignedEntry.parseOwned(bytes, signature);
    }

    /** Writes the bytes, then the signature, to {@code out} (a frame's layout), without copying them. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
        out.write(signature);
    }

    /** Throws {@link org.macm.core.crypto.SignatureException} unless {@code key} signed these bytes. */
    public void verify(VerifyingKey key) {
        key.verify(bytes, signature);
    }

    /** SHA-256 of the bytes: what an entry after this one would name as its prev. */
    public EntryHash hash() {
        return EntryHash.of(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawEntry e && Arrays.equals(bytes, e.bytes) && Arrays.equals(signature, e.signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawEntry[" + bytes.length + " bytes]";
    }
}
