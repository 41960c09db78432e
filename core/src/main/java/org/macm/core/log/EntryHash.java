package org.macm.core.log;

import java.util.Arrays;
import java.util.HexFormat;
import org.macm.core.MacmException;
import org.macm.core.crypto.Sha256;

/** SHA-256 of an entry's exact bytes: what {@code prev}, receipts and acknowledgements name. */
public final class EntryHash {
    public static final int LENGTH = 32;
    /** The {@code prev} of a log's first entry, and the hash of the empty head. */
    public static final EntryHash ZERO = new EntryHash(new byte[LENGTH]);

    private final byte[] bytes;

    private EntryHash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static EntryHash of(byte[] entryBytes) {
        return new EntryHash(Sha256.digest(entryBytes));
    }

    public static EntryHash fromBytes(byte[] raw) {
        if (raw.length != LENGTH) {
            throw new MacmException("an entry hash has 32 bytes, this one has " + raw.length);
        }
        return new EntryHash(raw.clone());
    }

    /** Parses 64 lower-case hex digits, the only form that appears inside entries. */
    public static EntryHash fromHex(String hex) {
        if (hex.length() != 2 * LENGTH || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new MacmException("an entry hash is 64 lower-case hex digits, got '" + abbreviate(hex) + "'");
        }
        return new EntryHash(HexFormat.of().parseHex(hex));
    }

    private static String abbreviate(String s) {
        return s.length() <= 70 ? s : s.substring(0, 70) + "…";
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The first twelve hex digits, for reports that people read. */
    public String shortHex() {
        return hex().substring(0, 12);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntryHash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
