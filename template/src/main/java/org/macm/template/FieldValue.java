package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A field value, parsed and checked against its type. Code that fills a form (the encounter
 * watch, the console) builds these and calls {@link #toJson()} to put them into the signed
 * {@code fields} object, so the JSON shapes documented in {@code docs/TEMPLATES.md} are
 * produced in one place.
 */
public sealed interface FieldValue {

    /** The value as it goes into the signed {@code fields} object. */
    JsonNode toJson();

    /** A WGS 84 position in decimal degrees. */
    record Position(double lat, double lon) implements FieldValue {
        public Position {
            if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
                throw new TemplateException("position " + lat + ", " + lon
                        + " is outside lat -90..90, lon -180..180");
            }
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("lat", lat);
            node.put("lon", lon);
            return node;
        }
    }

    /** An instant; rendered to the minute, as date-time groups are. */
    record DateTime(Instant instant) implements FieldValue {
        public DateTime {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.textNode(instant.truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    /** A positive duration. */
    record Span(Duration duration) implements FieldValue {
        public Span {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.textNode(duration.toString());
        }
    }

    /**
     * A vessel or aircraft. {@code side} and {@code type} are codes from the catalog's
     * vocabulary; {@code number} is the hull number of a ship or the tail number of an aircraft.
     */
    record Unit(String side, String type, Optional<String> name, Optional<String> number,
                Optional<String> mmsi, Optional<String> icao, Optional<String> callSign) implements FieldValue {
        public Unit {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(mmsi, "mmsi");
            Objects.requireNonNull(icao, "icao");
            Objects.requireNonNull(callSign, "callSign");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("side", side);
            node.put("type", type);
            name.ifPresent(v -> node.put("name", v));
            number.ifPresent(v -> node.put("number", v));
            mmsi.ifPresent(v -> node.put("mmsi", v));
            icao.ifPresent(v -> node.put("icao", v));
            callSign.ifPresent(v -> node.put("callSign", v));
            return node;
        }
    }

    /** Degrees true. */
    record Course(BigDecimal degrees) implements FieldValue {
        public Course {
            Objects.requireNonNull(degrees, "degrees");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.numberNode(degrees);
        }
    }

    /** Knots. */
    record Speed(BigDecimal knots) implements FieldValue {
        public Speed {
            Objects.requireNonNull(knots, "knots");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.numberNode(knots);
        }
    }

    /** Whole feet; 0 is the surface. */
    record Altitude(long feet) implements FieldValue {
        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.numberNode(feet);
        }
    }

    /** Nautical miles. */
    record Distance(BigDecimal nauticalMiles) implements FieldValue {
        public Distance {
            Objects.requireNonNull(nauticalMiles, "nauticalMiles");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.numberNode(nauticalMiles);
        }
    }

    /** A whole number. */
    record Count(long value) implements FieldValue {
        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.numberNode(value);
        }
    }

    /** A code written the same in every language. */
    record Reference(String code) implements FieldValue {
        public Reference {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.textNode(code);
        }
    }

    /** The seq of a message in the peer's log. */
    record MessageRef(long seq) implements FieldValue {
        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.numberNode(seq);
        }
    }

    /** Text in the language {@code lang} (a BCP 47 tag). */
    record Text(String lang, String text) implements FieldValue {
        public Text {
            Objects.requireNonNull(lang, "lang");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("lang", lang);
            node.put("text", text);
            return node;
        }
    }

    /** The value of an enumeration option. */
    record Choice(String value) implements FieldValue {
        public Choice {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.textNode(value);
        }
    }

    /** The values of a list field, in order. */
    record Items(List<FieldValue> items) implements FieldValue {
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

    /** An area, with an optional name (written as given, like a ship's name). */
    sealed interface Area extends FieldValue {
        Optional<String> name();
    }

    /** The area bounded by lines joining the vertices in order, the last back to the first. */
    record Polygon(List<Position> vertices, Optional<String> name) implements Area {
        public Polygon {
            vertices = List.copyOf(vertices);
            Objects.requireNonNull(name, "name");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            ArrayNode points = node.putArray("polygon");
            vertices.forEach(v -> points.add(v.toJson()));
            name.ifPresent(n -> node.put("name", n));
            return node;
        }
    }

    /** The area within {@code radius} nautical miles of {@code center}. */
    record Circle(Position center, BigDecimal radius, Optional<String> name) implements Area {
        public Circle {
            Objects.requireNonNull(center, "center");
            Objects.requireNonNull(radius, "radius");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            ObjectNode circle = node.putObject("circle");
            circle.set("center", center.toJson());
            circle.put("radius", radius);
            name.ifPresent(n -> node.put("name", n));
            return node;
        }
    }
}
