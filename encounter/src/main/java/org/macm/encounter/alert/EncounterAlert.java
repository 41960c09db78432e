package org.macm.encounter.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.track.TrackState;

/**
 * A predicted close encounter between two units of different sides, as computed at
 * {@link #time()}: both tracks, where dead reckoning puts them now, the range now, and the
 * closest point of approach within the pair kind's horizon.
 *
 * @param a the first party's unit (or, for a pair with a third party, the party's unit)
 * @param b the other unit
 * @param rangeNm horizontal distance now, nautical miles
 * @param cpaNm closest horizontal distance within the horizon (at {@code max(0, tcpa)})
 * @param tcpaMinutes time to the closest point of approach; negative when it is past
 * @param altitudeAFeet {@code a}'s altitude now, aircraft only
 * @param altitudeBFeet {@code b}'s altitude now, aircraft only
 * @param verticalSeparationFeet vertical separation at the closest approach, when both
 *     altitudes are known (a vessel's is 0)
 */
public record EncounterAlert(
        String id,
        PairKind kind,
        TrackState a,
        TrackState b,
        Instant time,
        GeoPoint positionA,
        GeoPoint positionB,
        double rangeNm,
        double cpaNm,
        double tcpaMinutes,
        OptionalDouble altitudeAFeet,
        OptionalDouble altitudeBFeet,
        OptionalDouble verticalSeparationFeet)
        implements Alert {

    public EncounterAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(positionA, "positionA");
        Objects.requireNonNull(positionB, "positionB");
        Objects.requireNonNull(altitudeAFeet, "altitudeAFeet");
        Objects.requireNonNull(altitudeBFeet, "altitudeBFeet");
        Objects.requireNonNull(verticalSeparationFeet, "verticalSeparationFeet");
    }
}
