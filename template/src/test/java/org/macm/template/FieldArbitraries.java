package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid field values for every field type, and of valid field sets for a form. */
final class FieldArbitraries {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FieldArbitraries() {
    }

    /** A valid {@code fields} object for {@code form}: required fields always, optional ones sometimes. */
    static Arbitrary<ObjectNode> fields(Form form, Vocabulary vocabulary) {
        List<Arbitrary<Optional<JsonNode>>> parts = new ArrayList<>();
        for (FieldSpec spec : form.fields()) {
            Arbitrary<JsonNode> value = value(spec.type(), vocabulary);
            parts.add(spec.required() ? value.map(Optional::of) : value.optional());
        }
        return Combinators.combine(parts).as(values -> {
            ObjectNode node = JSON.objectNode();
            for (int i = 0; i < values.size(); i++) {
                int index = i;
                values.get(i).ifPresent(v -> node.set(form.fields().get(index).name(), v));
            }
            return node;
        }).map(node -> order(form, node)).filter(node -> ordered(form, node));
    }

    /** Swaps the values of each ordered pair that came out the wrong way round. */
    private static ObjectNode order(Form form, ObjectNode node) {
        for (Form.OrderedPair pair : form.ordered()) {
            JsonNode a = node.get(pair.first());
            JsonNode b = node.get(pair.second());
            if (a != null && b != null && compare(a, b) > 0) {
                node.set(pair.first(), b);
                node.set(pair.second(), a);
            }
        }
        return node;
    }

    private static boolean ordered(Form form, ObjectNode node) {
        return form.ordered().stream().allMatch(p -> !node.has(p.first()) || !node.has(p.second())
                || compare(node.get(p.first()), node.get(p.second())) < 0);
    }

    private static int compare(JsonNode a, JsonNode b) {
        if (a.isTextual()) {
            return Instant.parse(a.textValue()).compareTo(Instant.parse(b.textValue()));
        }
        return a.decimalValue().compareTo(b.decimalValue());
    }

    static Arbitrary<JsonNode> value(FieldType type, Vocabulary vocabulary) {
        return switch (type) {
            case PositionType p -> position().map(n -> n);
            case DateTimeType d -> Arbitraries.longs()
                    .between(DateTimeType.EARLIEST.getEpochSecond(), DateTimeType.LATEST.getEpochSecond())
                    .map(s -> JSON.textNode(Instant.ofEpochSecond(s).toString()));
            case DurationType d -> Arbitraries.longs().between(1, Duration.ofDays(366).toSeconds())
                    .map(s -> JSON.textNode(Duration.ofSeconds(s).toString()));
            case UnitType u -> unit(vocabulary);
            case CourseType c -> decimal(0, 359.9);
            case SpeedType s -> decimal(0, 2000);
            case DistanceType d -> decimal(0, 5000);
            case AltitudeType a -> Arbitraries.integers().between(0, 100_000).map(JSON::numberNode);
            case CountType c -> Arbitraries.longs().between(0, c.max()).map(JSON::numberNode);
            case MessageRefType m -> Arbitraries.longs().between(1, Long.MAX_VALUE).map(JSON::numberNode);
            case ReferenceType r -> Arbitraries.strings().withChars("ABCXYZ0123456789/-").ofMinLength(1)
                    .ofMaxLength(20).map(JSON::textNode);
            case TextType t -> text(Math.min(t.maxLength(), 60));
            case EnumType e -> Arbitraries.of(e.options()).map(o -> JSON.textNode(o.value()));
            case ListType l -> value(l.item(), vocabulary).list().ofMinSize(l.minItems())
                    .ofMaxSize(Math.min(l.maxItems(), 4)).map(items -> {
                        ArrayNode array = JSON.arrayNode();
                        items.forEach(array::add);
                        return array;
                    });
            case AreaType a -> area();
            default -> throw new IllegalArgumentException("no generator for field type " + type.typeName()
                    + "; add one to FieldArbitraries.value");
        };
    }

    private static Arbitrary<JsonNode> decimal(double min, double max) {
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(min), BigDecimal.valueOf(max)).ofScale(2)
                .map(JSON::numberNode);
    }

    static Arbitrary<ObjectNode> position() {
        return Combinators.combine(
                Arbitraries.doubles().between(-90, 90).ofScale(6),
                Arbitraries.doubles().between(-180, 180).ofScale(6)).as((lat, lon) -> {
                    ObjectNode node = JSON.objectNode();
                    node.put("lat", lat);
                    node.put("lon", lon);
                    return node;
                });
    }

    private static Arbitrary<String> name() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789").withCharRange('あ', 'ん')
                .withCharRange('一', '龥').ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank());
    }

    private static Arbitrary<JsonNode> unit(Vocabulary vocabulary) {
        return Combinators.combine(
                Arbitraries.of(vocabulary.sides()).map(Vocabulary.Side::code),
                Arbitraries.of(vocabulary.unitKinds()).map(Vocabulary.UnitKind::code),
                name().optional(),
                Arbitraries.strings().withChars("0123456789-A").ofMinLength(1).ofMaxLength(12).optional(),
                Arbitraries.strings().numeric().ofLength(9).optional(),
                Arbitraries.strings().withChars("0123456789ABCDEF").ofLength(6).optional(),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789").ofMinLength(2).ofMaxLength(10)
                        .optional())
                .as((side, type, name, number, mmsi, icao, callSign) -> {
                    ObjectNode node = JSON.objectNode();
                    node.put("side", side);
                    node.put("type", type);
                    name.ifPresent(v -> node.put("name", v));
                    number.ifPresent(v -> node.put("number", v));
                    mmsi.ifPresent(v -> node.put("mmsi", v));
                    icao.ifPresent(v -> node.put("icao", v));
                    callSign.ifPresent(v -> node.put("callSign", v));
                    return node;
                });
    }

    /**
     * Text without braces, so a brace left in the output can only be an unresolved
     * placeholder. Validation allows any line break in text, so the text is made of lines
     * joined by a line break, a blank line or a line holding only a space, sometimes ending
     * in a line break: what an officer's remarks hold, often enough that every run tries it.
     */
    private static Arbitrary<JsonNode> text(int maxLength) {
        Arbitrary<String> line = Arbitraries.strings().withChars("abcXYZ 019.,!?").withCharRange('あ', 'ん')
                .withCharRange('一', '龥').ofMinLength(1).ofMaxLength(15);
        Arbitrary<String> text = Combinators.combine(line.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of("\n", "\n\n", "\n \n").list().ofSize(2), Arbitraries.of("", "", "\n"))
                .as((lines, breaks, end) -> {
                    StringBuilder out = new StringBuilder(lines.getFirst());
                    for (int i = 1; i < lines.size(); i++) {
                        out.append(breaks.get(i - 1)).append(lines.get(i));
                    }
                    return out.append(end).toString();
                })
                .filter(s -> !s.isBlank() && s.codePointCount(0, s.length()) <= maxLength);
        return Combinators.combine(Arbitraries.of("ja", "zh-Hans", "zh", "en", "en-GB", "ko", "zh-Hant"), text)
                .as((lang, t) -> {
                    ObjectNode node = JSON.objectNode();
                    node.put("lang", lang);
                    node.put("text", t);
                    return node;
                });
    }

    private static Arbitrary<JsonNode> area() {
        Arbitrary<JsonNode> polygon = position().list().ofMinSize(3).ofMaxSize(6).map(points -> {
            ObjectNode node = JSON.objectNode();
            ArrayNode array = node.putArray("polygon");
            points.forEach(array::add);
            return node;
        });
        Arbitrary<JsonNode> circle = Combinators.combine(position(),
                Arbitraries.bigDecimals().between(new BigDecimal("0.1"), new BigDecimal("500")).ofScale(1))
                .as((center, radius) -> {
                    ObjectNode node = JSON.objectNode();
                    ObjectNode c = node.putObject("circle");
                    c.set("center", center);
                    c.put("radius", radius);
                    return node;
                });
        return Combinators.combine(Arbitraries.oneOf(polygon, circle), name().optional()).as((shape, name) -> {
            ObjectNode node = (ObjectNode) shape;
            name.ifPresent(n -> node.put("name", n));
            return node;
        });
    }
}
