package org.macm.template;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting that does not depend on the default locale: ASCII digits, a comma
 * between thousands (as Japanese, Chinese and English duty officers all write), a full stop
 * before decimals, rounding half up on the decimal value sent.
 */
final class Numbers {
    private Numbers() {
    }

    static String grouped(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder();
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return value < 0 ? "-" + out : out.toString();
    }

    /** {@code value} rounded half up to at most {@code fraction} decimals, trailing zeros dropped. */
    static String decimal(BigDecimal value, int fraction) {
        BigDecimal rounded = value.setScale(fraction, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.scale() < 0) {
            rounded = rounded.setScale(0, RoundingMode.UNNECESSARY);
        }
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String rest = dot < 0 ? "" : plain.substring(dot);
        return (rounded.signum() < 0 ? "-" : "") + grouped(Long.parseLong(whole)) + rest;
    }

    /** A whole number of degrees, 000 to 359, rounded half up (359.5 is 000). */
    static String course(BigDecimal degrees) {
        int whole = degrees.setScale(0, RoundingMode.HALF_UP).intValueExact() % 360;
        String digits = Integer.toString(whole);
        return "0".repeat(3 - digits.length()) + digits;
    }
}
