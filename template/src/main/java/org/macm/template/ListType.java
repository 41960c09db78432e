package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code list} type: {@code minItems} to {@code maxItems} values of one item type, which
 * is not itself a list; shown joined by the reader's list separator.
 */
public record ListType(FieldType item, int minItems, int maxItems) implements FieldType {
    private static final int DEFAULT_MAX_ITEMS = 50;
    private static final int LARGEST_MAX_ITEMS = 1000;

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

    /** The values of a list field, in order. */
    public record Items(List<FieldValue> items) implements FieldValue {
        public Items {
            items = List.copyOf(items);
        }

        @Override
        public ArrayNode toJson() {
            ArrayNode node = JsonNodeFactory.instance.arrayNode();
            items.forEach(i -> node.add(i.toJson()));
            return node;
        }
    }

    /** Reads {@code min-items}, {@code max-items} and the {@code item} type table from a catalog file. */
    static Optional<ListType> fromCatalog(TomlTable table, Function<TomlTable, Optional<FieldType>> item) {
        long lo = table.integer("min-items", false).orElse(1L);
        long hi = table.integer("max-items", false).orElse((long) DEFAULT_MAX_ITEMS);
        if (lo < 0 || hi < Math.max(1, lo) || hi > LARGEST_MAX_ITEMS) {
            table.problem("max-items", "needs 0 <= min-items <= max-items, 1 <= max-items <= 1000; got "
                    + lo + ".." + hi);
            return Optional.empty();
        }
        return table.table("item", true).flatMap(item).map(i -> new ListType(i, (int) lo, (int) hi));
    }

    @Override
    public String describe() {
        return "list of " + item.describe();
    }

    @Override
    public Optional<Items> read(String path, JsonNode node, FieldReader in) {
        String allowed = "a list of " + minItems + " to " + maxItems + " " + item.describe();
        if (!node.isArray()) {
            in.error(path, "is " + FieldReader.show(node), allowed);
            return Optional.empty();
        }
        if (node.size() < minItems || node.size() > maxItems) {
            in.error(path, "has " + node.size() + (node.size() == 1 ? " item" : " items"), allowed);
            return Optional.empty();
        }
        List<FieldValue> items = new ArrayList<>();
        int before = in.errorCount();
        for (int i = 0; i < node.size(); i++) {
            in.value(path + "[" + i + "]", item, node.get(i)).ifPresent(items::add);
        }
        return in.errorCount() > before ? Optional.empty() : Optional.of(new Items(items));
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        List<String> parts = new ArrayList<>();
        ((Items) value).items().forEach(i -> parts.add(item.render(i, out)));
        return String.join(out.phrases().listSeparator(), parts);
    }

    @Override
    public boolean untranslated(FieldValue value, Language language) {
        return ((Items) value).items().stream().anyMatch(i -> item.untranslated(i, language));
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("item", Catalog.canonical(item), "min-items", minItems, "max-items", maxItems);
    }
}
