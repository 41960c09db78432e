package org.macm.encounter.track;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.macm.encounter.unit.Identifier;

/**
 * A name or call sign for a unit, without a position: AIS static data (types 5 and 24) and
 * SBS identification (MSG 1). The store remembers it for the unit's current and next fixes.
 */
public record IdentityUpdate(Identifier id, Instant time, Optional<String> name, Optional<String> callsign, TrackSource source)
        implements TrackEvent {

    public IdentityUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(callsign, "callsign");
        Objects.requireNonNull(source, "source");
    }
}
