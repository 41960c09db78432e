package org.macm.encounter.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.ais.AidToNavigationReport;
import org.macm.encounter.ais.AddressedSafetyMessage;
import org.macm.encounter.ais.AisMessage;
import org.macm.encounter.ais.BaseStationReport;
import org.macm.encounter.ais.ClassAPositionReport;
import org.macm.encounter.ais.ClassBPositionReport;
import org.macm.encounter.ais.DegradedFix;
import org.macm.encounter.ais.Dimensions;
import org.macm.encounter.ais.Eta;
import org.macm.encounter.ais.ExtendedClassBReport;
import org.macm.encounter.ais.FixType;
import org.macm.encounter.ais.LongRangeReport;
import org.macm.encounter.ais.ManeuverIndicator;
import org.macm.encounter.ais.NavigationStatus;
import org.macm.encounter.ais.RateOfTurn;
import org.macm.encounter.ais.SafetyBroadcast;
import org.macm.encounter.ais.SarAircraftReport;
import org.macm.encounter.ais.StaticDataPartA;
import org.macm.encounter.ais.StaticDataPartB;
import org.macm.encounter.ais.StaticVoyageData;

/**
 * Our decode rendered as the fields gpsd prints in unscaled mode ({@code gpsdecode -u -j}
 * and the daemon's AIS reports): raw integers, and gpsd's "not available" codes where we
 * have an absent value. Going back to gpsd's raw form checks both our scaling and our n/a
 * mapping: lat 91 degrees is 54600000 here, speed n/a is 1023, heading n/a 511.
 */
final class GpsdView {
    private GpsdView() {}

    /** A comparison that is not plain equality, with a description for the report. */
    record Check(String description, Predicate<JsonNode> test) {}

    static Map<String, Object> of(AisMessage message) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", (long) message.messageType());
        v.put("repeat", (long) message.repeat());
        v.put("mmsi", (long) message.mmsi());
        if (GpsdLinkView.put(v, message)) {
            return v;
        }
        switch (message) {
            case ClassAPositionReport m -> {
                v.put("status", (long) m.status().map(NavigationStatus::code).orElse(15));
                v.put("turn", (long) m.rateOfTurn().map(GpsdView::rotAis).orElse(-128));
                v.put("speed", tenths(m.speedKnots(), 1023));
                v.put("accuracy", m.highAccuracy());
                position(v, m.position(), 600_000.0, 181, 91);
                v.put("course", tenths(m.courseDegrees(), 3600));
                v.put("heading", (long) m.headingDegrees().orElse(511));
                v.put("second", second(m.utcSecond(), m.degradedFix()));
                v.put("maneuver", (long) m.maneuver().map(ManeuverIndicator::code).orElse(0));
                v.put("raim", m.raim());
                v.put("radio", (long) m.radio());
            }
            case BaseStationReport m -> {
                v.put("timestamp", timestamp(m.utcTime()));
                v.put("accuracy", m.highAccuracy());
                position(v, m.position(), 600_000.0, 181, 91);
                v.put("epfd", epfd(m.fixType()));
                v.put("raim", m.raim());
                v.put("radio", (long) m.radio());
            }
            case StaticVoyageData m -> {
                v.put("ais_version", (long) m.aisVersion());
                v.put("imo", (long) m.imo().orElse(0));
                v.put("callsign", m.callsign().orElse(""));
                v.put("shipname", m.shipName().orElse(""));
                v.put("shiptype", (long) m.shipType().orElse(0));
                dimensions(v, m.dimensions());
                v.put("epfd", epfd(m.fixType()));
                v.put("eta", eta(m.eta()));
                v.put("draught", tenths(m.draughtMetres(), 0));
                v.put("destination", m.destination().orElse(""));
                v.put("dte", m.dataTerminalReady() ? 0L : 1L);
            }
            case SarAircraftReport m -> {
                v.put("alt", (long) m.altitudeMetres().orElse(4095));
                v.put("speed", (long) m.speedKnots().orElse(1023));
                v.put("accuracy", m.highAccuracy());
                position(v, m.position(), 600_000.0, 181, 91);
                v.put("course", tenths(m.courseDegrees(), 3600));
                v.put("second", second(m.utcSecond(), m.degradedFix()));
                v.put("regional", (long) m.regional());
                v.put("dte", m.dataTerminalReady() ? 0L : 1L);
                v.put("assigned", m.assigned());
                v.put("raim", m.raim());
                v.put("radio", (long) m.radio());
            }
            case ClassBPositionReport m -> {
                v.put("speed", tenths(m.speedKnots(), 1023));
                v.put("accuracy", m.highAccuracy());
                position(v, m.position(), 600_000.0, 181, 91);
                v.put("course", tenths(m.courseDegrees(), 3600));
                v.put("heading", (long) m.headingDegrees().orElse(511));
                v.put("second", second(m.utcSecond(), m.degradedFix()));
                v.put("regional", (long) m.regional());
                v.put("cs", m.carrierSense());
                v.put("display", m.display());
                v.put("dsc", m.dsc());
                v.put("band", m.band());
                v.put("msg22", m.message22());
                v.put("assigned", m.assigned());
                v.put("raim", m.raim());
                v.put("radio", (long) m.radio());
            }
            case ExtendedClassBReport m -> {
                v.put("speed", tenths(m.speedKnots(), 1023));
                v.put("accuracy", m.highAccuracy());
                position(v, m.position(), 600_000.0, 181, 91);
                v.put("course", tenths(m.courseDegrees(), 3600));
                v.put("heading", (long) m.headingDegrees().orElse(511));
                v.put("second", second(m.utcSecond(), m.degradedFix()));
                v.put("regional", (long) m.regional());
                v.put("shipname", m.shipName().orElse(""));
                v.put("shiptype", (long) m.shipType().orElse(0));
                dimensions(v, m.dimensions());
                v.put("epfd", epfd(m.fixType()));
                v.put("raim", m.raim());
                v.put("dte", m.dataTerminalReady() ? 0L : 1L);
                v.put("assigned", m.assigned());
            }
            case AidToNavigationReport m -> {
                v.put("aid_type", (long) m.aidType().orElse(0));
                v.put("name", m.name().orElse(""));
                position(v, m.position(), 600_000.0, 181, 91);
                v.put("accuracy", m.highAccuracy());
                dimensions(v, m.dimensions());
                v.put("epfd", epfd(m.fixType()));
                v.put("second", second(m.utcSecond(), m.degradedFix()));
                v.put("regional", (long) m.regional());
                v.put("off_position", m.offPosition());
                v.put("raim", m.raim());
                v.put("virtual_aid", m.virtualAid());
                v.put("assigned", m.assigned());
            }
            case StaticDataPartA m -> v.put("shipname", m.shipName().orElse(""));
            case StaticDataPartB m -> {
                v.put("shiptype", (long) m.shipType().orElse(0));
                String vendor = m.vendorId().orElse("");
                v.put("vendorid", new Check(
                        "first 3 characters \"" + vendor + "\"",
                        n -> vendorPrefix(n.asText()).equals(vendor)));
                v.put("model", (long) m.unitModel());
                v.put("serial", (long) m.serialNumber());
                v.put("callsign", m.callsign().orElse(""));
                if (m.mothershipMmsi().isPresent()) {
                    v.put("mothership_mmsi", (long) m.mothershipMmsi().getAsInt());
                } else {
                    dimensions(v, m.dimensions());
                }
            }
            case LongRangeReport m -> {
                v.put("accuracy", m.highAccuracy());
                v.put("raim", m.raim());
                v.put("status", (long) m.status().map(NavigationStatus::code).orElse(15));
                position(v, m.position(), 600.0, 181, 91);
                v.put("speed", (long) m.speedKnots().orElse(63));
                v.put("course", (long) m.courseDegrees().orElse(511));
                v.put("gnss", !m.currentGnssFix());
            }
            case AddressedSafetyMessage m -> {
                v.put("seqno", (long) m.sequence());
                v.put("dest_mmsi", (long) m.destinationMmsi());
                v.put("retransmit", m.retransmitted());
                v.put("text", m.text());
            }
            case SafetyBroadcast m -> v.put("text", m.text());
            default -> throw new IllegalStateException("GpsdLinkView renders " + message.messageType());
        }
        return v;
    }

    /** The part A name merged into part B, as gpsd prints a completed type 24 pair. */
    static Map<String, Object> merged(StaticDataPartA a, StaticDataPartB b) {
        Map<String, Object> v = of(b);
        v.put("shipname", a.shipName().orElse(""));
        return v;
    }

    /** Compares our view with gpsd's object; returns one line per differing field. */
    static List<String> compare(Map<String, Object> ours, JsonNode theirs, int[] comparedFields) {
        List<String> diffs = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, Object> e : ours.entrySet()) {
            JsonNode node = theirs.get(e.getKey());
            if (node == null) {
                continue; // gpsd does not print this field for this type
            }
            compared++;
            Object value = e.getValue();
            boolean same = switch (value) {
                case Long l -> node.isIntegralNumber() && node.asLong() == l;
                case Boolean b -> node.isBoolean() && node.asBoolean() == b;
                case String s -> node.isTextual() && node.asText().equals(s);
                case Check c -> c.test().test(node);
                default -> throw new IllegalStateException("unexpected view value " + value);
            };
            if (!same) {
                String ourText = value instanceof Check c ? c.description() : String.valueOf(value);
                diffs.add(e.getKey() + " ours " + ourText + " gpsd " + node);
            }
        }
        comparedFields[0] = compared;
        return diffs;
    }

    private static String vendorPrefix(String gpsd) {
        String prefix = gpsd.length() > 3 ? gpsd.substring(0, 3) : gpsd;
        return prefix.stripTrailing();
    }

    private static int rotAis(RateOfTurn rot) {
        return switch (rot) {
            case RateOfTurn.Unmeasured u -> u.toStarboard() ? 127 : -127;
            case RateOfTurn.Measured m -> (int) Math.round(
                    Math.copySign(Math.sqrt(Math.abs(m.degreesPerMinute())) * 4.733, m.degreesPerMinute()));
        };
    }

    private static long second(OptionalInt second, Optional<DegradedFix> degraded) {
        return second.isPresent() ? second.getAsInt() : degraded.map(DegradedFix::code).orElse(60);
    }

    private static long tenths(OptionalDouble value, long notAvailable) {
        return value.isPresent() ? Math.round(value.getAsDouble() * 10) : notAvailable;
    }

    private static long epfd(Optional<FixType> fixType) {
        return fixType.map(FixType::code).orElse(0);
    }

    private static void position(Map<String, Object> v, Optional<GeoPoint> p, double perDegree, int lonNa, int latNa) {
        if (p.isPresent()) {
            v.put("lon", Math.round(p.get().longitude() * perDegree));
            v.put("lat", Math.round(p.get().latitude() * perDegree));
        } else {
            // gpsd prints what was sent; we print the n/a code, so an out-of-range position shows up as a difference
            v.put("lon", Math.round(lonNa * perDegree));
            v.put("lat", Math.round(latNa * perDegree));
        }
    }

    private static void dimensions(Map<String, Object> v, Optional<Dimensions> d) {
        v.put("to_bow", (long) d.map(Dimensions::toBow).orElse(0));
        v.put("to_stern", (long) d.map(Dimensions::toStern).orElse(0));
        v.put("to_port", (long) d.map(Dimensions::toPort).orElse(0));
        v.put("to_starboard", (long) d.map(Dimensions::toStarboard).orElse(0));
    }

    private static Object timestamp(Optional<Instant> time) {
        if (time.isPresent()) {
            ZonedDateTime t = time.get().atZone(ZoneOffset.UTC);
            return String.format(
                    "%04d-%02d-%02dT%02d:%02d:%02dZ",
                    t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        }
        return new Check("absent (a part is n/a or out of range)", n -> !isValidTimestamp(n.asText()));
    }

    /** Whether gpsd's "YYYY-MM-DDThh:mm:ssZ" names a real instant (no n/a or impossible part). */
    private static boolean isValidTimestamp(String s) {
        try {
            Instant.parse(s);
            return !s.startsWith("0000");
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static String eta(Optional<Eta> eta) {
        return String.format(
                "%02d-%02dT%02d:%02dZ",
                eta.flatMap(e -> box(e.month())).orElse(0),
                eta.flatMap(e -> box(e.day())).orElse(0),
                eta.flatMap(e -> box(e.hour())).orElse(24),
                eta.flatMap(e -> box(e.minute())).orElse(60));
    }

    private static Optional<Integer> box(OptionalInt i) {
        return i.isPresent() ? Optional.of(i.getAsInt()) : Optional.empty();
    }
}
