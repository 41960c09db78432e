package org.macm.encounter.track;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.ais.Acknowledgement;
import org.macm.encounter.ais.AddressedBinaryMessage;
import org.macm.encounter.ais.AddressedSafetyMessage;
import org.macm.encounter.ais.AssignmentCommand;
import org.macm.encounter.ais.BinaryBroadcast;
import org.macm.encounter.ais.ChannelManagement;
import org.macm.encounter.ais.DataLinkManagement;
import org.macm.encounter.ais.DgnssBroadcast;
import org.macm.encounter.ais.GroupAssignment;
import org.macm.encounter.ais.Interrogation;
import org.macm.encounter.ais.MultiSlotBinary;
import org.macm.encounter.ais.SingleSlotBinary;
import org.macm.encounter.ais.UtcInquiry;
import org.macm.encounter.ais.AidToNavigationReport;
import org.macm.encounter.ais.AisReport;
import org.macm.encounter.ais.BaseStationReport;
import org.macm.encounter.ais.ClassAPositionReport;
import org.macm.encounter.ais.ClassBPositionReport;
import org.macm.encounter.ais.ExtendedClassBReport;
import org.macm.encounter.ais.LongRangeReport;
import org.macm.encounter.ais.SafetyBroadcast;
import org.macm.encounter.ais.SarAircraftReport;
import org.macm.encounter.ais.StaticDataPartA;
import org.macm.encounter.ais.StaticDataPartB;
import org.macm.encounter.ais.StaticVoyageData;
import org.macm.encounter.geo.Earth;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.unit.Identifier;

/**
 * Turns decoded AIS reports into track events. Position reports of ships (types 1–3, 18,
 * 19, 27) and of SAR aircraft (type 9, altitude metres to feet) become {@link TrackUpdate}s;
 * static data (types 5 and 24 A/B) become {@link IdentityUpdate}s; base stations and aids to
 * navigation are not units and give nothing, nor does a report without a position. Safety
 * texts (types 12 and 14) become {@link SafetyText}s. The time
 * of a report is its tag block's {@code c:} time, else the arrival time the source gives.
 * Stateless.
 */
public final class AisTrackAdapter {

    /** The event for {@code report}, which arrived at {@code arrival}. */
    public Optional<TrackEvent> adapt(AisReport report, Instant arrival) {
        Instant time = report.receivedAt().orElse(arrival);
        int mmsi = report.message().mmsi();
        if (mmsi < 1 || mmsi > 999_999_999) {
            return Optional.empty(); // MMSI 0 is "not set": such a report cannot be tied to a unit
        }
        Identifier id = new Identifier.Mmsi(mmsi);
        return switch (report.message()) {
            case ClassAPositionReport m -> vessel(id, time, m.position(), m.courseDegrees(), m.speedKnots(), Optional.empty());
            case ClassBPositionReport m -> vessel(id, time, m.position(), m.courseDegrees(), m.speedKnots(), Optional.empty());
            case ExtendedClassBReport m -> vessel(id, time, m.position(), m.courseDegrees(), m.speedKnots(), m.shipName());
            case LongRangeReport m -> vessel(id, time, m.position(), toDouble(m.courseDegrees()), toDouble(m.speedKnots()),
                    Optional.empty());
            case SarAircraftReport m -> m.position().map(p -> new TrackUpdate(id, UnitKind.AIRCRAFT, time, p, course(m.courseDegrees()),
                    toDouble(m.speedKnots()), feet(m.altitudeMetres()), OptionalDouble.empty(), TrackSource.AIS, Optional.empty(),
                    Optional.empty(), Optional.empty()));
            case StaticVoyageData m -> identity(id, time, m.shipName(), m.callsign());
            case StaticDataPartA m -> identity(id, time, m.shipName(), Optional.empty());
            case StaticDataPartB m -> identity(id, time, Optional.empty(), m.callsign());
            case BaseStationReport m -> Optional.empty();
            case AidToNavigationReport m -> Optional.empty();
            // binary data and data link management: nothing about where a unit is
            case AddressedBinaryMessage m -> Optional.empty();
            case Acknowledgement m -> Optional.empty();
            case BinaryBroadcast m -> Optional.empty();
            case UtcInquiry m -> Optional.empty();
            case Interrogation m -> Optional.empty();
            case AssignmentCommand m -> Optional.empty();
            case DgnssBroadcast m -> Optional.empty();
            case DataLinkManagement m -> Optional.empty();
            case ChannelManagement m -> Optional.empty();
            case GroupAssignment m -> Optional.empty();
            case SingleSlotBinary m -> Optional.empty();
            case MultiSlotBinary m -> Optional.empty();
            case AddressedSafetyMessage m -> safety(id, time, m.text(), m.destinationMmsi());
            case SafetyBroadcast m -> safety(id, time, m.text(), 0);
        };
    }

    private static Optional<TrackEvent> vessel(Identifier id, Instant time, Optional<GeoPoint> position, OptionalDouble course,
            OptionalDouble speed, Optional<String> name) {
        return position.map(p -> new TrackUpdate(id, UnitKind.VESSEL, time, p, course(course), speed, OptionalDouble.empty(),
                OptionalDouble.empty(), TrackSource.AIS, name, Optional.empty(), Optional.empty()));
    }

    /** A safety text (types 12 and 14), addressed to {@code to} (0: broadcast). */
    private static Optional<TrackEvent> safety(Identifier id, Instant time, String text, int to) {
        return Optional.of(new SafetyText(id, time, text,
                to >= 1 && to <= 999_999_999 ? Optional.of(new Identifier.Mmsi(to)) : Optional.empty(), TrackSource.AIS));
    }

    private static Optional<TrackEvent> identity(Identifier id, Instant time, Optional<String> name, Optional<String> callsign) {
        if (name.isEmpty() && callsign.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IdentityUpdate(id, time, name, callsign, TrackSource.AIS));
    }

    /** AIS courses are [0, 360); a decoder that let 360 through is read as north. */
    private static OptionalDouble course(OptionalDouble course) {
        if (course.isPresent() && course.getAsDouble() >= 360) {
            return OptionalDouble.of(0);
        }
        return course;
    }

    private static OptionalDouble toDouble(OptionalInt value) {
        return value.isPresent() ? OptionalDouble.of(value.getAsInt()) : OptionalDouble.empty();
    }

    private static OptionalDouble feet(OptionalInt metres) {
        return metres.isPresent() ? OptionalDouble.of(metres.getAsInt() / Earth.FOOT) : OptionalDouble.empty();
    }
}
