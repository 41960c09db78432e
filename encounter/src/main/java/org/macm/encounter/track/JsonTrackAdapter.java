package org.macm.encounter.track;

import java.util.Optional;
import java.util.OptionalDouble;
import org.macm.encounter.json.JsonTrack;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.unit.Identifier;
import org.macm.encounter.unit.Side;

/**
 * Turns a party's own JSON track into a {@link TrackUpdate}. The sensor's {@code id} is read
 * as an MMSI when a vessel's is nine digits, as an ICAO address when an aircraft's is six hex
 * digits, and otherwise as a hull, tail or local track number. The sensor's {@code side} is
 * passed on as a hint, used only for units the registry does not list. Stateless.
 */
public final class JsonTrackAdapter {

    /** The update for {@code track}. */
    public TrackUpdate adapt(JsonTrack track) {
        Optional<Side> side = track.side().flatMap(JsonTrackAdapter::side);
        return new TrackUpdate(identifier(track), track.kind(), track.time(), track.position(),
                OptionalDouble.of(track.courseDegrees()), OptionalDouble.of(track.speedKnots()),
                track.kind() == UnitKind.AIRCRAFT ? track.altitudeFeet() : OptionalDouble.empty(),
                OptionalDouble.empty(), TrackSource.JSON, track.name(), Optional.empty(), side);
    }

    static Identifier identifier(JsonTrack track) {
        String id = track.id();
        if (track.kind() == UnitKind.VESSEL && id.length() == 9 && isDigits(id) && Integer.parseInt(id) > 0) {
            return new Identifier.Mmsi(Integer.parseInt(id));
        }
        if (track.kind() == UnitKind.AIRCRAFT && id.length() == 6 && isHex(id)) {
            return new Identifier.Icao24(Integer.parseInt(id, 16));
        }
        return new Identifier.Hull(id.length() > 16 ? id.substring(0, 16) : id);
    }

    private static Optional<Side> side(String code) {
        String upper = code.toUpperCase(java.util.Locale.ROOT);
        return upper.length() <= 16 ? Optional.of(Side.of(upper)) : Optional.empty();
    }

    private static boolean isDigits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isHex(String s) {
        return s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'));
    }
}
