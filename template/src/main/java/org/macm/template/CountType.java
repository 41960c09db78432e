package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code count} type: a whole number from 0 to {@code max} (persons on board, a test
 * number). Counts are small or serial numbers, so they are written without grouping.
 */
public record CountType(long max) implements FieldType.Ordered {
    private static final long DEFAULT_MAX = 1_000_000;

    public CountType {
        if (max < 1) {
            throw new IllegalArgumentException("count max must be at least 1, got " + max);
        }
    }

    /** A whole number. */
    public record Count(long value) implements FieldValue {
        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.numberNode(value);
        }
    }

    /** Reads {@code max} from the field's table in a catalog file. */
    static Optional<CountType> fromCatalog(TomlTable table, Function<TomlTable, Optional<FieldType>> item) {
        return table.positive("max", DEFAULT_MAX).map(CountType::new);
    }

    @Override
    public String describe() {
        return "whole number 0 to " + max;
    }

    @Override
    public Optional<Count> read(String path, JsonNode node, FieldReader in) {
        return in.whole(path, node, 0, max, "a whole number from 0 to " + max).map(Count::new);
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        return Long.toString(((Count) value).value());
    }

    @Override
    public Comparator<FieldValue> order() {
        return FieldType.Ordered.by(Count.class, Count::value);
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("max", max);
    }
}
