package org.macm.station.console.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.template.AreaType;
import org.macm.template.DateTimeType;
import org.macm.template.EnumType;
import org.macm.template.FieldSpec;
import org.macm.template.FieldType;
import org.macm.template.Form;
import org.macm.template.ListType;
import org.macm.template.PositionType;
import org.macm.template.ReferenceType;
import org.macm.template.TextType;
import org.macm.template.DurationType;
import org.macm.template.UnitType;

/**
 * Between the compose form's inputs ({@link ComposeInputs}) and the signed {@code fields}
 * object: what the officer typed becomes the JSON that {@code macm template validate} and the
 * API check, and a draft's JSON becomes the values the form is filled with. Building the JSON
 * is deliberately lenient: an empty input leaves its field out, a number that is not one goes
 * in as text, so that the catalog, not this class, says what is wrong and where.
 */
final class ComposeValues {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?([eE][+-]?\\d{1,3})?");
    private static final Pattern POINT = Pattern.compile("\\s*([^,\\s]+)\\s*[,\\s]\\s*([^,\\s]+)\\s*");
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    private ComposeValues() {
    }

    /** The {@code fields} object the inputs in {@code values} ({@code f:PATH} to text) make for {@code form}. */
    static ObjectNode fields(Form form, Map<String, String> values) {
        ObjectNode fields = NODES.objectNode();
        for (FieldSpec spec : form.fields()) {
            value(spec.name(), spec.type(), values).ifPresent(v -> fields.set(spec.name(), v));
        }
        return fields;
    }

    private static Optional<JsonNode> value(String path, FieldType type, Map<String, String> v) {
        return switch (type) {
            case ListType list -> {
                ArrayNode items = NODES.arrayNode();
                for (int i = 0; i < ComposeInputs.slots(list, path, v); i++) {
                    value(path + "[" + i + "]", list.item(), v).ifPresent(items::add);
                }
                yield items.isEmpty() ? Optional.empty() : Optional.of(items);
            }
            case PositionType p -> position(path, v);
            case DateTimeType d -> text(path, v).map(s -> NODES.textNode(LOCAL_TIME.matcher(s).matches()
                    ? (s.length() == 16 ? s + ":00" : s) + "Z" : s));
            case DurationType d -> text(path, v).map(NODES::textNode);
            case ReferenceType r -> text(path, v).map(NODES::textNode);
            case EnumType e -> text(path, v).map(NODES::textNode);
            case TextType x -> text(path + ".text", v).map(s -> NODES.objectNode()
                    .put("lang", raw(path + ".lang", v)).put("text", s.replace("\r\n", "\n")));
            case UnitType u -> object(path, v, "side", "type", "name", "number", "mmsi", "icao", "callSign");
            case AreaType a -> area(path, v);
            // the number types (course, speed, count...) and any type a later catalog adds
            default -> text(path, v).flatMap(s -> looksLikeNumber(s) ? Optional.of(number(s)) : json(s));
        };
    }

    private static boolean looksLikeNumber(String s) {
        return NUMBER.matcher(s).matches();
    }

    /** A number exactly as JSON would carry it (so the API and the console sign the same value), or the text. */
    private static JsonNode number(String s) {
        if (!looksLikeNumber(s)) {
            return NODES.textNode(s);
        }
        try {
            return JSON.readTree(s);
        } catch (JsonProcessingException e) {
            return NODES.textNode(s);
        }
    }

    /** What a free input of an unknown type holds: JSON if it is JSON, else the text. */
    private static Optional<JsonNode> json(String s) {
        try {
            return Optional.ofNullable(JSON.readTree(s)).or(() -> Optional.of(NODES.textNode(s)));
        } catch (JsonProcessingException e) {
            return Optional.of(NODES.textNode(s));
        }
    }

    private static Optional<JsonNode> position(String path, Map<String, String> v) {
        Optional<String> lat = text(path + ".lat", v);
        Optional<String> lon = text(path + ".lon", v);
        if (lat.isEmpty() && lon.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode p = NODES.objectNode();
        lat.ifPresent(s -> p.set("lat", number(s)));
        lon.ifPresent(s -> p.set("lon", number(s)));
        return Optional.of(p);
    }

    private static Optional<JsonNode> object(String path, Map<String, String> v, String... keys) {
        ObjectNode o = NODES.objectNode();
        for (String key : keys) {
            text(path + "." + key, v).ifPresent(s -> o.put(key, s));
        }
        return o.isEmpty() ? Optional.empty() : Optional.of(o);
    }

    private static Optional<JsonNode> area(String path, Map<String, String> v) {
        ObjectNode a = NODES.objectNode();
        Optional<String> polygon = text(path + ".polygon", v);
        if (polygon.isPresent()) {
            ArrayNode points = a.putArray("polygon");
            polygon.get().lines().filter(line -> !line.isBlank()).forEach(line -> {
                Matcher m = POINT.matcher(line);
                if (m.matches()) {
                    points.addObject().set("lat", number(m.group(1)));
                    ((ObjectNode) points.get(points.size() - 1)).set("lon", number(m.group(2)));
                } else {
                    points.add(line.strip()); // the catalog says what a point must be
                }
            });
        } else {
            Optional<JsonNode> center = position(path + ".circle.center", v);
            Optional<String> radius = text(path + ".circle.radius", v);
            if (center.isPresent() || radius.isPresent()) {
                ObjectNode circle = a.putObject("circle");
                center.ifPresent(c -> circle.set("center", c));
                radius.ifPresent(r -> circle.set("radius", number(r)));
            }
        }
        text(path + ".name", v).ifPresent(n -> a.put("name", n));
        return a.isEmpty() ? Optional.empty() : Optional.of(a);
    }

    private static Optional<String> text(String path, Map<String, String> v) {
        String s = raw(path, v);
        return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static String raw(String path, Map<String, String> v) {
        return v.getOrDefault(ComposeInputs.PREFIX + path, "");
    }

    /** The inputs' values ({@code f:PATH} to text) that show a message's {@code fields}, as a draft is filled in. */
    static Map<String, String> inputs(Form form, ObjectNode fields) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldSpec spec : form.fields()) {
            JsonNode node = fields.get(spec.name());
            if (node != null) {
                flatten(spec.name(), spec.type() instanceof DateTimeType, node, out);
            }
        }
        return out;
    }

    private static void flatten(String path, boolean time, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(path + "." + e.getKey(), false, e.getValue(), out);
            }
        } else if (node.isArray()) {
            if (path.endsWith(".polygon")) {
                StringBuilder lines = new StringBuilder();
                node.forEach(p -> lines.append(p.path("lat").asText()).append(", ").append(p.path("lon").asText())
                        .append('\n'));
                out.put(ComposeInputs.PREFIX + path, lines.toString());
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", false, node.get(i), out);
            }
        } else {
            String s = node.asText();
            // datetime-local shows a time without its zone; the page says the time is UTC
            out.put(ComposeInputs.PREFIX + path, time && s.endsWith("Z") ? s.substring(0, s.length() - 1) : s);
        }
    }
}
