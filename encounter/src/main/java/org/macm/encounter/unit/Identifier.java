package org.macm.encounter.unit;

import java.util.Locale;
import org.macm.encounter.EncounterException;

/**
 * One way a feed names a unit: an AIS MMSI, an ADS-B 24-bit ICAO address, a radio call sign,
 * or a hull or tail number (what a party's own sensors and the registry use for units that
 * transmit neither). Two identifiers are the same unit's only when the registry says so.
 */
public sealed interface Identifier extends Comparable<Identifier> {

    /** The key this identifier has in a registry file and in a draft notice: {@code mmsi}, {@code icao24}, {@code callsign}, {@code hull}. */
    String scheme();

    /** The identifier's text, as written in a registry file: 9 digits, 6 upper-case hex digits, or the string. */
    String text();

    /** {@code scheme:text}, e.g. {@code mmsi:431000123}: unique across schemes, used as a unit key. */
    default String key() {
        return scheme() + ":" + text();
    }

    @Override
    default int compareTo(Identifier other) {
        return key().compareTo(other.key());
    }

    /** A Maritime Mobile Service Identity, 1..999999999. */
    record Mmsi(int value) implements Identifier {
        public Mmsi {
            if (value < 1 || value > 999_999_999) {
                throw new EncounterException("an MMSI is 1..999999999, got " + value);
            }
        }

        @Override
        public String scheme() {
            return "mmsi";
        }

        @Override
        public String text() {
            return String.format(Locale.ROOT, "%09d", value);
        }
    }

    /** A 24-bit ICAO aircraft address. */
    record Icao24(int value) implements Identifier {
        public Icao24 {
            if (value < 0 || value > 0xFF_FFFF) {
                throw new EncounterException("an ICAO address is 24 bits, got " + Integer.toHexString(value));
            }
        }

        /** The address from six hex digits. */
        public static Icao24 parse(String hex) {
            if (hex.length() != 6) {
                throw new EncounterException("an ICAO address is six hex digits, got '" + hex + "'");
            }
            try {
                return new Icao24(Integer.parseInt(hex, 16));
            } catch (NumberFormatException e) {
                throw new EncounterException("an ICAO address is six hex digits, got '" + hex + "'", e);
            }
        }

        @Override
        public String scheme() {
            return "icao24";
        }

        @Override
        public String text() {
            return String.format(Locale.ROOT, "%06X", value);
        }
    }

    /** A radio call sign (AIS) or flight identification (ADS-B), upper case, 1..16 characters. */
    record CallSign(String value) implements Identifier {
        public CallSign {
            value = Names.token("call sign", value);
        }

        @Override
        public String scheme() {
            return "callsign";
        }

        @Override
        public String text() {
            return value;
        }
    }

    /** A hull or tail number (e.g. {@code DDG-173}, {@code 81-5303}), or a party's own track number, upper case, 1..16 characters. */
    record Hull(String value) implements Identifier {
        public Hull {
            value = Names.token("hull or tail number", value);
        }

        @Override
        public String scheme() {
            return "hull";
        }

        @Override
        public String text() {
            return value;
        }
    }
}
