package org.macm.encounter.ais;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.macm.encounter.GeoPoint;

/**
 * Standard search-and-rescue aircraft position report (type 9), the one AIS message that
 * carries an aircraft, which the encounter watch treats as an air unit. 168 bits:
 *
 * <pre>
 *   0..5 type   6..7 repeat   8..37 mmsi   38..49 altitude (m, 4095 n/a, 4094 = 4094+)
 *  50..59 sog (kn, 1023 n/a, 1022 = 1022+)   60 accuracy   61..88 lon   89..115 lat
 * 116..127 cog (0.1 deg)   128..133 second   134..141 regional   142 dte   143..145 spare
 * 146 assigned   147 raim   148..167 radio status
 * </pre>
 *
 * @param altitudeMetres GNSS altitude in metres; 4094 means 4094 m or more
 * @param speedKnots speed over ground in whole knots; 1022 means 1022 knots or more
 *
 * @param utcSecond second of the UTC minute the position was fixed
 * @param degradedFix present when the time-stamp field says the position was typed in,
 *     dead-reckoned or comes from an inoperative fixing system (codes 61..63)
 */
public record SarAircraftReport(
        int repeat,
        int mmsi,
        OptionalInt altitudeMetres,
        OptionalInt speedKnots,
        boolean highAccuracy,
        Optional<GeoPoint> position,
        OptionalDouble courseDegrees,
        OptionalInt utcSecond,
        Optional<DegradedFix> degradedFix,
        int regional,
        boolean dataTerminalReady,
        boolean assigned,
        boolean raim,
        int radio)
        implements AisMessage {

    @Override
    public int messageType() {
        return 9;
    }
}
