package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code enum} type: one of a fixed set of values, each with a label in every language,
 * agreed in the form; the value is signed, the reader sees the label.
 */
public record EnumType(List<Option> options) implements FieldType {
    public EnumType {
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("an enumeration needs at least one option");
        }
    }

    /** One allowed value and its label in each language. */
    public record Option(String value, Localized<String> label) {
        public Option {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }

    /** The value of an enumeration option. */
    public record Choice(String value) implements FieldValue {
        public Choice {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.textNode(value);
        }
    }

    /** Reads the {@code options} array from the field's table in a catalog file. */
    static Optional<EnumType> fromCatalog(TomlTable table, Function<TomlTable, Optional<FieldType>> item) {
        List<TomlTable> tables = table.tables("options", true);
        if (table.has("options") && tables.isEmpty()) {
            table.problem("options", "an enumeration needs at least one option");
            return Optional.empty();
        }
        List<Option> options = new ArrayList<>();
        int before = table.problemCount();
        for (TomlTable o : tables) {
            Optional<String> value = o.code("value");
            Optional<Localized<String>> label = o.labels();
            o.finish();
            if (value.isPresent() && label.isPresent()) {
                options.add(new Option(value.get(), label.get()));
            }
        }
        table.duplicates("options", options.stream().map(Option::value).toList());
        return table.problemCount() > before || options.isEmpty() ? Optional.empty()
                : Optional.of(new EnumType(options));
    }

    /** The option with this value, if there is one. */
    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    @Override
    public String describe() {
        return "value, one of " + values();
    }

    private String values() {
        return options.stream().map(Option::value).collect(Collectors.joining(", "));
    }

    @Override
    public Optional<Choice> read(String path, JsonNode node, FieldReader in) {
        return in.code(path, node, "one of " + values(), v -> option(v).isPresent()).map(Choice::new);
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        return option(((Choice) value).value()).orElseThrow().label().in(out.language());
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("options", options.stream()
                .map(o -> Map.of("value", o.value(), "label", o.label().byTag())).toList());
    }
}
