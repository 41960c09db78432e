package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A type a form's field may have. Each type fixes the JSON shape of its value inside the
 * signed {@code fields} object (documented in {@code docs/TEMPLATES.md}), checks it, and
 * writes it in each language; everything about one type is in its own file
 * ({@link PositionType}, {@link DurationType}, ...). The set is closed by the table in
 * {@link FieldTypes}, which names each type for the catalog files; it is not sealed, so that
 * adding a type does not also mean editing a {@code permits} list.
 */
public interface FieldType {

    /** The name the catalog files use for this type, e.g. {@code position}, {@code list}. */
    default String typeName() {
        return FieldTypes.nameOf(this);
    }

    /** The type in words, for error messages and {@code macm template show}. */
    String describe();

    /**
     * The value of a field of this type, or empty after reporting to {@code in} every
     * error with its path, what was wrong and what is allowed. {@code node} is not null.
     */
    Optional<? extends FieldValue> read(String path, JsonNode node, FieldReader in);

    /** {@code value}, which {@link #read} returned, as the reader sees it. */
    String render(FieldValue value, Rendering out);

    /** Whether {@code value} holds text the reader of {@code language} sees untranslated. */
    default boolean untranslated(FieldValue value, Language language) {
        return false;
    }

    /** The type's parameters as they enter the catalog hash ({@code max}, {@code options}, ...); most have none. */
    default Map<String, Object> parameters() {
        return Map.of();
    }

    /**
     * A type whose values have a natural order, so a form may require one field's value to be
     * earlier or lower than another's (an exercise's start and end).
     */
    interface Ordered extends FieldType {
        /** How two values of this type compare. */
        Comparator<FieldValue> order();

        /** The order of values of class {@code type} by {@code key}. */
        static <V extends FieldValue, K extends Comparable<? super K>> Comparator<FieldValue> by(
                Class<V> type, Function<V, K> key) {
            return Comparator.comparing(v -> key.apply(type.cast(v)));
        }
    }
}
