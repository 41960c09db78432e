package org.macm.encounter.modes;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The small codes of Mode S (ICAO Annex 10 vol. IV 3.1.2.6): altitude (25 ft, Gillham 100 ft
 * and metric), the Mode A identity (squawk), the six-bit character set and the surface
 * movement scale. Package-private: the records carry their decoded values.
 */
final class Codes {
    private static final String CHARACTERS =
            "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######";
    private static final double FEET_PER_METRE = 1 / 0.3048;

    private Codes() {}

    /**
     * The 13-bit altitude code of DF0/4/16/20 (bits C1 A1 C2 A2 C4 A4 M B1 Q B2 D2 B4 D4):
     * 25 ft steps when Q is set, else Gillham (Mode C) 100 ft steps. A metric code (M set)
     * decodes as absent: Annex 10 leaves its encoding open and no transponder in service sends it.
     */
    static OptionalInt altitude13(int ac) {
        if (ac == 0 || (ac & 0x40) != 0) {
            return OptionalInt.empty();
        }
        return altitude12(((ac >>> 7) << 6) | (ac & 0x3F));
    }

    /** The 12-bit altitude of an airborne position (the 13-bit code without M). */
    static OptionalInt altitude12(int code) {
        if (code == 0) {
            return OptionalInt.empty();
        }
        if ((code & 0x10) != 0) {
            int n = ((code >>> 5) << 4) | (code & 0x0F);
            return OptionalInt.of(n * 25 - 1000);
        }
        return gillham(((code >>> 6) << 7) | (code & 0x3F));
    }

    /** Gillham (Gray-coded) Mode C altitude from a 13-bit code with M = 0, in 100 ft steps; empty when illegal. */
    private static OptionalInt gillham(int ac) {
        // ac bits, high to low: C1 A1 C2 A2 C4 A4 M(0) B1 Q(0) B2 D2 B4 D4
        int c1 = bit(ac, 12);
        int a1 = bit(ac, 11);
        int c2 = bit(ac, 10);
        int a2 = bit(ac, 9);
        int c4 = bit(ac, 8);
        int a4 = bit(ac, 7);
        int b1 = bit(ac, 5);
        int b2 = bit(ac, 3);
        int d2 = bit(ac, 2);
        int b4 = bit(ac, 1);
        int d4 = bit(ac, 0);
        int fiveHundreds = grayToBinary((d2 << 7) | (d4 << 6) | (a1 << 5) | (a2 << 4) | (a4 << 3) | (b1 << 2) | (b2 << 1) | b4);
        int hundreds = grayToBinary((c1 << 2) | (c2 << 1) | c4);
        if (hundreds == 0 || hundreds == 5 || hundreds == 6) {
            return OptionalInt.empty();
        }
        if (hundreds == 7) {
            hundreds = 5;
        }
        if ((fiveHundreds & 1) != 0) {
            hundreds = 6 - hundreds;
        }
        return OptionalInt.of(fiveHundreds * 500 + hundreds * 100 - 1300);
    }

    private static int bit(int value, int index) {
        return (value >>> index) & 1;
    }

    private static int grayToBinary(int gray) {
        int b = gray;
        for (int shift = 1; shift < 8; shift <<= 1) {
            b ^= b >>> shift;
        }
        return b;
    }

    /** The 13-bit identity code (C1 A1 C2 A2 C4 A4 X B1 D1 B2 D2 B4 D4) as four octal digits. */
    static String squawk(int id) {
        int a = (bit(id, 7) << 2) | (bit(id, 9) << 1) | bit(id, 11);
        int b = (bit(id, 1) << 2) | (bit(id, 3) << 1) | bit(id, 5);
        int c = (bit(id, 8) << 2) | (bit(id, 10) << 1) | bit(id, 12);
        int d = (bit(id, 0) << 2) | (bit(id, 2) << 1) | bit(id, 4);
        return new String(new char[] {(char) ('0' + a), (char) ('0' + b), (char) ('0' + c), (char) ('0' + d)});
    }

    /** Eight six-bit characters; '#' marks codes outside the set; leading and trailing blanks dropped. */
    static String callsign(long bits48) {
        char[] c = new char[8];
        for (int i = 0; i < 8; i++) {
            c[i] = CHARACTERS.charAt((int) ((bits48 >>> (42 - 6 * i)) & 0x3F));
        }
        int end = 8;
        while (end > 0 && c[end - 1] == ' ') {
            end--;
        }
        int start = 0;
        while (start < end && c[start] == ' ') {
            start++;
        }
        return new String(c, start, end - start);
    }

    /** The surface movement field (0..127) in knots: absent for 0 (no information) and 125..127 (reserved). */
    static OptionalDouble movement(int m) {
        if (m == 0 || m >= 125) {
            return OptionalDouble.empty();
        }
        double knots;
        if (m == 1) {
            knots = 0;
        } else if (m <= 8) {
            knots = (m - 1) * 0.125;
        } else if (m <= 12) {
            knots = 1 + (m - 9) * 0.25;
        } else if (m <= 38) {
            knots = 2 + (m - 13) * 0.5;
        } else if (m <= 93) {
            knots = 15 + (m - 39);
        } else if (m <= 108) {
            knots = 70 + (m - 94) * 2;
        } else if (m <= 123) {
            knots = 100 + (m - 109) * 5;
        } else {
            knots = 175;
        }
        return OptionalDouble.of(knots);
    }

    /** Metres to whole feet. */
    static int feet(int metres) {
        return (int) Math.round(metres * FEET_PER_METRE);
    }
}
