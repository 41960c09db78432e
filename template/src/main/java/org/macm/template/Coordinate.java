package org.macm.template;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One latitude or longitude in degrees and minutes to a tenth, as charts and voice reports
 * give it ({@code 25°45.0′}). Rounding is half up on the decimal degrees sent, and carries:
 * 25°59.95′ becomes 26°00.0′. A value that rounds to 0 is north or east; a longitude that
 * rounds to 180° is written east, so the 180° meridian has one spelling.
 *
 * @param degrees    whole degrees, 0 to 90 or 0 to 180
 * @param tenths     tenths of a minute, 0 to 599
 * @param positive   north or east
 */
record Coordinate(int degrees, int tenths, boolean positive) {

    static Coordinate latitude(double lat) {
        return of(lat, false);
    }

    static Coordinate longitude(double lon) {
        return of(lon, true);
    }

    private static Coordinate of(double value, boolean longitude) {
        long total = BigDecimal.valueOf(Math.abs(value)).multiply(BigDecimal.valueOf(600))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        boolean positive = value >= 0 || total == 0 || (longitude && total == 180 * 600);
        return new Coordinate((int) (total / 600), (int) (total % 600), positive);
    }

    /** {@code 25°45.0′}: degrees unpadded, minutes to two digits and one decimal. */
    String text() {
        int minutes = tenths / 10;
        return degrees + "°" + (minutes < 10 ? "0" : "") + minutes + "." + (tenths % 10) + "′";
    }
}
