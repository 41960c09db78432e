package org.macm.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The words every form shares, agreed with the catalog: the sides a unit may belong to and
 * the types of unit, each labelled in every language, so a unit reads naturally in each
 * (中国側 駆逐艦 / 中方驱逐舰 / Chinese destroyer) without translating anything at run time.
 */
public record Vocabulary(List<Side> sides, List<UnitKind> unitKinds) {
    public Vocabulary {
        sides = List.copyOf(sides);
        unitKinds = List.copyOf(unitKinds);
    }

    public Optional<Side> side(String code) {
        return sides.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<UnitKind> unitKind(String code) {
        return unitKinds.stream().filter(k -> k.code().equals(code)).findFirst();
    }

    /**
     * A side: {@code label} is written before the unit type, so it is the adjective or the
     * bilateral form (中国側, 中方, Chinese) rather than the country's name.
     */
    public record Side(String code, Localized<String> label) {
        public Side {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
        }
    }

    /** A type of unit; its domain decides whether its number is a hull or a tail number. */
    public record UnitKind(String code, Domain domain, Localized<String> label) {
        public UnitKind {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(label, "label");
        }
    }

    /** Where a unit moves. */
    public enum Domain {
        SEA, AIR
    }
}
