package org.macm.encounter.ais;

import java.time.Instant;
import java.util.Optional;
import org.macm.encounter.GeoPoint;

/**
 * Base station report (type 4) or UTC/date response (type 11): a fixed station's position
 * and its UTC clock. 168 bits:
 *
 * <pre>
 *   0..5 type   6..7 repeat   8..37 mmsi   38..51 year (0 n/a)   52..55 month (0 n/a)
 *  56..60 day (0 n/a)   61..65 hour (24 n/a)   66..71 minute (60 n/a)   72..77 second (60 n/a)
 *  78 accuracy   79..106 lon   107..133 lat   134..137 epfd   138..147 spare   148 raim
 * 149..167 radio status
 * </pre>
 *
 * @param utcTime the station's UTC time; absent unless every part is available and valid
 */
public record BaseStationReport(
        int messageType,
        int repeat,
        int mmsi,
        Optional<Instant> utcTime,
        boolean highAccuracy,
        Optional<GeoPoint> position,
        Optional<FixType> fixType,
        boolean raim,
        int radio)
        implements AisMessage {}
