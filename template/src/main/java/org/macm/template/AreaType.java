package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code area} type: a polygon of 3 to 100 vertices joined in order and closed, or a
 * circle of a radius in nautical miles around a centre, either with an optional name.
 */
public record AreaType() implements FieldType {
    private static final String ALLOWED = "an object with either \"polygon\": [3 to 100 positions] or "
            + "\"circle\": {\"center\": position, \"radius\": nautical miles}, and an optional \"name\"";
    private static final String CIRCLE_ALLOWED = "an object {\"center\": position, \"radius\": nautical miles "
            + "more than 0, at most 5000}";
    private static final String RADIUS_ALLOWED = "nautical miles more than 0, at most 5000";

    /** An area, with an optional name (written as given, like a ship's name). */
    public sealed interface Area extends FieldValue {
        Optional<String> name();
    }

    /** The area bounded by lines joining the vertices in order, the last back to the first. */
    public record Polygon(List<PositionType.Position> vertices, Optional<String> name) implements Area {
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
    public record Circle(PositionType.Position center, BigDecimal radius, Optional<String> name) implements Area {
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

    @Override
    public String describe() {
        return "area {\"polygon\" or \"circle\", \"name\"}";
    }

    @Override
    public Optional<Area> read(String path, JsonNode node, FieldReader in) {
        if (!in.object(path, node, Set.of("polygon", "circle", "name"), ALLOWED)) {
            return Optional.empty();
        }
        if (node.has("polygon") == node.has("circle")) {
            in.error(path, node.has("polygon") ? "has both a polygon and a circle"
                    : "has neither a polygon nor a circle", ALLOWED);
            return Optional.empty();
        }
        int before = in.errorCount();
        Optional<String> name = in.optionalName(path, node);
        return node.has("polygon") ? polygon(path, node.get("polygon"), name, before, in)
                : circle(path, node.get("circle"), name, before, in);
    }

    private static Optional<Area> polygon(String path, JsonNode polygon, Optional<String> name, int before,
                                          FieldReader in) {
        if (!polygon.isArray() || polygon.size() < 3 || polygon.size() > 100) {
            in.error(path + ".polygon", polygon.isArray() ? "has " + polygon.size() + " vertices" : "is "
                    + FieldReader.show(polygon), "a list of 3 to 100 positions, joined in order and closed back to "
                    + "the first");
            return Optional.empty();
        }
        List<PositionType.Position> vertices = new ArrayList<>();
        for (int i = 0; i < polygon.size(); i++) {
            PositionType.position(path + ".polygon[" + i + "]", polygon.get(i), in).ifPresent(vertices::add);
        }
        return in.errorCount() > before ? Optional.empty() : Optional.of(new Polygon(vertices, name));
    }

    private static Optional<Area> circle(String path, JsonNode circle, Optional<String> name, int before,
                                         FieldReader in) {
        if (!in.object(path + ".circle", circle, Set.of("center", "radius"), CIRCLE_ALLOWED)) {
            return Optional.empty();
        }
        JsonNode centerNode = in.require(path + ".circle", circle, "center", CIRCLE_ALLOWED);
        Optional<PositionType.Position> center = centerNode == null ? Optional.empty()
                : PositionType.position(path + ".circle.center", centerNode, in);
        Optional<BigDecimal> radius = in.number(path + ".circle.radius",
                in.require(path + ".circle", circle, "radius", CIRCLE_ALLOWED), BigDecimal.ZERO, DistanceType.MAX,
                true, RADIUS_ALLOWED);
        if (radius.isPresent() && radius.get().signum() == 0) {
            in.error(path + ".circle.radius", "is 0", RADIUS_ALLOWED);
        }
        if (in.errorCount() > before || center.isEmpty() || radius.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Circle(center.get(), radius.get(), name));
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        Area area = (Area) value;
        Style style = out.style();
        String shape = switch (area) {
            case Polygon p -> {
                List<String> points = new ArrayList<>();
                for (int i = 0; i < p.vertices().size(); i++) {
                    points.add("(" + (i + 1) + ") " + style.position(p.vertices().get(i)));
                }
                yield out.phrases().polygon(points);
            }
            case Circle c -> out.phrases().circle(style.position(c.center()), style.distance(c.radius()));
        };
        return area.name().map(n -> out.phrases().namedArea(n, shape)).orElse(shape);
    }
}
