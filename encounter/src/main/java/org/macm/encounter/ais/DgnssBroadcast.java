package org.macm.encounter.ais;

import java.util.Optional;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.ais.binary.BinaryData;

/**
 * DGNSS broadcast binary message (type 17): differential GNSS corrections from a base station,
 * to be passed to a GNSS receiver as they are (RTCM SC-104 words); kept as raw bits. 80 to 816
 * bits:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38..39 spare
 * 40..57 longitude (1/10 minute, 181 degrees = n/a)   58..74 latitude (1/10 minute, 91 = n/a)
 * 75..79 spare   80.. correction data (up to 736 bits)
 * </pre>
 *
 * @param referencePosition the reference station's position
 * @param data the correction data
 */
public record DgnssBroadcast(int repeat, int mmsi, Optional<GeoPoint> referencePosition, BinaryData data)
        implements AisMessage {

    @Override
    public int messageType() {
        return 17;
    }
}
