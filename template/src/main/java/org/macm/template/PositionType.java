package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code position} type: a WGS 84 position, {@code {"lat":25.75,"lon":123.5}}, north and
 * east positive, written in degrees and minutes in the reader's convention. Areas are made of
 * these positions.
 */
public record PositionType() implements FieldType {
    private static final String ALLOWED =
            "an object {\"lat\": -90..90, \"lon\": -180..180} in decimal degrees (WGS 84)";

    /** A WGS 84 position in decimal degrees. */
    public record Position(double lat, double lon) implements FieldValue {
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

    @Override
    public String describe() {
        return "position {\"lat\", \"lon\"}";
    }

    @Override
    public Optional<Position> read(String path, JsonNode node, FieldReader in) {
        return position(path, node, in);
    }

    /** A position anywhere in a field: the value itself, a polygon's vertex, a circle's centre. */
    static Optional<Position> position(String path, JsonNode node, FieldReader in) {
        if (!in.object(path, node, Set.of("lat", "lon"), ALLOWED)) {
            return Optional.empty();
        }
        Optional<BigDecimal> lat = in.number(path + ".lat", in.require(path, node, "lat", ALLOWED),
                BigDecimal.valueOf(-90), BigDecimal.valueOf(90), true, "a latitude from -90 to 90 (north positive)");
        Optional<BigDecimal> lon = in.number(path + ".lon", in.require(path, node, "lon", ALLOWED),
                BigDecimal.valueOf(-180), BigDecimal.valueOf(180), true,
                "a longitude from -180 to 180 (east positive)");
        if (lat.isEmpty() || lon.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Position(lat.get().doubleValue(), lon.get().doubleValue()));
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        return out.style().position((Position) value);
    }
}
