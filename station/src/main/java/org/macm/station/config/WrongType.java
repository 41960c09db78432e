package org.macm.station.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Says which key of a TOML file holds a value of the wrong kind, and what kind it needs, as
 * {@code [link] heartbeat-misses must be a whole number, not "three"}; Jackson's own message
 * names Java types ({@code java.lang.Integer}) that mean nothing to the person editing the file.
 */
final class WrongType {
    private WrongType() {
    }

    static String describe(MismatchedInputException e) {
        String value = e instanceof InvalidFormatException f && f.getValue() != null ? ", not " + quoted(f.getValue()) : "";
        return key(e.getPath()) + " must be " + kind(e.getTargetType()) + value;
    }

    /** The key as the file is written: {@code [link] heartbeat-misses}, {@code [[peers]] #2 endpoints}, {@code store}. */
    static String key(List<JsonMappingException.Reference> path) {
        List<String> tables = new ArrayList<>();
        String number = "";
        for (JsonMappingException.Reference r : path.subList(0, Math.max(0, path.size() - 1))) {
            if (r.getFieldName() != null) {
                tables.add(r.getFieldName());
            } else {
                number = " #" + (r.getIndex() + 1);
            }
        }
        JsonMappingException.Reference last = path.isEmpty() ? null : path.get(path.size() - 1);
        String key = last == null ? "a value" : last.getFieldName() != null ? last.getFieldName() : "item " + (last.getIndex() + 1);
        if (tables.isEmpty()) {
            return key;
        }
        String table = String.join(".", tables);
        return (number.isEmpty() ? "[" + table + "]" : "[[" + table + "]]" + number) + " " + key;
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text in quotes";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list in brackets, e.g. [\"127.0.0.1:7701\"]";
        }
        return "a table";
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
