package org.macm.encounter.unit;

import java.util.List;
import java.util.Objects;
import org.macm.encounter.EncounterException;
import org.macm.encounter.json.UnitKind;

/**
 * A ship or aircraft as the watch knows it: its side, name, type and every identifier feeds
 * may use for it. A registered unit comes from the {@link UnitRegistry}; any other unit is
 * made up from the first identifier a feed used and is a third party (or the side its own
 * sensor reported), so it can be shown and tracked but never mistaken for a party's unit.
 *
 * @param identifiers at least one; the first is the unit's {@link #key()}
 * @param name a display name, e.g. {@code JS KONGO}; for an unregistered unit the identifier
 * @param type what the unit is, e.g. {@code destroyer}, {@code P-3C}, {@code unknown}
 * @param kind whether the registry expects it at sea or in the air (a track's own kind comes
 *     from its reports)
 * @param registered whether the registry lists it
 */
public record Unit(List<Identifier> identifiers, Side side, String name, String type, UnitKind kind, boolean registered) {

    public Unit {
        identifiers = List.copyOf(identifiers);
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        if (identifiers.isEmpty()) {
            throw new EncounterException("a unit needs at least one identifier");
        }
    }

    /** An unregistered unit seen under {@code id}. */
    public static Unit unregistered(Identifier id, Side side, UnitKind kind) {
        return new Unit(List.of(id), side, id.text(), "unknown", kind, false);
    }

    /** The key the track store and the engine know this unit by: its first identifier's, e.g. {@code mmsi:431000123}. */
    public String key() {
        return identifiers.get(0).key();
    }
}
