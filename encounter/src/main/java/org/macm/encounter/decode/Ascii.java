package org.macm.encounter.decode;

/**
 * Allocation-free readers for the ASCII numbers of text formats (NMEA, SBS-1). Each reads
 * the characters {@code [from, to)} of a line and returns a sentinel instead of throwing
 * when they are not a number, so a decoder can turn that into a counted rejection. No regex
 * and no {@code String} are involved: these run once per field on every line of a feed.
 */
public final class Ascii {
    /** Returned by {@link #parseInt} and {@link #parseHex} when the text is not a number. */
    public static final long NOT_A_NUMBER = Long.MIN_VALUE;

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18
    };

    private Ascii() {}

    /**
     * Reads an optionally signed decimal integer of at most 18 digits, or {@link #NOT_A_NUMBER}
     * when the range is empty or holds anything else.
     */
    public static long parseInt(CharSequence s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (i == to || to - i > 18) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return NOT_A_NUMBER;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** Reads an unsigned hexadecimal number of at most 15 digits, or {@link #NOT_A_NUMBER}. */
    public static long parseHex(CharSequence s, int from, int to) {
        if (from >= to || to - from > 15) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = hexDigit(s.charAt(i));
            if (digit < 0) {
                return NOT_A_NUMBER;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    /** The value of one hexadecimal digit (either case), or -1. */
    public static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /**
     * Reads a plain decimal number ({@code -12.345}, {@code 7}, {@code .5}; no exponent), or
     * {@code NaN} when the range holds anything else. Up to 18 significant digits are read
     * exactly and divided once by a power of ten, which IEEE division rounds correctly, so the
     * result equals {@link Double#parseDouble} for every input a receiver writes.
     */
    public static double parseDecimal(CharSequence s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (c >= '0' && c <= '9') {
                if (digits == 18) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (point) {
                    fractionDigits++;
                }
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        double value = mantissa / POWERS_OF_TEN[fractionDigits];
        return negative ? -value : value;
    }

    /** Whether {@code [from, to)} of {@code s} equals {@code text}. */
    public static boolean regionEquals(CharSequence s, int from, int to, String text) {
        if (to - from != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (s.charAt(from + i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Index of {@code c} in {@code [from, to)}, or {@code to} when absent. */
    public static int indexOf(CharSequence s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return to;
    }

    /** {@code to} moved left past trailing white space (CR, LF, blanks, tabs), not below {@code from}. */
    public static int trimEnd(CharSequence s, int from, int to) {
        int end = to;
        while (end > from && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }

    /** {@code from} moved right past leading white space, not beyond {@code to}. */
    public static int trimStart(CharSequence s, int from, int to) {
        int start = from;
        while (start < to && s.charAt(start) <= ' ') {
            start++;
        }
        return start;
    }
}
