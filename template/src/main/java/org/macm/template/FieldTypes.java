package org.macm.template;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The field types a catalog may name, by the name its files use. This is the one table of
 * type names: the catalog loader reads types through it and {@link FieldType#typeName()}
 * answers from it, so a name is written once. A new type is one line here, its own file, and
 * its generator in the tests (see "Adding a field type" in {@code docs/TEMPLATES.md}).
 */
final class FieldTypes {
    private static final List<Entry> TABLE = List.of(
            plain("position", new PositionType()),
            plain("date-time", new DateTimeType()),
            plain("duration", new DurationType()),
            plain("unit", new UnitType()),
            plain("course", new CourseType()),
            plain("speed", new SpeedType()),
            plain("altitude", new AltitudeType()),
            plain("distance", new DistanceType()),
            plain("area", new AreaType()),
            new Entry("count", CountType.class, CountType::fromCatalog),
            plain("reference", new ReferenceType()),
            plain("message-ref", new MessageRefType()),
            new Entry("text", TextType.class, TextType::fromCatalog),
            new Entry("enum", EnumType.class, EnumType::fromCatalog),
            new Entry("list", ListType.class, ListType::fromCatalog));

    private FieldTypes() {
    }

    /**
     * Reads a type's parameters from its table in a catalog file, reporting problems there.
     * {@code item} reads a nested type table (a list's item), refusing lists.
     */
    @FunctionalInterface
    interface Reader {
        Optional<? extends FieldType> read(TomlTable table, Function<TomlTable, Optional<FieldType>> item);
    }

    /** One row: the catalog name, the class of its type, and how its parameters are read. */
    record Entry(String name, Class<? extends FieldType> type, Reader reader) {
    }

    /** A type without parameters: its name alone is the type. */
    private static Entry plain(String name, FieldType type) {
        return new Entry(name, type.getClass(), (table, item) -> Optional.of(type));
    }

    static Optional<Entry> named(String name) {
        return TABLE.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    static String nameOf(FieldType type) {
        return TABLE.stream().filter(e -> e.type() == type.getClass()).map(Entry::name).findFirst()
                .orElseThrow(() -> new IllegalStateException(type.getClass().getSimpleName()
                        + " is not in the field type table"));
    }

    /** Every name, in table order. */
    static List<String> names() {
        return TABLE.stream().map(Entry::name).toList();
    }
}
