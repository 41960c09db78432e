package org.macm.station.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.macm.core.MacmException;

/**
 * A request body read as strictly as the config files: a JSON object whose fields are all
 * known to the route (a misspelt {@code precedance} would otherwise be ignored and the message
 * sent as ROUTINE), each of the type the route expects. Every refusal is a 400 naming the field.
 * Duplicate keys are refused before this, when the server parses the body.
 */
final class JsonRequest {
    private final ObjectNode body;

    private JsonRequest(ObjectNode body) {
        this.body = body;
    }

    /** Checks that {@code body} is an object with no field outside {@code known} (listed in that order when one is). */
    static JsonRequest of(JsonNode body, List<String> known) {
        if (!(body instanceof ObjectNode object)) {
            throw new ApiException(400, "the request body must be a JSON object, not " + type(body));
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ApiException(400, "unknown field '" + name + "' (known: " + String.join(", ", known) + ")");
            }
        }
        return new JsonRequest(object);
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** A required, non-blank string. */
    String text(String field) {
        return optionalText(field).filter(t -> !t.isBlank()).orElseThrow(() -> new ApiException(400,
                "field '" + field + "' is required (a non-empty string)"));
    }

    Optional<String> optionalText(String field) {
        return Optional.ofNullable(body.get(field)).map(v -> {
            if (!v.isTextual()) {
                throw wrongType(field, "a string", v);
            }
            return v.textValue();
        });
    }

    Optional<ObjectNode> optionalObject(String field) {
        return Optional.ofNullable(body.get(field)).map(v -> {
            if (!(v instanceof ObjectNode o)) {
                throw wrongType(field, "a JSON object", v);
            }
            return o;
        });
    }

    boolean flag(String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw wrongType(field, "true or false", v);
        }
        return v.booleanValue();
    }

    private static ApiException wrongType(String field, String expected, JsonNode v) {
        return new ApiException(400, "field '" + field + "' must be " + expected + ", not " + type(v));
    }

    private static String type(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** Reads one field's value, turning a refusal into a 400 that names the field. */
    static <T> T field(String name, Parse<T> parse) {
        try {
            return parse.get();
        } catch (MacmException e) {
            throw new ApiException(400, "field '" + name + "': " + e.getMessage());
        }
    }

    /** A sequence number given as text (a path segment, the part of an id after the slash). */
    static long seq(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "field '" + name + "': '" + text + "' is not a sequence number");
        }
    }

    /** A parse of a field's text that may refuse it. */
    @FunctionalInterface
    interface Parse<T> {
        T get();
    }
}
