package org.macm.encounter.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Serial;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.macm.encounter.EncounterException;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.decode.Decoder;
import org.macm.encounter.decode.RejectReason;

/**
 * Decodes the JSON track format for a party's own sensors: one JSON object per line, strict.
 * Unknown or duplicated keys, wrong types and out-of-range values are rejected with the
 * field named, because a sensor integration that drifts from the schema must be noticed,
 * not half-read.
 *
 * <pre>
 * {"id":"431000123","kind":"vessel","time":"2026-04-01T02:03:04Z",
 *  "lat":30.1234,"lon":125.5678,"course":87.5,"speed":12.3,
 *  "heading":88,"name":"KAIYO MARU","side":"JP"}
 * {"id":"780A3F","kind":"aircraft","time":"2026-04-01T02:03:05.250Z",
 *  "lat":30.5,"lon":126.0,"course":270,"speed":420,"altitude":25000}
 *
 * key       required  type    meaning
 * id        yes       string  1..64 printable characters, no spaces: the sensor's unit id
 * kind      yes       string  "vessel" or "aircraft"
 * time      yes       string  ISO-8601 instant in UTC (Z), e.g. 2026-04-01T02:03:04Z
 * lat, lon  yes       number  WGS 84 degrees, [-90, 90] and [-180, 180]
 * course    yes       number  degrees true over ground, [0, 360)
 * speed     yes       number  knots over ground, [0, 2000]
 * altitude  aircraft  number  feet above mean sea level, [-2000, 100000]; absent for vessels
 * heading   no        number  degrees true, [0, 360)
 * name      no        string  1..64 characters
 * side      no        string  1..32 of A-Z a-z 0-9 _ -: the party, as in the unit registry
 * </pre>
 *
 * Not thread-safe: one decoder per feed.
 */
public final class JsonTrackDecoder implements Decoder<JsonTrack> {
    private static final int MAX_LINE = 4096;
    private static final Set<String> KEYS =
            Set.of("id", "kind", "time", "lat", "lon", "course", "speed", "altitude", "heading", "name", "side");

    private final DecodeStats stats = new DecodeStats();
    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public DecodeStats stats() {
        return stats;
    }

    @Override
    public DecodeResult<JsonTrack> accept(CharSequence line) {
        stats.line();
        DecodeResult<JsonTrack> result;
        try {
            result = parse(line);
        } catch (FieldError e) {
            result = new DecodeResult.Rejected<>(e.reason, e.getMessage());
        }
        if (result instanceof DecodeResult.Rejected<JsonTrack> rejected) {
            stats.rejected(rejected.reason());
        } else {
            stats.decoded();
        }
        return result;
    }

    private DecodeResult<JsonTrack> parse(CharSequence line) {
        if (line.length() > MAX_LINE) {
            throw new FieldError(RejectReason.TOO_LONG, "line of " + line.length() + " characters exceeds " + MAX_LINE);
        }
        String text = line.toString();
        if (text.isBlank()) {
            throw new FieldError(RejectReason.EMPTY, "empty line");
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new FieldError(RejectReason.NOT_JSON, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FieldError(RejectReason.NOT_JSON, "a track line is one JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new FieldError(RejectReason.UNKNOWN_FIELD, "field '" + name + "' is not part of the track schema");
            }
        }
        String id = string(root, "id", 64, true).orElseThrow();
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) <= ' ' || id.charAt(i) > '~') {
                throw new FieldError(RejectReason.BAD_FIELD, "field 'id': printable characters without spaces only");
            }
        }
        UnitKind kind = switch (string(root, "kind", 16, true).orElseThrow()) {
            case "vessel" -> UnitKind.VESSEL;
            case "aircraft" -> UnitKind.AIRCRAFT;
            default -> throw new FieldError(RejectReason.BAD_FIELD, "field 'kind': must be \"vessel\" or \"aircraft\"");
        };
        Instant time = time(root);
        double lat = number(root, "lat", -90, 90, true).orElseThrow();
        double lon = number(root, "lon", -180, 180, true).orElseThrow();
        double course = angle(root, "course", true).orElseThrow();
        double speed = number(root, "speed", 0, 2000, true).orElseThrow();
        OptionalDouble altitude = number(root, "altitude", -2000, 100_000, false);
        if (kind == UnitKind.AIRCRAFT && altitude.isEmpty()) {
            throw new FieldError(RejectReason.MISSING_FIELD, "field 'altitude': required for an aircraft");
        }
        if (kind == UnitKind.VESSEL && altitude.isPresent()) {
            throw new FieldError(RejectReason.UNKNOWN_FIELD, "field 'altitude': not allowed for a vessel");
        }
        OptionalDouble heading = angle(root, "heading", false);
        Optional<String> name = string(root, "name", 64, false);
        Optional<String> side = string(root, "side", 32, false);
        if (side.isPresent() && !isToken(side.get())) {
            throw new FieldError(RejectReason.BAD_FIELD, "field 'side': letters, digits, '_' and '-' only");
        }
        return new DecodeResult.Decoded<>(new JsonTrack(
                id, kind, time, new GeoPoint(lat, lon), course, speed, altitude, heading, name, side));
    }

    private static Instant time(JsonNode root) {
        String text = string(root, "time", 40, true).orElseThrow();
        if (!text.endsWith("Z")) {
            throw new FieldError(RejectReason.BAD_FIELD, "field 'time': must be UTC, ending in Z, e.g. 2026-04-01T02:03:04Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FieldError(RejectReason.BAD_FIELD, "field 'time': not an ISO-8601 instant, e.g. 2026-04-01T02:03:04Z");
        }
    }

    private static Optional<String> string(JsonNode root, String key, int maxLength, boolean required) {
        JsonNode node = root.get(key);
        if (node == null) {
            if (required) {
                throw new FieldError(RejectReason.MISSING_FIELD, "field '" + key + "': required");
            }
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new FieldError(RejectReason.BAD_FIELD, "field '" + key + "': must be a string, got " + node.getNodeType());
        }
        String value = node.textValue();
        if (value.isEmpty() || value.length() > maxLength) {
            throw new FieldError(RejectReason.BAD_FIELD, "field '" + key + "': 1.." + maxLength + " characters");
        }
        return Optional.of(value);
    }

    private static OptionalDouble number(JsonNode root, String key, double min, double max, boolean required) {
        JsonNode node = root.get(key);
        if (node == null) {
            if (required) {
                throw new FieldError(RejectReason.MISSING_FIELD, "field '" + key + "': required");
            }
            return OptionalDouble.empty();
        }
        if (!node.isNumber()) {
            throw new FieldError(RejectReason.BAD_FIELD, "field '" + key + "': must be a number, got " + node.getNodeType());
        }
        double value = node.doubleValue();
        if (!(value >= min && value <= max)) {
            throw new FieldError(RejectReason.BAD_FIELD, "field '" + key + "': must be in [" + fmt(min) + ", " + fmt(max) + "], got " + node);
        }
        return OptionalDouble.of(value);
    }

    private static OptionalDouble angle(JsonNode root, String key, boolean required) {
        OptionalDouble value = number(root, key, 0, 360, required);
        if (value.isPresent() && value.getAsDouble() == 360) {
            throw new FieldError(RejectReason.BAD_FIELD, "field '" + key + "': must be in [0, 360), got 360");
        }
        return value;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A field-level rejection raised deep in the checks and turned into a {@code Rejected}
     * result in {@link #accept}; it never leaves this class.
     */
    private static final class FieldError extends EncounterException {
        @Serial
        private static final long serialVersionUID = 1L;

        private final RejectReason reason;

        FieldError(RejectReason reason, String message) {
            super(message);
            this.reason = reason;
        }
    }
}
