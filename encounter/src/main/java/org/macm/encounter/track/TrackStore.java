package org.macm.encounter.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.unit.Identifier;
import org.macm.encounter.unit.Side;
import org.macm.encounter.unit.Unit;
import org.macm.encounter.unit.UnitRegistry;

/**
 * The latest state of every unit heard, keyed by the unit (so a registered ship seen on AIS by
 * MMSI and on radar by hull number is one track). A fix older than the unit's current one is
 * ignored (feeds from several receivers repeat and reorder reports); a unit without a fix for
 * longer than its kind's max age is dropped by {@link #expire}. Sides come from the
 * {@link UnitRegistry}: an unlisted unit is {@link Side#THIRD}, or the side its own party's
 * sensor gave. Not thread-safe: one thread applies events and expires.
 */
public final class TrackStore {
    private final UnitRegistry registry;
    private final TrackStoreConfig config;
    private final Map<Identifier, TrackState> tracks = new HashMap<>();
    private final Map<Identifier, Identity> identities = new HashMap<>();
    private long ignoredOutOfOrder;

    /** A name and call sign heard for a unit, and when. */
    private record Identity(Optional<String> name, Optional<String> callsign, Instant time) {}

    public TrackStore(UnitRegistry registry, TrackStoreConfig config) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Applies one event and returns the unit's new state, or empty when nothing a watcher needs
     * changed: a fix older than the current one, or a name for a unit without a track yet.
     */
    public Optional<TrackState> apply(TrackEvent event) {
        return switch (event) {
            case TrackUpdate u -> update(u);
            case IdentityUpdate i -> identity(i);
            case SafetyText s -> Optional.empty(); // no state of the track; the watch raises it
        };
    }

    private Optional<TrackState> update(TrackUpdate u) {
        Unit known = registry.find(u.id()).orElse(null);
        Identifier key = known == null ? u.id() : known.identifiers().get(0);
        TrackState previous = tracks.get(key);
        if (previous != null && !u.time().isAfter(previous.time())) {
            ignoredOutOfOrder++;
            return Optional.empty();
        }
        Unit unit;
        if (known != null) {
            unit = known;
        } else if (previous != null && previous.kind() == u.kind()
                && previous.unit().side().equals(u.sideHint().orElse(previous.unit().side()))) {
            unit = previous.unit();
        } else {
            unit = Unit.unregistered(u.id(), u.sideHint().orElse(Side.THIRD), u.kind());
        }
        Identity identity = identities.get(key);
        Optional<String> name = u.name().or(() -> identity == null ? Optional.empty() : identity.name())
                .or(() -> previous == null ? Optional.empty() : previous.reportedName());
        Optional<String> callsign = u.callsign().or(() -> identity == null ? Optional.empty() : identity.callsign())
                .or(() -> previous == null ? Optional.empty() : previous.callsign());
        double course = u.courseDegrees().orElse(previous == null ? 0 : previous.courseDegrees());
        double speed = u.speedKnots().orElse(previous == null ? 0 : previous.speedKnots());
        OptionalDouble altitude = u.kind() == UnitKind.AIRCRAFT ? u.altitudeFeet() : OptionalDouble.empty();
        if (altitude.isEmpty() && previous != null && u.kind() == UnitKind.AIRCRAFT) {
            altitude = previous.altitudeAt(u.time());
        }
        TrackState state = new TrackState(unit, u.kind(), u.position(), u.time(), course, speed, altitude,
                u.verticalRateFeetPerMinute().orElse(0), u.source(), name, callsign);
        tracks.put(key, state);
        return Optional.of(state);
    }

    private Optional<TrackState> identity(IdentityUpdate i) {
        Identifier key = registry.find(i.id()).map(unit -> unit.identifiers().get(0)).orElse(i.id());
        Identity previous = identities.get(key);
        Identity merged = new Identity(
                i.name().or(() -> previous == null ? Optional.empty() : previous.name()),
                i.callsign().or(() -> previous == null ? Optional.empty() : previous.callsign()),
                i.time());
        identities.put(key, merged);
        TrackState track = tracks.get(key);
        if (track == null || (track.reportedName().equals(merged.name()) && track.callsign().equals(merged.callsign()))) {
            return Optional.empty();
        }
        TrackState named = new TrackState(track.unit(), track.kind(), track.position(), track.time(), track.courseDegrees(),
                track.speedKnots(), track.altitudeFeet(), track.verticalRateFeetPerMinute(), track.source(),
                merged.name().or(track::reportedName), merged.callsign().or(track::callsign));
        tracks.put(key, named);
        return Optional.of(named);
    }

    /**
     * Drops every track whose last fix is older than its kind's max age at {@code now}, and
     * names not heard for the identity max age, and returns the dropped tracks (so the engine
     * can clear their alerts).
     */
    public List<TrackState> expire(Instant now) {
        List<TrackState> dropped = new ArrayList<>();
        for (Iterator<TrackState> it = tracks.values().iterator(); it.hasNext(); ) {
            TrackState t = it.next();
            if (isStale(t, now)) {
                dropped.add(t);
                it.remove();
            }
        }
        Instant identityCutoff = now.minus(config.identityMaxAge());
        identities.values().removeIf(identity -> identity.time().isBefore(identityCutoff));
        return dropped;
    }

    /** Whether {@code track}'s fix is older than its kind's max age at {@code now}. */
    public boolean isStale(TrackState track, Instant now) {
        return track.time().plus(config.maxAge(track.kind())).isBefore(now);
    }

    /** The track of the unit that {@code id} names, if any. */
    public Optional<TrackState> get(Identifier id) {
        Identifier key = registry.find(id).map(unit -> unit.identifiers().get(0)).orElse(id);
        return Optional.ofNullable(tracks.get(key));
    }

    /** Every current track, unmodifiable and live. */
    public Collection<TrackState> tracks() {
        return Collections.unmodifiableCollection(tracks.values());
    }

    /** How many tracks the store holds. */
    public int size() {
        return tracks.size();
    }

    /** How many fixes were ignored because the unit already had a newer or equally old one. */
    public long ignoredOutOfOrder() {
        return ignoredOutOfOrder;
    }

    /** The max ages this store drops tracks at. */
    public TrackStoreConfig config() {
        return config;
    }
}
