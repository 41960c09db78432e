package org.macm.encounter.alert;

import java.time.Instant;
import java.util.Objects;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.unit.Side;

/**
 * A unit inside a zone its side did not announce, e.g. one side's ship in the other's
 * announced exercise area.
 *
 * @param zoneName the zone's {@code name} property
 * @param zoneKind the zone's {@code kind} property, e.g. {@code exercise-area}
 * @param zoneSide the side that announced the zone
 * @param unit the intruding unit's track
 * @param position where dead reckoning puts the unit at {@code time}
 */
public record ZoneAlert(String id, String zoneName, String zoneKind, Side zoneSide, TrackState unit, Instant time, GeoPoint position)
        implements Alert {

    public ZoneAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zoneName, "zoneName");
        Objects.requireNonNull(zoneKind, "zoneKind");
        Objects.requireNonNull(zoneSide, "zoneSide");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(position, "position");
    }
}
