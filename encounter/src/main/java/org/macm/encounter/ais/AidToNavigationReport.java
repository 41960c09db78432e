package org.macm.encounter.ais;

import java.util.Optional;
import java.util.OptionalInt;
import org.macm.encounter.GeoPoint;

/**
 * Aid-to-navigation report (type 21): a buoy, beacon or virtual mark. 272 to 360 bits:
 *
 * <pre>
 *   0..5 type   6..7 repeat   8..37 mmsi   38..42 aid type (0 n/a)   43..162 name (20 chars)
 * 163 accuracy   164..191 lon   192..218 lat   219..227 to bow   228..236 to stern
 * 237..242 to port   243..248 to starboard   249..252 epfd   253..258 second
 * 259 off position   260..267 regional   268 raim   269 virtual   270 assigned   271 spare
 * 272..   name extension (up to 14 chars, appended to the name)
 * </pre>
 *
 * @param aidType ITU aid type code (1 reference point .. 31 light vessel); absent when 0
 *
 * @param utcSecond second of the UTC minute the position was fixed
 * @param degradedFix present when the time-stamp field says the position was typed in,
 *     dead-reckoned or comes from an inoperative fixing system (codes 61..63)
 */
public record AidToNavigationReport(
        int repeat,
        int mmsi,
        OptionalInt aidType,
        Optional<String> name,
        boolean highAccuracy,
        Optional<GeoPoint> position,
        Optional<Dimensions> dimensions,
        Optional<FixType> fixType,
        OptionalInt utcSecond,
        Optional<DegradedFix> degradedFix,
        boolean offPosition,
        int regional,
        boolean raim,
        boolean virtualAid,
        boolean assigned)
        implements AisMessage {

    @Override
    public int messageType() {
        return 21;
    }
}
