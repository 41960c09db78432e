package org.macm.encounter.track;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.macm.encounter.EncounterException;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.sbs.SbsMessage;
import org.macm.encounter.unit.Identifier;

/**
 * Turns SBS-1 messages into track events. ADS-B splits what a track needs over several
 * messages per aircraft: MSG 3 (airborne position, altitude), MSG 4 (ground speed, track,
 * vertical rate), MSG 5 and 7 (altitude) and MSG 1 (call sign). This adapter keeps the latest
 * velocity and altitude per ICAO address and emits a {@link TrackUpdate} on each MSG 3, with
 * the velocity if it is at most {@code velocityMaxAge} old (else without, and the store keeps
 * the last one), and on each MSG 2 (surface position, which carries its own velocity); MSG 1
 * gives an {@link IdentityUpdate}. Each message's time is its generated time, else its
 * arrival. Not thread-safe: one adapter per feed; call {@link #forget} now and then.
 */
public final class SbsTrackAdapter {
    private final Duration velocityMaxAge;
    private final Map<Integer, Held> held = new HashMap<>();

    /** The latest velocity and altitude of one aircraft; mutated in place to keep the update path allocation-free. */
    private static final class Held {
        double speed = Double.NaN;
        double track = Double.NaN;
        double verticalRate = Double.NaN;
        long velocityMillis;
        double altitude = Double.NaN;
        long lastMillis;
    }

    /** An adapter that uses a velocity at most {@code velocityMaxAge} old (10 s is a good value: MSG 4 comes twice a second). */
    public SbsTrackAdapter(Duration velocityMaxAge) {
        if (velocityMaxAge.isNegative()) {
            throw new EncounterException("velocityMaxAge must not be negative");
        }
        this.velocityMaxAge = velocityMaxAge;
    }

    /** The event {@code message} completes, which arrived at {@code arrival}, if any. */
    public Optional<TrackEvent> adapt(SbsMessage message, Instant arrival) {
        Instant time = message.generatedAt().orElse(arrival);
        long millis = time.toEpochMilli();
        Identifier id = new Identifier.Icao24(message.icao24());
        Held h = held.computeIfAbsent(message.icao24(), k -> new Held());
        h.lastMillis = Math.max(h.lastMillis, millis);
        if (message.altitudeFeet().isPresent()) {
            h.altitude = message.altitudeFeet().getAsInt();
        }
        return switch (message.transmission()) {
            case ES_AIRBORNE_VELOCITY -> {
                if (message.groundSpeedKnots().isPresent() && message.trackDegrees().isPresent()) {
                    h.speed = message.groundSpeedKnots().getAsDouble();
                    h.track = message.trackDegrees().getAsDouble();
                    h.verticalRate = message.verticalRateFeetPerMinute().isPresent()
                            ? message.verticalRateFeetPerMinute().getAsInt() : 0;
                    h.velocityMillis = millis;
                }
                yield Optional.empty();
            }
            case ES_AIRBORNE_POSITION -> message.position().map(p -> airborne(id, time, p, h));
            case ES_SURFACE_POSITION -> message.position().map(p -> new TrackUpdate(id, UnitKind.AIRCRAFT, time, p,
                    course(message.trackDegrees()), message.groundSpeedKnots(), OptionalDouble.of(0), OptionalDouble.of(0),
                    TrackSource.ADSB, Optional.empty(), message.callsign(), Optional.empty()));
            case ES_IDENTIFICATION -> message.callsign().map(c -> new IdentityUpdate(id, time, Optional.empty(), Optional.of(c),
                    TrackSource.ADSB));
            default -> Optional.empty();
        };
    }

    private TrackEvent airborne(Identifier id, Instant time, GeoPoint position, Held h) {
        boolean fresh = !Double.isNaN(h.speed) && Math.abs(time.toEpochMilli() - h.velocityMillis) <= velocityMaxAge.toMillis();
        return new TrackUpdate(id, UnitKind.AIRCRAFT, time, position,
                fresh ? course(OptionalDouble.of(h.track)) : OptionalDouble.empty(),
                fresh ? OptionalDouble.of(h.speed) : OptionalDouble.empty(),
                Double.isNaN(h.altitude) ? OptionalDouble.empty() : OptionalDouble.of(h.altitude),
                fresh ? OptionalDouble.of(h.verticalRate) : OptionalDouble.empty(),
                TrackSource.ADSB, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Forgets aircraft not heard since {@code before}, so the held state does not grow without bound. */
    public void forget(Instant before) {
        long cutoff = before.toEpochMilli();
        held.values().removeIf(h -> h.lastMillis < cutoff);
    }

    /** How many aircraft the adapter holds state for. */
    public int size() {
        return held.size();
    }

    private static OptionalDouble course(OptionalDouble track) {
        return track.isPresent() && track.getAsDouble() >= 360 ? OptionalDouble.of(0) : track;
    }
}
