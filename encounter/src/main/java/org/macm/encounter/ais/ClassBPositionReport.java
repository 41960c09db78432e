package org.macm.encounter.ais;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.macm.encounter.GeoPoint;

/**
 * Standard class B equipment position report (type 18). 168 bits:
 *
 * <pre>
 *   0..5 type   6..7 repeat   8..37 mmsi   38..45 reserved   46..55 sog (0.1 kn)
 *  56 accuracy   57..84 lon   85..111 lat   112..123 cog (0.1 deg)   124..132 heading
 * 133..138 second   139..140 regional   141 cs unit   142 display   143 dsc   144 band
 * 145 message 22   146 assigned   147 raim   148..167 radio status
 * </pre>
 *
 * @param carrierSense a class B "CS" (carrier-sense) unit rather than a SOTDMA unit
 *
 * @param utcSecond second of the UTC minute the position was fixed
 * @param degradedFix present when the time-stamp field says the position was typed in,
 *     dead-reckoned or comes from an inoperative fixing system (codes 61..63)
 */
public record ClassBPositionReport(
        int repeat,
        int mmsi,
        OptionalDouble speedKnots,
        boolean highAccuracy,
        Optional<GeoPoint> position,
        OptionalDouble courseDegrees,
        OptionalInt headingDegrees,
        OptionalInt utcSecond,
        Optional<DegradedFix> degradedFix,
        int regional,
        boolean carrierSense,
        boolean display,
        boolean dsc,
        boolean band,
        boolean message22,
        boolean assigned,
        boolean raim,
        int radio)
        implements AisMessage {

    @Override
    public int messageType() {
        return 18;
    }
}
