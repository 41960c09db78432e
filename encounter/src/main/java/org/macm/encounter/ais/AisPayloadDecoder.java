package org.macm.encounter.ais;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.ais.binary.ApplicationDecoder;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.decode.RejectReason;

/**
 * Turns the bits of one complete AIS message into its record. Field layouts are drawn in
 * each record's Javadoc; this class holds the scaling and the "not available" rules, which
 * are the same across types: positions in 1/10000 minute with 181/91 degrees meaning n/a,
 * speed in 0.1 knot with 1023 n/a, course in 0.1 degree with 3600 n/a, heading 511 n/a,
 * second 60..63 n/a. A value outside its range that is not the n/a code is decoded as absent
 * too and counted as out of range.
 */
final class AisPayloadDecoder {
    private final DecodeStats stats;
    private final AisPoints points;
    private final AisNetworkDecoder network;
    private final AisBinaryDecoder binary;

    AisPayloadDecoder(DecodeStats stats) {
        this.stats = stats;
        this.points = new AisPoints(stats);
        this.network = new AisNetworkDecoder(points);
        this.binary = new AisBinaryDecoder(points, new ApplicationDecoder());
    }

    DecodeResult<AisMessage> decode(SixBitPayload p) {
        int bits = p.bitLength();
        if (bits < 38) {
            return shortMessage(bits < 6 ? 0 : (int) p.unsigned(0, 6), bits, 38);
        }
        int type = (int) p.unsigned(0, 6);
        return switch (type) {
            case 1, 2, 3 -> bits < 149 ? shortMessage(type, bits, 149) : ok(classA(p, type));
            case 4, 11 -> bits < 168 ? shortMessage(type, bits, 168) : ok(baseStation(p, type));
            case 5 -> bits < 420 ? shortMessage(type, bits, 420) : ok(staticVoyage(p));
            case 9 -> bits < 168 ? shortMessage(type, bits, 168) : ok(sarAircraft(p));
            case 18 -> bits < 168 ? shortMessage(type, bits, 168) : ok(classB(p));
            case 19 -> bits < 312 ? shortMessage(type, bits, 312) : ok(extendedClassB(p));
            case 21 -> bits < 272 ? shortMessage(type, bits, 272) : ok(aidToNavigation(p));
            case 12 -> bits < 72 ? shortMessage(type, bits, 72) : ok(new AddressedSafetyMessage(repeat(p), mmsi(p, 8),
                    (int) p.unsigned(38, 2), mmsi(p, 40), p.flag(70), p.text(72, (bits - 72) / 6)));
            case 14 -> ok(new SafetyBroadcast(repeat(p), mmsi(p, 8), p.text(40, (bits - 40) / 6)));
            case 24 -> staticData(p);
            case 27 -> bits < 96 ? shortMessage(type, bits, 96) : ok(longRange(p));
            case 6, 8, 17, 25, 26 -> binary.decode(p, type);
            case 7, 10, 13, 15, 16, 20, 22, 23 -> network.decode(p, type);
            default -> new DecodeResult.Rejected<>(
                    RejectReason.UNSUPPORTED_TYPE, "AIS message type " + type + " is not decoded");
        };
    }

    static DecodeResult<AisMessage> ok(AisMessage message) {
        return new DecodeResult.Decoded<>(message);
    }

    static DecodeResult<AisMessage> shortMessage(int type, int bits, int needed) {
        return new DecodeResult.Rejected<>(
                RejectReason.SHORT_MESSAGE,
                "AIS type " + type + " needs " + needed + " bits, got " + bits);
    }

    private ClassAPositionReport classA(SixBitPayload p, int type) {
        return new ClassAPositionReport(
                type,
                repeat(p),
                mmsi(p, 8),
                NavigationStatus.fromCode((int) p.unsigned(38, 4)),
                RateOfTurn.fromAis((int) p.signed(42, 8)),
                tenthsKnots(p, 50),
                p.flag(60),
                position(p, 61, 89),
                course(p, 116),
                heading(p, 128),
                second(p, 137),
                DegradedFix.fromTimeStamp((int) p.unsigned(137, 6)),
                ManeuverIndicator.fromCode((int) p.unsigned(143, 2)),
                p.flag(148),
                // some senders cut the radio status short (wrong fill bits); read what is there, as gpsd does
                (int) p.unsigned(149, Math.min(19, p.bitLength() - 149)));
    }

    private BaseStationReport baseStation(SixBitPayload p, int type) {
        return new BaseStationReport(
                type,
                repeat(p),
                mmsi(p, 8),
                utcTime(p),
                p.flag(78),
                position(p, 79, 107),
                FixType.fromCode((int) p.unsigned(134, 4)),
                p.flag(148),
                (int) p.unsigned(149, 19));
    }

    private StaticVoyageData staticVoyage(SixBitPayload p) {
        int imo = (int) p.unsigned(40, 30);
        int draught = (int) p.unsigned(294, 8);
        return new StaticVoyageData(
                repeat(p),
                mmsi(p, 8),
                (int) p.unsigned(38, 2),
                imo == 0 ? OptionalInt.empty() : OptionalInt.of(imo),
                text(p, 70, 7),
                text(p, 112, 20),
                shipType(p, 232),
                dimensions(p, 240),
                FixType.fromCode((int) p.unsigned(270, 4)),
                Eta.of(
                        (int) p.unsigned(274, 4),
                        (int) p.unsigned(278, 5),
                        (int) p.unsigned(283, 5),
                        (int) p.unsigned(288, 6)),
                draught == 0 ? OptionalDouble.empty() : OptionalDouble.of(draught / 10.0),
                text(p, 302, 20),
                !p.flag(422));
    }

    private SarAircraftReport sarAircraft(SixBitPayload p) {
        int altitude = (int) p.unsigned(38, 12);
        int speed = (int) p.unsigned(50, 10);
        return new SarAircraftReport(
                repeat(p),
                mmsi(p, 8),
                altitude == 4095 ? OptionalInt.empty() : OptionalInt.of(altitude),
                speed == 1023 ? OptionalInt.empty() : OptionalInt.of(speed),
                p.flag(60),
                position(p, 61, 89),
                course(p, 116),
                second(p, 128),
                DegradedFix.fromTimeStamp((int) p.unsigned(128, 6)),
                (int) p.unsigned(134, 8),
                !p.flag(142),
                p.flag(146),
                p.flag(147),
                (int) p.unsigned(148, 20));
    }

    private ClassBPositionReport classB(SixBitPayload p) {
        return new ClassBPositionReport(
                repeat(p),
                mmsi(p, 8),
                tenthsKnots(p, 46),
                p.flag(56),
                position(p, 57, 85),
                course(p, 112),
                heading(p, 124),
                second(p, 133),
                DegradedFix.fromTimeStamp((int) p.unsigned(133, 6)),
                (int) p.unsigned(139, 2),
                p.flag(141),
                p.flag(142),
                p.flag(143),
                p.flag(144),
                p.flag(145),
                p.flag(146),
                p.flag(147),
                (int) p.unsigned(148, 20));
    }

    private ExtendedClassBReport extendedClassB(SixBitPayload p) {
        return new ExtendedClassBReport(
                repeat(p),
                mmsi(p, 8),
                tenthsKnots(p, 46),
                p.flag(56),
                position(p, 57, 85),
                course(p, 112),
                heading(p, 124),
                second(p, 133),
                DegradedFix.fromTimeStamp((int) p.unsigned(133, 6)),
                (int) p.unsigned(139, 4),
                text(p, 143, 20),
                shipType(p, 263),
                dimensions(p, 271),
                FixType.fromCode((int) p.unsigned(301, 4)),
                p.flag(305),
                !p.flag(306),
                p.flag(307));
    }

    private AidToNavigationReport aidToNavigation(SixBitPayload p) {
        int aidType = (int) p.unsigned(38, 5);
        String name = p.text(43, 20);
        int extensionChars = (p.bitLength() - 272) / 6;
        if (extensionChars > 0 && name.length() == 20) {
            // the extension only continues a name that used all 20 characters
            name = name + p.text(272, Math.min(extensionChars, 14));
        }
        return new AidToNavigationReport(
                repeat(p),
                mmsi(p, 8),
                aidType == 0 ? OptionalInt.empty() : OptionalInt.of(aidType),
                name.isEmpty() ? Optional.empty() : Optional.of(name),
                p.flag(163),
                position(p, 164, 192),
                dimensions(p, 219),
                FixType.fromCode((int) p.unsigned(249, 4)),
                second(p, 253),
                DegradedFix.fromTimeStamp((int) p.unsigned(253, 6)),
                p.flag(259),
                (int) p.unsigned(260, 8),
                p.flag(268),
                p.flag(269),
                p.flag(270));
    }

    private DecodeResult<AisMessage> staticData(SixBitPayload p) {
        int part = (int) p.unsigned(38, 2);
        int bits = p.bitLength();
        if (part == 0) {
            if (bits < 160) {
                return shortMessage(24, bits, 160);
            }
            return ok(new StaticDataPartA(repeat(p), mmsi(p, 8), text(p, 40, 20)));
        }
        if (part != 1) {
            return new DecodeResult.Rejected<>(
                    RejectReason.BAD_FIELD, "AIS type 24 part number " + part + " is neither A (0) nor B (1)");
        }
        if (bits < 162) {
            return shortMessage(24, bits, 162);
        }
        int mmsi = mmsi(p, 8);
        boolean auxiliary = mmsi / 10_000_000 == 98;
        return ok(new StaticDataPartB(
                repeat(p),
                mmsi,
                shipType(p, 40),
                text(p, 48, 3),
                (int) p.unsigned(66, 4),
                (int) p.unsigned(70, 20),
                text(p, 90, 7),
                auxiliary ? Optional.empty() : dimensions(p, 132),
                auxiliary ? OptionalInt.of((int) p.unsigned(132, 30)) : OptionalInt.empty()));
    }

    private LongRangeReport longRange(SixBitPayload p) {
        int lon = (int) p.signed(44, 18);
        int lat = (int) p.signed(62, 17);
        int speed = (int) p.unsigned(79, 6);
        int course = (int) p.unsigned(85, 9);
        return new LongRangeReport(
                repeat(p),
                mmsi(p, 8),
                p.flag(38),
                p.flag(39),
                NavigationStatus.fromCode((int) p.unsigned(40, 4)),
                points.point(lat, lon, AisPoints.TENTHS),
                speed == 63 ? OptionalInt.empty() : OptionalInt.of(speed),
                course == 511 ? OptionalInt.empty() : inRange(course, 359),
                !p.flag(94));
    }

    // ---- shared field rules -------------------------------------------------------------

    static int repeat(SixBitPayload p) {
        return (int) p.unsigned(6, 2);
    }

    static int mmsi(SixBitPayload p, int start) {
        return (int) p.unsigned(start, 30);
    }

    private Optional<GeoPoint> position(SixBitPayload p, int lonStart, int latStart) {
        int lon = (int) p.signed(lonStart, 28);
        int lat = (int) p.signed(latStart, 27);
        return points.point(lat, lon, AisPoints.TEN_THOUSANDTHS);
    }

    private static OptionalDouble tenthsKnots(SixBitPayload p, int start) {
        int speed = (int) p.unsigned(start, 10);
        return speed == 1023 ? OptionalDouble.empty() : OptionalDouble.of(speed / 10.0);
    }

    private OptionalDouble course(SixBitPayload p, int start) {
        int course = (int) p.unsigned(start, 12);
        if (course == 3600) {
            return OptionalDouble.empty();
        }
        if (course > 3600) {
            stats.outOfRange();
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(course / 10.0);
    }

    private OptionalInt heading(SixBitPayload p, int start) {
        int heading = (int) p.unsigned(start, 9);
        return heading == 511 ? OptionalInt.empty() : inRange(heading, 359);
    }

    private OptionalInt inRange(int value, int max) {
        if (value > max) {
            stats.outOfRange();
            return OptionalInt.empty();
        }
        return OptionalInt.of(value);
    }

    private static OptionalInt second(SixBitPayload p, int start) {
        int second = (int) p.unsigned(start, 6);
        return second < 60 ? OptionalInt.of(second) : OptionalInt.empty();
    }

    private static OptionalInt shipType(SixBitPayload p, int start) {
        int type = (int) p.unsigned(start, 8);
        return type == 0 ? OptionalInt.empty() : OptionalInt.of(type);
    }

    private static Optional<Dimensions> dimensions(SixBitPayload p, int start) {
        return Dimensions.of(
                (int) p.unsigned(start, 9),
                (int) p.unsigned(start + 9, 9),
                (int) p.unsigned(start + 18, 6),
                (int) p.unsigned(start + 24, 6));
    }

    private static Optional<String> text(SixBitPayload p, int start, int chars) {
        String text = p.text(start, chars);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private Optional<Instant> utcTime(SixBitPayload p) {
        int year = (int) p.unsigned(38, 14);
        int month = (int) p.unsigned(52, 4);
        int day = (int) p.unsigned(56, 5);
        int hour = (int) p.unsigned(61, 5);
        int minute = (int) p.unsigned(66, 6);
        int second = (int) p.unsigned(72, 6);
        if (year == 0 || month == 0 || day == 0 || hour == 24 || minute == 60 || second == 60) {
            return Optional.empty();
        }
        if (month > 12 || hour > 23 || minute > 59 || second > 59) {
            stats.outOfRange();
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException impossibleDay) {
            // e.g. 31 April: the fields are each in range but do not make a date
            stats.outOfRange();
            return Optional.empty();
        }
    }
}
