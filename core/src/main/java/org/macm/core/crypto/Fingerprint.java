package org.macm.core.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A fingerprint two people can read aloud to each other over a telephone: the first 160
 * bits of a SHA-256 over a labelled input, in Crockford base32 (no I, L, O or U, so no
 * letter is mistaken for a digit), as eight groups of four, e.g. {@code 7Q2M-K9XD-…}.
 */
public record Fingerprint(String text) {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int BITS = 160;

    /** Fingerprint of {@code data} under a label, so fingerprints of different kinds never collide. */
    public static Fingerprint of(String label, byte[]... parts) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        byte[] l = ("macm-fingerprint-v1:" + label).getBytes(StandardCharsets.UTF_8);
        writeChunk(input, l);
        for (byte[] part : parts) {
            writeChunk(input, part);
        }
        byte[] digest = Sha256.digest(input.toByteArray());
        StringBuilder out = new StringBuilder();
        for (int bit = 0; bit < BITS; bit += 5) {
            int value = 0;
            for (int i = 0; i < 5; i++) {
                int b = bit + i;
                value = (value << 1) | ((digest[b / 8] >> (7 - b % 8)) & 1);
            }
            if (bit > 0 && bit % 20 == 0) {
                out.append('-');
            }
            out.append(ALPHABET[value]);
        }
        return new Fingerprint(out.toString());
    }

    private static void writeChunk(ByteArrayOutputStream out, byte[] chunk) {
        int n = chunk.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(chunk);
    }

    @Override
    public String toString() {
        return text;
    }
}
