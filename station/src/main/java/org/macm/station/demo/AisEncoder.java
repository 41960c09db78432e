package org.macm.station.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes AIS messages as NMEA 0183 {@code !AIVDM} sentences with an NMEA 4.0 tag block
 * carrying the receive time, for generated scenarios and tests: position reports (type 1)
 * and static and voyage data (type 5, two sentences), and safety texts (types 12 and 14).
 * The decoder reads these back field by
 * field; that round trip is tested.
 */
public final class AisEncoder {
    private int sequence;

    /** Bits appended most significant first, then armoured six at a time. */
    private static final class Bits {
        private final StringBuilder bits = new StringBuilder(424);

        Bits put(long value, int width) {
            for (int i = width - 1; i >= 0; i--) {
                bits.append(((value >>> i) & 1) == 1 ? '1' : '0');
            }
            return this;
        }

        Bits text(String s, int chars) {
            String padded = (s.toUpperCase(Locale.ROOT) + "@".repeat(chars)).substring(0, chars);
            for (int i = 0; i < padded.length(); i++) {
                char c = padded.charAt(i);
                int v = c >= 64 ? c - 64 : c;
                put(v & 0x3F, 6);
            }
            return this;
        }

        /** The armoured payload and the number of fill bits. */
        String armour(int[] fill) {
            int pad = (6 - bits.length() % 6) % 6;
            fill[0] = pad;
            bits.append("0".repeat(pad));
            StringBuilder out = new StringBuilder(bits.length() / 6);
            for (int i = 0; i < bits.length(); i += 6) {
                int v = Integer.parseInt(bits.substring(i, i + 6), 2);
                out.append((char) (v < 40 ? v + 48 : v + 56));
            }
            return out.toString();
        }
    }

    /**
     * A class A position report (type 1).
     *
     * @param course  degrees true, or negative when not available
     * @param heading whole degrees, or negative when not available
     */
    public List<String> position(Instant time, int mmsi, double lat, double lon, double speedKnots, double course,
            int heading) {
        Bits b = new Bits().put(1, 6).put(0, 2).put(mmsi, 30).put(0, 4).put(-128 & 0xFF, 8)
                .put(Math.min(1022, Math.round(speedKnots * 10)), 10).put(1, 1)
                .put(Math.round(lon * 600_000) & 0xFFFFFFFL, 28).put(Math.round(lat * 600_000) & 0x7FFFFFFL, 27)
                .put(course < 0 ? 3600 : Math.round(course * 10) % 3600, 12).put(heading < 0 ? 511 : heading % 360, 9)
                .put(time.getEpochSecond() % 60, 6).put(0, 2).put(0, 3).put(0, 1).put(0, 19);
        return sentences(time, b);
    }

    /** Static and voyage data (type 5): name, call sign, ship type and size. */
    public List<String> staticData(Instant time, int mmsi, String name, String callSign, int shipType, int length,
            int beam) {
        Bits b = new Bits().put(5, 6).put(0, 2).put(mmsi, 30).put(0, 2).put(0, 30).text(callSign, 7).text(name, 20)
                .put(shipType, 8).put(length / 2, 9).put(length - length / 2, 9).put(beam / 2, 6).put(beam - beam / 2, 6)
                .put(1, 4).put(0, 4).put(0, 5).put(24, 5).put(60, 6).put(60, 8).text("", 20).put(0, 1).put(0, 1);
        return sentences(time, b);
    }

    /** A safety-related broadcast (type 14): six-bit text, as the transmitter sends it. */
    public List<String> safetyBroadcast(Instant time, int mmsi, String text) {
        return sentences(time, new Bits().put(14, 6).put(0, 2).put(mmsi, 30).put(0, 2).text(text, text.length()));
    }

    /** An addressed safety-related message (type 12) to {@code destination}. */
    public List<String> addressedSafety(Instant time, int mmsi, int destination, String text) {
        return sentences(time, new Bits().put(12, 6).put(0, 2).put(mmsi, 30).put(0, 2).put(destination, 30).put(0, 1)
                .put(0, 1).text(text, text.length()));
    }

    private List<String> sentences(Instant time, Bits b) {
        int[] fill = new int[1];
        String payload = b.armour(fill);
        int parts = (payload.length() + 59) / 60;
        String seqId = parts > 1 ? String.valueOf(sequence++ % 10) : "";
        List<String> out = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            String chunk = payload.substring(i * 60, Math.min(payload.length(), (i + 1) * 60));
            int chunkFill = i == parts - 1 ? fill[0] : 0;
            String body = "AIVDM," + parts + "," + (i + 1) + "," + seqId + ",A," + chunk + "," + chunkFill;
            String sentence = "!" + body + "*" + checksum(body);
            String tag = (parts > 1 ? "g:" + (i + 1) + "-" + parts + "-" + (sequence % 1000) + "," : "")
                    + "c:" + time.getEpochSecond();
            out.add("\\" + tag + "*" + checksum(tag) + "\\" + sentence);
        }
        return out;
    }

    static String checksum(String s) {
        int x = 0;
        for (int i = 0; i < s.length(); i++) {
            x ^= s.charAt(i);
        }
        return String.format(Locale.ROOT, "%02X", x);
    }
}
