package org.macm.encounter.sbs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.decode.Ascii;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.decode.Decoder;
import org.macm.encounter.decode.RejectReason;

/**
 * Decodes SBS-1 BaseStation lines, the text format dump1090 and its successors serve on
 * TCP port 30003. Only {@code MSG} lines carry aircraft data; the other record kinds
 * ({@code SEL}, {@code ID}, {@code AIR}, {@code STA}, {@code CLK}) are counted as
 * unsupported. A line has 22 comma-separated fields:
 *
 * <pre>
 *  1 MSG   2 transmission type (1..8)   3 session id   4 aircraft id   5 hex ident (ICAO)
 *  6 flight id   7 date generated (yyyy/MM/dd)   8 time generated (HH:mm:ss.SSS)
 *  9 date logged   10 time logged   11 call sign   12 altitude (ft)   13 ground speed (kn)
 * 14 track (deg)   15 latitude   16 longitude   17 vertical rate (ft/min)   18 squawk
 * 19 alert   20 emergency   21 SPI (ident)   22 on ground        flags: -1 or 1 true, 0 false
 * </pre>
 *
 * Parsing scans the line once for commas and reads numbers in place, without regex or
 * intermediate strings. Not thread-safe: one decoder per feed.
 */
public final class SbsDecoder implements Decoder<SbsMessage> {
    private static final int FIELDS = 22;
    private static final int MAX_LINE = 512;
    private static final int NO_FLAG = 2;
    private static final int BAD_FLAG = 3;
    /** Sentinels of {@link #time}, which stay inside this class. */
    private static final Instant ABSENT = Instant.MIN;
    private static final Instant MALFORMED = Instant.MAX;

    private final DecodeStats stats = new DecodeStats();
    /** start[i], end[i]: field i (0-based) is {@code [start[i], end[i])} of the current line. */
    private final int[] start = new int[FIELDS];
    private final int[] end = new int[FIELDS];
    private final int[] flags = new int[4];

    @Override
    public DecodeStats stats() {
        return stats;
    }

    @Override
    public DecodeResult<SbsMessage> accept(CharSequence line) {
        stats.line();
        DecodeResult<SbsMessage> result = parse(line);
        if (result instanceof DecodeResult.Rejected<SbsMessage> rejected) {
            stats.rejected(rejected.reason());
        } else {
            stats.decoded();
        }
        return result;
    }

    private DecodeResult<SbsMessage> parse(CharSequence line) {
        if (line.length() > MAX_LINE) {
            return reject(RejectReason.TOO_LONG, "line of " + line.length() + " characters exceeds " + MAX_LINE);
        }
        int from = Ascii.trimStart(line, 0, line.length());
        int to = Ascii.trimEnd(line, from, line.length());
        if (from == to) {
            return reject(RejectReason.EMPTY, "empty line");
        }
        int n = 0;
        int fieldStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || line.charAt(i) == ',') {
                if (n == FIELDS) {
                    return reject(RejectReason.BAD_FIELD, "an SBS-1 line has 22 fields, this one more");
                }
                start[n] = fieldStart;
                end[n] = i;
                n++;
                fieldStart = i + 1;
            }
        }
        if (!isRecordKind(line)) {
            return reject(RejectReason.NOT_NMEA, "not an SBS-1 line: it does not start with a record kind");
        }
        if (!Ascii.regionEquals(line, start[0], end[0], "MSG")) {
            return reject(RejectReason.UNSUPPORTED_TYPE, "SBS-1 " + line.subSequence(start[0], end[0]) + " records carry no aircraft data");
        }
        if (n < FIELDS) {
            return reject(RejectReason.TRUNCATED, "an SBS-1 line has 22 fields, this one " + n);
        }
        Optional<SbsTransmission> transmission = SbsTransmission.fromCode(Ascii.parseInt(line, start[1], end[1]));
        if (transmission.isEmpty()) {
            return reject(RejectReason.BAD_FIELD, "field 2 (transmission type) must be 1..8");
        }
        long icao = end[4] - start[4] == 6 ? Ascii.parseHex(line, start[4], end[4]) : Ascii.NOT_A_NUMBER;
        if (icao == Ascii.NOT_A_NUMBER) {
            return reject(RejectReason.BAD_FIELD, "field 5 (hex ident) must be six hex digits");
        }
        return fields(line, transmission.get(), (int) icao);
    }

    private DecodeResult<SbsMessage> fields(CharSequence line, SbsTransmission transmission, int icao) {
        long altitude = optionalInt(line, 11);
        double speed = optionalDecimal(line, 12);
        double track = optionalDecimal(line, 13);
        double lat = optionalDecimal(line, 14);
        double lon = optionalDecimal(line, 15);
        long verticalRate = optionalInt(line, 16);
        if (altitude == Ascii.NOT_A_NUMBER || verticalRate == Ascii.NOT_A_NUMBER) {
            return reject(RejectReason.BAD_FIELD, "altitude and vertical rate must be whole numbers");
        }
        if (Double.isNaN(speed) || Double.isNaN(track) || Double.isNaN(lat) || Double.isNaN(lon)) {
            return reject(RejectReason.BAD_FIELD, "speed, track, latitude and longitude must be decimal numbers");
        }
        if (isEmpty(14) != isEmpty(15)) {
            return reject(RejectReason.BAD_FIELD, "latitude and longitude come together or not at all");
        }
        Optional<GeoPoint> position = Optional.empty();
        if (!isEmpty(14)) {
            if (GeoPoint.isValid(lat, lon)) {
                position = Optional.of(new GeoPoint(lat, lon));
            } else {
                stats.outOfRange();
            }
        }
        OptionalDouble trackDegrees = OptionalDouble.empty();
        if (!isEmpty(13)) {
            if (track >= 0 && track <= 360) {
                trackDegrees = OptionalDouble.of(track == 360 ? 0 : track);
            } else {
                stats.outOfRange();
            }
        }
        OptionalDouble groundSpeed = OptionalDouble.empty();
        if (!isEmpty(12)) {
            if (speed >= 0) {
                groundSpeed = OptionalDouble.of(speed);
            } else {
                stats.outOfRange();
            }
        }
        Optional<String> squawk = Optional.empty();
        if (!isEmpty(17)) {
            if (!isSquawk(line, start[17], end[17])) {
                return reject(RejectReason.BAD_FIELD, "field 18 (squawk) must be four octal digits");
            }
            squawk = Optional.of(line.subSequence(start[17], end[17]).toString());
        }
        Instant generated = time(line, 6, 7);
        if (generated.equals(MALFORMED)) {
            return reject(RejectReason.BAD_FIELD, "fields 7 and 8 must be a date yyyy/MM/dd and a time HH:mm:ss[.SSS]");
        }
        for (int i = 0; i < 4; i++) {
            flags[i] = flag(line, 18 + i);
            if (flags[i] == BAD_FLAG) {
                return reject(RejectReason.BAD_FIELD, "field " + (19 + i) + " must be -1, 0, 1 or empty");
            }
        }
        return new DecodeResult.Decoded<>(new SbsMessage(
                transmission,
                icao,
                callsign(line),
                isEmpty(11) ? OptionalInt.empty() : OptionalInt.of((int) altitude),
                groundSpeed,
                trackDegrees,
                position,
                isEmpty(16) ? OptionalInt.empty() : OptionalInt.of((int) verticalRate),
                squawk,
                toFlag(flags[0]),
                toFlag(flags[1]),
                toFlag(flags[2]),
                toFlag(flags[3]),
                generated.equals(ABSENT) ? Optional.empty() : Optional.of(generated)));
    }


    private boolean isRecordKind(CharSequence line) {
        int length = end[0] - start[0];
        if (length < 2 || length > 3) {
            return false;
        }
        for (int i = start[0]; i < end[0]; i++) {
            if (line.charAt(i) < 'A' || line.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    private boolean isEmpty(int field) {
        return start[field] == end[field];
    }

    /** The integer in a field, 0 when the field is empty, NOT_A_NUMBER when malformed. */
    private long optionalInt(CharSequence line, int field) {
        return isEmpty(field) ? 0 : Ascii.parseInt(line, start[field], end[field]);
    }

    /** The decimal in a field, 0 when the field is empty, NaN when malformed. */
    private double optionalDecimal(CharSequence line, int field) {
        return isEmpty(field) ? 0 : Ascii.parseDecimal(line, start[field], end[field]);
    }

    private Optional<String> callsign(CharSequence line) {
        int to = Ascii.trimEnd(line, start[10], end[10]);
        return to == start[10] ? Optional.empty() : Optional.of(line.subSequence(start[10], to).toString());
    }

    private static boolean isSquawk(CharSequence line, int from, int to) {
        if (to - from != 4) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (line.charAt(i) < '0' || line.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    private int flag(CharSequence line, int field) {
        if (isEmpty(field)) {
            return NO_FLAG;
        }
        long v = Ascii.parseInt(line, start[field], end[field]);
        if (v == 0) {
            return 0;
        }
        return v == -1 || v == 1 ? 1 : BAD_FLAG;
    }

    private static Optional<Boolean> toFlag(int flag) {
        return flag == NO_FLAG ? Optional.empty() : Optional.of(flag == 1);
    }

    /** The instant of a date and a time field; ABSENT when both are empty, MALFORMED when bad. */
    private Instant time(CharSequence line, int dateField, int timeField) {
        if (isEmpty(dateField) && isEmpty(timeField)) {
            return ABSENT;
        }
        int d = start[dateField];
        int t = start[timeField];
        if (end[dateField] - d != 10 || line.charAt(d + 4) != '/' || line.charAt(d + 7) != '/') {
            return MALFORMED;
        }
        int timeLength = end[timeField] - t;
        if (timeLength < 8 || line.charAt(t + 2) != ':' || line.charAt(t + 5) != ':') {
            return MALFORMED;
        }
        long year = Ascii.parseInt(line, d, d + 4);
        long month = Ascii.parseInt(line, d + 5, d + 7);
        long day = Ascii.parseInt(line, d + 8, d + 10);
        long hour = Ascii.parseInt(line, t, t + 2);
        long minute = Ascii.parseInt(line, t + 3, t + 5);
        long second = Ascii.parseInt(line, t + 6, t + 8);
        long nanos = 0;
        if (timeLength > 8) {
            int digits = timeLength - 9;
            if (line.charAt(t + 8) != '.' || digits < 1 || digits > 9) {
                return MALFORMED;
            }
            long fraction = Ascii.parseInt(line, t + 9, end[timeField]);
            if (fraction < 0) {
                return MALFORMED;
            }
            nanos = fraction;
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return MALFORMED;
        }
        try {
            return LocalDateTime.of((int) year, (int) month, (int) day, (int) hour, (int) minute, (int) second, (int) nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException impossible) {
            return MALFORMED;
        }
    }

    private static DecodeResult<SbsMessage> reject(RejectReason reason, String detail) {
        return new DecodeResult.Rejected<>(reason, detail);
    }
}
