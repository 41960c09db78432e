package org.macm.encounter.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.unit.Identifier;
import org.macm.encounter.unit.Unit;

/**
 * A safety message (AIS type 12 or 14) from a unit of one of the two parties, as received.
 * It reports what was said, not a situation the watch judges: it is raised and never
 * updated or cleared. {@code text} is untrusted and must be escaped wherever it is shown,
 * and quoted, never made a form's own wording.
 *
 * @param unit the sending unit, from the registry
 * @param name the name to show: the track's, else the registry's
 * @param position the sender's last known position, if it has a track
 * @param to the addressee of an addressed message (type 12); empty for a broadcast (type 14)
 */
public record SafetyAlert(String id, Unit unit, String name, Instant time, Optional<GeoPoint> position, String text,
        Optional<Identifier> to) implements Alert {

    public SafetyAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(to, "to");
    }
}
