package org.macm.encounter.unit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.macm.encounter.EncounterException;

/**
 * Every unit the two parties declared, found by any of its identifiers. Read one from a file
 * with {@link UnitRegistryReader}; a unit the registry does not list is a third party. An
 * identifier may belong to one unit only, so a feed can never be ambiguous about a side.
 */
public final class UnitRegistry {
    private final List<Unit> units;
    private final Map<Identifier, Unit> byId;

    private UnitRegistry(List<Unit> units, Map<Identifier, Unit> byId) {
        this.units = units;
        this.byId = byId;
    }

    /** A registry of {@code units}; throws when two of them share an identifier. */
    public static UnitRegistry of(List<Unit> units) {
        Map<Identifier, Unit> byId = new HashMap<>();
        for (Unit unit : units) {
            for (Identifier id : unit.identifiers()) {
                Unit previous = byId.putIfAbsent(id, unit);
                if (previous != null) {
                    throw new EncounterException("identifier " + id.key() + " is listed for both '" + previous.name()
                            + "' and '" + unit.name() + "'");
                }
            }
        }
        return new UnitRegistry(List.copyOf(units), Map.copyOf(byId));
    }

    /** A registry that lists nobody: every unit is a third party. */
    public static UnitRegistry empty() {
        return new UnitRegistry(List.of(), Map.of());
    }

    /** The registered unit with identifier {@code id}. */
    public Optional<Unit> find(Identifier id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All registered units, in file order. */
    public List<Unit> units() {
        return units;
    }
}
