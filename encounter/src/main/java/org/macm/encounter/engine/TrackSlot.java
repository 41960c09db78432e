package org.macm.encounter.engine;

import java.util.ArrayList;
import java.util.List;
import org.macm.encounter.geo.Earth;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.unit.Identifier;

/**
 * One track's slot in an engine (the item a {@link SphereGrid} cell holds, and the naive
 * engine's list): the state, and what every pair evaluation needs precomputed once per fix
 * (position as a unit vector, velocity in Earth-centred metres per second), so that judging a
 * pair takes no trigonometry, and where the grid keeps it. Mutated in place on each fix.
 */
final class TrackSlot {
    final Identifier key;
    TrackState state;
    UnitKind kind;
    long timeMillis;
    /** Reported position on the unit sphere. */
    double px;
    double py;
    double pz;
    /** Velocity, Earth-centred, m/s. */
    double vx;
    double vy;
    double vz;
    double speedMs;
    /** Altitude in feet (0 for a vessel), NaN when unknown. */
    double altitudeFt;
    double verticalRateFtPerS;
    long maxAgeMillis;
    /** The unit's side as {@link PairJudge#sideCode} numbers it, so pair checks compare ints. */
    int side;
    /** The active encounters this unit is part of (a few at most). */
    final List<PairState> pairs = new ArrayList<>(2);
    /** Where the grid keeps it; unused by the naive engine. */
    SphereGrid grid;
    long cell;
    int slot = -1;
    int speedClass;

    TrackSlot(Identifier key) {
        this.key = key;
    }

    /** Takes the new state and precomputes its vectors; {@code side} is its side's code. */
    void set(TrackState s, long maxAgeMillis, int side) {
        this.state = s;
        this.side = side;
        this.kind = s.kind();
        this.timeMillis = s.time().toEpochMilli();
        this.maxAgeMillis = maxAgeMillis;
        double lat = Math.toRadians(s.position().latitude());
        double lon = Math.toRadians(s.position().longitude());
        double sinLat = Math.sin(lat);
        double cosLat = Math.cos(lat);
        double sinLon = Math.sin(lon);
        double cosLon = Math.cos(lon);
        px = cosLat * cosLon;
        py = cosLat * sinLon;
        pz = sinLat;
        speedMs = s.speedKnots() * Earth.KNOT;
        double c = Math.toRadians(s.courseDegrees());
        double ve = speedMs * Math.sin(c);
        double vn = speedMs * Math.cos(c);
        // east (-sin lon, cos lon, 0) and north (-sin lat cos lon, -sin lat sin lon, cos lat) at the unit
        vx = -sinLon * ve - sinLat * cosLon * vn;
        vy = cosLon * ve - sinLat * sinLon * vn;
        vz = cosLat * vn;
        if (s.kind() == UnitKind.VESSEL) {
            altitudeFt = 0;
            verticalRateFtPerS = 0;
        } else {
            altitudeFt = s.altitudeFeet().isPresent() ? s.altitudeFeet().getAsDouble() : Double.NaN;
            verticalRateFtPerS = s.verticalRateFeetPerMinute() / 60.0;
        }
    }

    /** Whether the fix is older than its kind's max age at {@code nowMillis}. */
    boolean isStale(long nowMillis) {
        return nowMillis - timeMillis > maxAgeMillis;
    }
}
