package org.macm.core.log;

/**
 * Whether a text says nothing: empty, or only white space as Unicode defines it (the
 * White_Space property, docs/PROTOCOL.md §2). Java's {@code String.isBlank} uses another set,
 * which an independent reader could not reproduce, so entries use this one.
 */
final class Blank {
    private Blank() {
    }

    static boolean isBlank(String text) {
        return text.codePoints().allMatch(Blank::isWhiteSpace);
    }

    /** Unicode 15's White_Space property: 25 code points. */
    static boolean isWhiteSpace(int c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }
}
