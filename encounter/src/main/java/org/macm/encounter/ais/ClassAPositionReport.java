package org.macm.encounter.ais;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.macm.encounter.GeoPoint;

/**
 * Position report of a class A ship-borne station (message types 1, 2 and 3: scheduled,
 * assigned and interrogated). 168 bits; from 149 bits accepted, with the radio status
 * holding only the bits that were sent (a sender with wrong fill bits cuts it short):
 *
 * <pre>
 *   0..5 type   6..7 repeat   8..37 mmsi   38..41 status   42..49 rot (signed)
 *  50..59 sog (0.1 kn, 1023 n/a)   60 accuracy   61..88 lon (signed, 1/10000 min, 181 n/a)
 *  89..115 lat (signed, 1/10000 min, 91 n/a)   116..127 cog (0.1 deg, 3600 n/a)
 * 128..136 heading (deg, 511 n/a)   137..142 second (60..63 n/a)   143..144 maneuver
 * 145..147 spare   148 raim   149..167 radio status
 * </pre>
 *
 * @param speedKnots speed over ground; 102.2 means 102.2 knots or more
 * @param highAccuracy position accuracy flag: better than 10 m (DGNSS)
 * @param courseDegrees course over ground, true
 * @param headingDegrees true heading
 * @param utcSecond second of the UTC minute the position was fixed; absent when not
 *     available (60) or when {@code degradedFix} is present
 * @param degradedFix present when the time-stamp field says the position was typed in,
 *     dead-reckoned or comes from an inoperative fixing system (codes 61..63)
 * @param radio the raw SOTDMA/ITDMA communication state
 */
public record ClassAPositionReport(
        int messageType,
        int repeat,
        int mmsi,
        Optional<NavigationStatus> status,
        Optional<RateOfTurn> rateOfTurn,
        OptionalDouble speedKnots,
        boolean highAccuracy,
        Optional<GeoPoint> position,
        OptionalDouble courseDegrees,
        OptionalInt headingDegrees,
        OptionalInt utcSecond,
        Optional<DegradedFix> degradedFix,
        Optional<ManeuverIndicator> maneuver,
        boolean raim,
        int radio)
        implements AisMessage {}
