package org.macm.encounter.zone;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.macm.encounter.EncounterException;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.ClearReason;
import org.macm.encounter.alert.DraftNotice;
import org.macm.encounter.alert.ZoneAlert;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.track.TrackStoreConfig;
import org.macm.encounter.unit.Identifier;
import org.macm.encounter.unit.Parties;

/**
 * Raises an alert when a unit enters a zone announced by a side it is paired with (one party's
 * ship in the other party's exercise area), with the engine's lifecycle: NEW on entry (with a
 * draft notice), CLEARED once the unit has been more than {@code marginNm} outside for
 * {@code clearAfter} (so a unit on the edge does not flap), or at once when its track is lost.
 * Zone alerts have no UPDATED step. The margin is measured in degrees of latitude (1' = 1 nm),
 * so east–west it is cos(latitude) times shorter. Not thread-safe.
 *
 * @see ZoneReader
 */
public final class ZoneWatch {
    private final Parties parties;
    private final List<Zone.Prepared> zones;
    private final long clearAfterMillis;
    private final double marginDegrees;
    private final TrackStoreConfig ages;
    private final Map<Identifier, List<State>> byUnit = new HashMap<>();
    private final List<State> active = new ArrayList<>();
    private long nowMillis = Long.MIN_VALUE;

    /** One unit inside (or lingering near) one zone. */
    private static final class State {
        final Identifier unit;
        final Zone zone;
        ZoneAlert shown;
        long clearSinceMillis = Long.MIN_VALUE;

        State(Identifier unit, Zone zone) {
            this.unit = unit;
            this.zone = zone;
        }
    }

    public ZoneWatch(Parties parties, List<Zone> zones, Duration clearAfter, double marginNm, TrackStoreConfig ages) {
        this.parties = Objects.requireNonNull(parties, "parties");
        this.zones = zones.stream().map(Zone::prepare).toList();
        if (clearAfter.isNegative() || !(marginNm >= 0 && marginNm <= 60)) {
            throw new EncounterException("zone clearAfter must not be negative and marginNm is in [0, 60]");
        }
        this.clearAfterMillis = clearAfter.toMillis();
        this.marginDegrees = marginNm / 60.0;
        this.ages = Objects.requireNonNull(ages, "ages");
    }

    /** Judges a unit's new state against every zone. */
    public void update(TrackState track, Consumer<AlertEvent> out) {
        nowMillis = Math.max(nowMillis, track.time().toEpochMilli());
        Identifier key = track.unit().identifiers().get(0);
        for (Zone.Prepared z : zones) {
            judge(key, track, z, track.position(), out);
        }
    }

    /** Clears the alerts of a unit whose track was dropped. */
    public void remove(Identifier key, Instant now, Consumer<AlertEvent> out) {
        nowMillis = Math.max(nowMillis, now.toEpochMilli());
        List<State> states = byUnit.get(key);
        if (states != null) {
            for (State s : List.copyOf(states)) {
                clear(s, ClearReason.TRACK_LOST, out);
            }
        }
    }

    /** Re-judges active alerts at {@code now}, from dead-reckoned positions. */
    public void tick(Instant now, Consumer<AlertEvent> out) {
        nowMillis = Math.max(nowMillis, now.toEpochMilli());
        Instant at = Instant.ofEpochMilli(nowMillis);
        for (State s : List.copyOf(active)) {
            TrackState track = s.shown.unit();
            if (track.time().plus(ages.maxAge(track.kind())).isBefore(at)) {
                clear(s, ClearReason.TRACK_LOST, out);
                continue;
            }
            for (Zone.Prepared z : zones) {
                if (z.zone().name().equals(s.zone.name())) {
                    judge(s.unit, track, z, track.positionAt(at), out);
                }
            }
        }
    }

    /** The figures of every active zone alert. */
    public List<ZoneAlert> active() {
        return active.stream().map(s -> s.shown).toList();
    }

    private void judge(Identifier key, TrackState track, Zone.Prepared z, GeoPoint p, Consumer<AlertEvent> out) {
        if (!parties.isPair(track.unit().side(), z.zone().side())) {
            return;
        }
        State state = find(key, z.zone());
        boolean inside = z.contains(p.latitude(), p.longitude());
        if (inside) {
            if (state == null) {
                raise(key, track, z.zone(), p, out);
            } else {
                state.clearSinceMillis = Long.MIN_VALUE;
                state.shown = alert(state.shown.id(), track, z.zone(), p);
            }
            return;
        }
        if (state == null) {
            return;
        }
        state.shown = alert(state.shown.id(), track, z.zone(), p);
        if (marginDegrees > 0 && z.isWithin(p.latitude(), p.longitude(), marginDegrees)) {
            state.clearSinceMillis = Long.MIN_VALUE;
            return;
        }
        if (state.clearSinceMillis == Long.MIN_VALUE) {
            state.clearSinceMillis = nowMillis;
        }
        if (nowMillis - state.clearSinceMillis >= clearAfterMillis) {
            clear(state, ClearReason.LEFT_ZONE, out);
        }
    }

    private void raise(Identifier key, TrackState track, Zone zone, GeoPoint p, Consumer<AlertEvent> out) {
        String id = "zone:" + key.key() + "/" + zone.name() + "@" + Instant.ofEpochSecond(Math.floorDiv(nowMillis, 1000));
        State s = new State(key, zone);
        s.shown = alert(id, track, zone, p);
        byUnit.computeIfAbsent(key, k -> new ArrayList<>(1)).add(s);
        active.add(s);
        out.accept(new AlertEvent.Raised(s.shown, DraftNotice.of(s.shown)));
    }

    private void clear(State s, ClearReason reason, Consumer<AlertEvent> out) {
        List<State> states = byUnit.get(s.unit);
        states.remove(s);
        if (states.isEmpty()) {
            byUnit.remove(s.unit);
        }
        active.remove(s);
        out.accept(new AlertEvent.Cleared(s.shown, reason));
    }

    private ZoneAlert alert(String id, TrackState track, Zone zone, GeoPoint p) {
        return new ZoneAlert(id, zone.name(), zone.kind(), zone.side(), track, Instant.ofEpochMilli(nowMillis), p);
    }

    private State find(Identifier key, Zone zone) {
        List<State> states = byUnit.get(key);
        if (states != null) {
            for (State s : states) {
                if (s.zone.name().equals(zone.name())) {
                    return s;
                }
            }
        }
        return null;
    }
}
