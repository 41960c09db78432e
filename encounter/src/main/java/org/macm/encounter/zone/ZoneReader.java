package org.macm.encounter.zone;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.macm.encounter.EncounterException;
import org.macm.encounter.unit.Side;

/**
 * Reads zones from GeoJSON (RFC 7946): a FeatureCollection, or a single Feature, whose
 * features have a Polygon or MultiPolygon geometry and the properties {@code name},
 * {@code kind} and {@code side} (all required strings; other properties are kept out of the
 * watch and ignored). Strict: anything else is an error naming the file and the JSON path,
 * e.g. {@code zones.geojson: features[2].properties.side: required}.
 *
 * <pre>
 * {"type": "FeatureCollection", "features": [
 *   {"type": "Feature",
 *    "properties": {"name": "JP exercise area A", "kind": "exercise-area", "side": "JP"},
 *    "geometry": {"type": "Polygon", "coordinates": [[[124.5, 30.0], [125.5, 30.0],
 *                 [125.5, 29.5], [124.5, 29.5], [124.5, 30.0]]]}}]}
 * </pre>
 */
public final class ZoneReader {
    private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final GeometryFactory factory = new GeometryFactory();

    /** Reads every zone in {@code file}. */
    public List<Zone> read(Path file) {
        try {
            return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new EncounterException("zone file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new EncounterException("cannot read zone file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads every zone in GeoJSON {@code text}; {@code origin} names it in errors. */
    public List<Zone> read(String origin, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new EncounterException(origin + " is not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new EncounterException(origin + ": a GeoJSON FeatureCollection or Feature object is expected");
        }
        List<Zone> zones = new ArrayList<>();
        String type = text(origin, root, "type", "type");
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode features = root.get("features");
                if (features == null || !features.isArray()) {
                    throw new EncounterException(origin + ": features: an array is required");
                }
                for (int i = 0; i < features.size(); i++) {
                    zones.add(feature(origin, "features[" + (i + 1) + "]", features.get(i)));
                }
            }
            case "Feature" -> zones.add(feature(origin, "feature", root));
            default -> throw new EncounterException(origin + ": type: must be FeatureCollection or Feature, got " + type);
        }
        Set<String> names = new HashSet<>();
        for (Zone z : zones) {
            if (!names.add(z.name())) {
                throw new EncounterException(origin + ": two zones are named '" + z.name() + "'");
            }
        }
        return List.copyOf(zones);
    }

    private Zone feature(String origin, String path, JsonNode node) {
        if (node == null || !node.isObject() || !"Feature".equals(node.path("type").asText())) {
            throw new EncounterException(origin + ": " + path + ": must be an object with \"type\": \"Feature\"");
        }
        JsonNode props = node.get("properties");
        if (props == null || !props.isObject()) {
            throw new EncounterException(origin + ": " + path + ".properties: an object with name, kind and side is required");
        }
        String name = text(origin, props, "name", path + ".properties.name");
        String kind = text(origin, props, "kind", path + ".properties.kind");
        String sideText = text(origin, props, "side", path + ".properties.side");
        Side side;
        try {
            side = Side.of(sideText);
        } catch (EncounterException e) {
            throw new EncounterException(origin + ": " + path + ".properties.side: " + e.getMessage(), e);
        }
        JsonNode geometry = node.get("geometry");
        if (geometry == null || !geometry.isObject()) {
            throw new EncounterException(origin + ": " + path + ".geometry: a Polygon or MultiPolygon is required");
        }
        String gType = text(origin, geometry, "type", path + ".geometry.type");
        JsonNode coords = geometry.get("coordinates");
        String cPath = path + ".geometry.coordinates";
        Geometry g = switch (gType) {
            case "Polygon" -> polygon(origin, cPath, coords);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[array(origin, cPath, coords, 1).size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(origin, cPath + "[" + (i + 1) + "]", coords.get(i));
                }
                yield factory.createMultiPolygon(parts);
            }
            default -> throw new EncounterException(origin + ": " + path + ".geometry.type: must be Polygon or MultiPolygon, got "
                    + gType);
        };
        try {
            return new Zone(name, kind, side, g);
        } catch (EncounterException e) {
            throw new EncounterException(origin + ": " + path + ": " + e.getMessage(), e);
        }
    }

    private Polygon polygon(String origin, String path, JsonNode node) {
        JsonNode rings = array(origin, path, node, 1);
        LinearRing shell = ring(origin, path + "[1]", rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(origin, path + "[" + (i + 1) + "]", rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(String origin, String path, JsonNode node) {
        JsonNode positions = array(origin, path, node, 4);
        Coordinate[] coords = new Coordinate[positions.size()];
        for (int i = 0; i < coords.length; i++) {
            JsonNode p = positions.get(i);
            String pPath = path + "[" + (i + 1) + "]";
            if (p == null || !p.isArray() || p.size() < 2 || p.size() > 3 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new EncounterException(origin + ": " + pPath + ": a position is [lon, lat] in numbers");
            }
            double lon = p.get(0).doubleValue();
            double lat = p.get(1).doubleValue();
            if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                throw new EncounterException(origin + ": " + pPath + ": [lon, lat] out of range: [" + lon + ", " + lat + "]");
            }
            coords[i] = new Coordinate(lon, lat);
        }
        if (!coords[0].equals2D(coords[coords.length - 1])) {
            throw new EncounterException(origin + ": " + path + ": a ring must end where it starts");
        }
        return factory.createLinearRing(coords);
    }

    private static JsonNode array(String origin, String path, JsonNode node, int min) {
        if (node == null || !node.isArray() || node.size() < min) {
            throw new EncounterException(origin + ": " + path + ": an array of at least " + min + " is required");
        }
        return node;
    }

    private static String text(String origin, JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            throw new EncounterException(origin + ": " + path + ": required (a non-empty string)");
        }
        return v.textValue();
    }
}
