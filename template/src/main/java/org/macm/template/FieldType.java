package org.macm.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The closed set of field types a form may declare. Each type fixes the JSON shape of the
 * value inside the signed {@code fields} object (documented in {@code docs/TEMPLATES.md})
 * and how it is rendered in each language; the catalog names a type by {@link #typeName()}.
 */
public sealed interface FieldType {

    /** The name the catalog files use for this type, e.g. {@code position}, {@code list}. */
    String typeName();

    /** A WGS 84 position: {@code {"lat":25.75,"lon":123.5}}. */
    record PositionType() implements FieldType {
        @Override
        public String typeName() {
            return "position";
        }
    }

    /** An instant in UTC: {@code "2026-11-29T03:38:00Z"}, years 2000 to 2099 (DTGs carry two digits). */
    record DateTimeType() implements FieldType {
        @Override
        public String typeName() {
            return "date-time";
        }
    }

    /** A positive ISO 8601 duration of whole seconds, at most 366 days: {@code "PT2H30M"}. */
    record DurationType() implements FieldType {
        @Override
        public String typeName() {
            return "duration";
        }
    }

    /** A vessel or aircraft: side and type from the catalog's vocabulary, and its identifiers. */
    record UnitType() implements FieldType {
        @Override
        public String typeName() {
            return "unit";
        }
    }

    /** A course in degrees true, {@code 0 <= c < 360}. */
    record CourseType() implements FieldType {
        @Override
        public String typeName() {
            return "course";
        }
    }

    /** A speed in knots, 0 to 2000. */
    record SpeedType() implements FieldType {
        @Override
        public String typeName() {
            return "speed";
        }
    }

    /** An altitude in whole feet, 0 (the surface) to 100000. */
    record AltitudeType() implements FieldType {
        @Override
        public String typeName() {
            return "altitude";
        }
    }

    /** A distance in nautical miles, 0 to 5000. */
    record DistanceType() implements FieldType {
        @Override
        public String typeName() {
            return "distance";
        }
    }

    /** A polygon (3 to 100 vertices) or a circle, either with an optional name. */
    record AreaType() implements FieldType {
        @Override
        public String typeName() {
            return "area";
        }
    }

    /** A whole number from 0 to {@code max}: persons on board, a session number. */
    record CountType(long max) implements FieldType {
        public CountType {
            if (max < 1) {
                throw new IllegalArgumentException("count max must be at least 1, got " + max);
            }
        }

        @Override
        public String typeName() {
            return "count";
        }
    }

    /**
     * A code shown as written in every language, because it is the same in all of them: a
     * NAVAREA warning or NOTAM number, a radio channel. Printable ASCII, 1 to 64 characters.
     */
    record ReferenceType() implements FieldType {
        @Override
        public String typeName() {
            return "reference";
        }
    }

    /** The seq of an earlier message in the peer's log on this link (1 or more). */
    record MessageRefType() implements FieldType {
        @Override
        public String typeName() {
            return "message-ref";
        }
    }

    /**
     * Text in the language it was written in, shown as written and marked untranslated
     * when that is not the reader's language: {@code {"lang":"en","text":"..."}}.
     */
    record TextType(int maxLength) implements FieldType {
        public TextType {
            if (maxLength < 1) {
                throw new IllegalArgumentException("text max-length must be at least 1, got " + maxLength);
            }
        }

        @Override
        public String typeName() {
            return "text";
        }
    }

    /** One of a fixed set of values, each with a label in every language. */
    record EnumType(List<Option> options) implements FieldType {
        public EnumType {
            options = List.copyOf(options);
            if (options.isEmpty()) {
                throw new IllegalArgumentException("an enumeration needs at least one option");
            }
        }

        @Override
        public String typeName() {
            return "enum";
        }

        /** The option with this value, if there is one. */
        public Optional<Option> option(String value) {
            return options.stream().filter(o -> o.value().equals(value)).findFirst();
        }

        /** One allowed value and its label in each language. */
        public record Option(String value, Localized<String> label) {
            public Option {
                Objects.requireNonNull(value, "value");
                Objects.requireNonNull(label, "label");
            }
        }
    }

    /** A list of {@code minItems} to {@code maxItems} values of one non-list type. */
    record ListType(FieldType item, int minItems, int maxItems) implements FieldType {
        public ListType {
            Objects.requireNonNull(item, "item");
            if (item instanceof ListType) {
                throw new IllegalArgumentException("a list cannot hold lists");
            }
            if (minItems < 0 || maxItems < Math.max(1, minItems)) {
                throw new IllegalArgumentException("list needs 0 <= min-items <= max-items, max-items >= 1; got "
                        + minItems + ".." + maxItems);
            }
        }

        @Override
        public String typeName() {
            return "list";
        }
    }
}
