package org.macm.encounter.ais;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.macm.encounter.GeoPoint;

/**
 * Extended class B equipment position report (type 19): position plus name, type and
 * dimensions in one message. 312 bits:
 *
 * <pre>
 *   0..5 type   6..7 repeat   8..37 mmsi   38..45 reserved   46..55 sog (0.1 kn)
 *  56 accuracy   57..84 lon   85..111 lat   112..123 cog   124..132 heading   133..138 second
 * 139..142 regional   143..262 name (20 chars)   263..270 ship type   271..279 to bow
 * 280..288 to stern   289..294 to port   295..300 to starboard   301..304 epfd   305 raim
 * 306 dte   307 assigned   308..311 spare
 * </pre>
 *
 * @param utcSecond second of the UTC minute the position was fixed
 * @param degradedFix present when the time-stamp field says the position was typed in,
 *     dead-reckoned or comes from an inoperative fixing system (codes 61..63)
 */
public record ExtendedClassBReport(
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
        Optional<String> shipName,
        OptionalInt shipType,
        Optional<Dimensions> dimensions,
        Optional<FixType> fixType,
        boolean raim,
        boolean dataTerminalReady,
        boolean assigned)
        implements AisMessage {

    @Override
    public int messageType() {
        return 19;
    }
}
