package org.macm.encounter.modes;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.macm.encounter.EncounterException;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.track.IdentityUpdate;
import org.macm.encounter.track.TrackEvent;
import org.macm.encounter.track.TrackSource;
import org.macm.encounter.track.TrackUpdate;
import org.macm.encounter.unit.Identifier;

/**
 * Turns decoded Mode S messages into track events for aircraft, keyed by ICAO address. A
 * position half becomes a place by global decoding against the aircraft's other half
 * (received at most 10 s before, airborne; 25 s, surface), else by local decoding against
 * the aircraft's own last place (at most 30 s old, airborne; 25 s, surface); a surface
 * position also needs a reference for its pair, the aircraft's last place or the receiver.
 * An airborne fix carries the latest velocity if it is at most {@code velocityMaxAge} old;
 * identification gives an {@link IdentityUpdate}. The first fix of an aircraft is never
 * taken from one half and the receiver alone, because an aircraft beyond 180 NM (a good
 * antenna hears 250) would be placed in the wrong zone. Not thread-safe: one adapter per
 * feed; call {@link #forget} now and then.
 */
public final class ModeSTrackAdapter {
    private static final long AIRBORNE_PAIR_MILLIS = 10_000;
    private static final long SURFACE_PAIR_MILLIS = 25_000;
    private static final long AIRBORNE_LOCAL_MILLIS = 30_000;
    private static final long SURFACE_LOCAL_MILLIS = 25_000;

    private final Duration velocityMaxAge;
    private final Optional<GeoPoint> receiver;
    private final Map<Integer, Aircraft> aircraft = new HashMap<>();

    /** What is known of one aircraft between messages; mutated in place. */
    private static final class Aircraft {
        final Half even = new Half();
        final Half odd = new Half();
        GeoPoint place;
        long placeMillis = Long.MIN_VALUE;
        double speed = Double.NaN;
        double track = Double.NaN;
        double verticalRate = Double.NaN;
        long velocityMillis;
        long lastMillis;
    }

    /** The latest even or odd CPR half of one aircraft. */
    private static final class Half {
        int lat;
        int lon;
        boolean surface;
        long millis = Long.MIN_VALUE;
    }

    /**
     * An adapter that uses a velocity at most {@code velocityMaxAge} old (10 s is good:
     * velocity comes twice a second) and, for surface positions, the receiver's place.
     */
    public ModeSTrackAdapter(Duration velocityMaxAge, Optional<GeoPoint> receiver) {
        if (velocityMaxAge.isNegative()) {
            throw new EncounterException("velocityMaxAge must not be negative");
        }
        this.velocityMaxAge = velocityMaxAge;
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    /** The event {@code message}, received at {@code time}, completes, if any. */
    public Optional<TrackEvent> adapt(ModeSMessage message, Instant time) {
        long millis = time.toEpochMilli();
        Aircraft a = aircraft.computeIfAbsent(message.icao24(), k -> new Aircraft());
        a.lastMillis = Math.max(a.lastMillis, millis);
        Identifier id = new Identifier.Icao24(message.icao24());
        return switch (message) {
            case AircraftIdentification m -> m.callsign().isEmpty() ? Optional.empty()
                    : Optional.of(new IdentityUpdate(id, time, Optional.empty(), Optional.of(m.callsign()), TrackSource.ADSB));
            case AirborneVelocity m -> {
                if (m.speedKind() == SpeedKind.GROUND && m.speedKnots().isPresent() && m.directionDegrees().isPresent()) {
                    a.speed = m.speedKnots().getAsDouble();
                    a.track = m.directionDegrees().getAsDouble();
                    a.verticalRate = m.verticalRateFeetPerMinute().orElse(0);
                    a.velocityMillis = millis;
                }
                yield Optional.empty();
            }
            case AirbornePosition m -> place(a, false, m.odd(), m.cprLatitude(), m.cprLongitude(), millis)
                    .map(p -> airborne(id, time, p, m, a));
            case SurfacePosition m -> place(a, true, m.odd(), m.cprLatitude(), m.cprLongitude(), millis)
                    .map(p -> new TrackUpdate(id, UnitKind.AIRCRAFT, time, p, m.trackDegrees(), m.groundSpeedKnots(),
                            OptionalDouble.of(0), OptionalDouble.of(0), TrackSource.ADSB, Optional.empty(),
                            Optional.empty(), Optional.empty()));
            case AltitudeReply m -> Optional.empty();
            case IdentityReply m -> Optional.empty();
            case AllCallReply m -> Optional.empty();
        };
    }

    private Optional<GeoPoint> place(Aircraft a, boolean surface, boolean odd, int lat, int lon, long millis) {
        Half self = odd ? a.odd : a.even;
        Half other = odd ? a.even : a.odd;
        self.lat = lat;
        self.lon = lon;
        self.surface = surface;
        self.millis = millis;
        long pairWindow = surface ? SURFACE_PAIR_MILLIS : AIRBORNE_PAIR_MILLIS;
        long localWindow = surface ? SURFACE_LOCAL_MILLIS : AIRBORNE_LOCAL_MILLIS;
        Optional<GeoPoint> recent = a.place != null && millis - a.placeMillis <= localWindow
                ? Optional.of(a.place) : Optional.empty();
        Optional<GeoPoint> p = Optional.empty();
        if (other.surface == surface && other.millis != Long.MIN_VALUE && Math.abs(millis - other.millis) <= pairWindow) {
            Half even = odd ? other : self;
            Half oddHalf = odd ? self : other;
            if (surface) {
                Optional<GeoPoint> reference = recent.or(() -> receiver);
                p = reference.flatMap(r -> Cpr.surfaceGlobal(even.lat, even.lon, oddHalf.lat, oddHalf.lon, odd, r));
            } else {
                p = Cpr.airborneGlobal(even.lat, even.lon, oddHalf.lat, oddHalf.lon, odd);
            }
        }
        if (p.isEmpty() && recent.isPresent()) {
            p = surface ? Cpr.surfaceLocal(lat, lon, odd, recent.get()) : Cpr.airborneLocal(lat, lon, odd, recent.get());
        }
        p.ifPresent(g -> {
            a.place = g;
            a.placeMillis = millis;
        });
        return p;
    }

    private TrackEvent airborne(Identifier id, Instant time, GeoPoint position, AirbornePosition m, Aircraft a) {
        boolean fresh = !Double.isNaN(a.speed) && Math.abs(time.toEpochMilli() - a.velocityMillis) <= velocityMaxAge.toMillis();
        OptionalDouble altitude = m.altitudeFeet().isPresent()
                ? OptionalDouble.of(m.altitudeFeet().getAsInt()) : OptionalDouble.empty();
        return new TrackUpdate(id, UnitKind.AIRCRAFT, time, position,
                fresh ? OptionalDouble.of(a.track) : OptionalDouble.empty(),
                fresh ? OptionalDouble.of(a.speed) : OptionalDouble.empty(),
                altitude,
                fresh ? OptionalDouble.of(a.verticalRate) : OptionalDouble.empty(),
                TrackSource.ADSB, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Forgets aircraft not heard since {@code before}, so the held state does not grow without bound. */
    public void forget(Instant before) {
        long cutoff = before.toEpochMilli();
        aircraft.values().removeIf(a -> a.lastMillis < cutoff);
    }

    /** How many aircraft the adapter holds state for. */
    public int size() {
        return aircraft.size();
    }
}
