package org.macm.encounter.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Our decode as gpsd prints it scaled ({@code gpsdecode -j}, {@code sample.aivdm.js.chk}),
 * derived from the unscaled {@link GpsdView} so that one mapping of our records to gpsd's
 * fields serves both: positions in degrees, speed and course in knots and degrees, rate of turn
 * in degrees per minute, draught in metres, with gpsd's words for n/a values. A scaled number
 * is compared within half a unit of the last digit gpsd prints. Application fields of types 6
 * and 8 are left out: their scaling is checked by ApplicationConformanceTest.
 */
final class GpsdScaledView {
    private static final Set<Integer> TENTH_MINUTE_POSITIONS = Set.of(17, 22, 23, 27);

    private GpsdScaledView() {}

    static Map<String, Object> of(Map<String, Object> unscaled, Set<String> applicationFields) {
        int type = ((Long) unscaled.get("type")).intValue();
        Map<String, Object> v = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : unscaled.entrySet()) {
            String key = e.getKey();
            if (applicationFields.contains(key)) {
                continue;
            }
            v.put(key, e.getValue() instanceof Long raw ? scaled(type, key, raw) : e.getValue());
        }
        return v;
    }

    private static Object scaled(int type, String key, long raw) {
        boolean navigation = type <= 3 || type == 18 || type == 19;
        return switch (key) {
            case "lat", "lon", "ne_lat", "ne_lon", "sw_lat", "sw_lon" -> TENTH_MINUTE_POSITIONS.contains(type)
                    ? number(raw / 600.0, type == 17 ? 1 : type == 27 ? 4 : 6)
                    : number(raw / 600_000.0, 7);
            case "speed" -> navigation ? speed(type, raw) : type == 9 ? sarNumber(raw, 1023, "nan", 1022, "fast") : raw;
            case "course" -> navigation || type == 9 ? number(raw / 10.0, 1) : raw;
            case "turn" -> type <= 3 ? turn(raw) : raw;
            case "draught" -> type == 5 ? number(raw / 10.0, 1) : raw;
            case "alt" -> type == 9 ? sarNumber(raw, 4095, "nan", 4094, "high") : raw;
            default -> raw;
        };
    }

    private static Object speed(int type, long raw) {
        if (type <= 3 && raw == 1023) {
            return "n/a";
        }
        if (type <= 3 && raw == 1022) {
            return "fast";
        }
        return number(raw / 10.0, 1);
    }

    private static Object sarNumber(long raw, long na, String naWord, long high, String highWord) {
        return raw == na ? naWord : raw == high ? highWord : (Object) raw;
    }

    /** gpsd's rate of turn: n/a, fastleft, fastright, or (raw / 4.733) squared with the sign, two decimals, as text. */
    private static Object turn(long raw) {
        if (Math.abs(raw) >= 128) {
            return "n/a";
        }
        if (raw == -127) {
            return "fastleft";
        }
        if (raw == 127) {
            return "fastright";
        }
        double rot = (raw / 4.733) * (raw / 4.733);
        return number(raw < 0 ? -rot : rot, 2);
    }

    /** {@code value} as gpsd prints it with {@code decimals} digits, as a number or as text. */
    private static GpsdView.Check number(double value, int decimals) {
        double tolerance = 0.5 * Math.pow(10, -decimals) + 1e-9;
        return new GpsdView.Check(
                String.format("%." + decimals + "f", value),
                n -> (n.isNumber() || n.isTextual()) && isNumber(n) && Math.abs(n.asDouble() - value) <= tolerance);
    }

    private static boolean isNumber(JsonNode n) {
        if (n.isNumber()) {
            return true;
        }
        try {
            Double.parseDouble(n.asText());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
