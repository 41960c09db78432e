package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The checks field types build their reading from: numbers in a range, whole numbers, codes,
 * optional strings, objects with known keys. Each failed check records a {@link FieldError}
 * with the path, what was sent and what is allowed, and reading goes on, so one pass reports
 * every error of a message.
 */
final class FieldReader {
    private static final int MAX_NAME = 64;

    private final Vocabulary vocabulary;
    private final List<FieldError> errors = new ArrayList<>();

    FieldReader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The sides and unit types a unit's codes must come from. */
    Vocabulary vocabulary() {
        return vocabulary;
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** How many errors so far; a reader compares it before and after reading a part. */
    int errorCount() {
        return errors.size();
    }

    /** A value of {@code type}; JSON null is refused for every type. */
    Optional<? extends FieldValue> value(String path, FieldType type, JsonNode node) {
        if (node.isNull()) {
            error(path, "is null", "a " + type.describe() + ", or leave an optional field out");
            return Optional.empty();
        }
        return type.read(path, node, this);
    }

    Optional<BigDecimal> number(String path, JsonNode node, BigDecimal min, BigDecimal max, boolean maxInclusive,
                                String allowed) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isNumber() || (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue()))) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        BigDecimal value = node.decimalValue();
        int top = value.compareTo(max);
        if (value.compareTo(min) < 0 || top > 0 || (top == 0 && !maxInclusive)) {
            error(path, "is " + value.toPlainString() + ", out of range", allowed);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Long> whole(String path, JsonNode node, long min, long max, String allowed) {
        if (!node.isNumber()) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        BigDecimal value = node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())
                ? null : node.decimalValue();
        if (value == null || value.stripTrailingZeros().scale() > 0) {
            error(path, "is " + show(node) + ", not a whole number", allowed);
            return Optional.empty();
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(path, "is " + value.toPlainString() + ", out of range", allowed);
            return Optional.empty();
        }
        return Optional.of(value.longValueExact());
    }

    /** A string that {@code valid} accepts; a missing node (already reported) reads as empty. */
    Optional<String> code(String path, JsonNode node, String allowed, Predicate<String> valid) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual() || !valid.test(node.textValue())) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    Optional<String> optionalString(String path, JsonNode object, String key, String allowed,
                                    Predicate<String> valid) {
        JsonNode node = object.get(key);
        if (node == null) {
            return Optional.empty();
        }
        return code(path + "." + key, node, allowed + " (or leave it out)", valid);
    }

    /** The optional {@code name} of a unit or an area: written as broadcast or agreed, on one line. */
    Optional<String> optionalName(String path, JsonNode object) {
        return optionalString(path, object, "name", "a name of 1 to " + MAX_NAME
                + " characters without line breaks", s -> s.length() <= MAX_NAME && isName(s));
    }

    /** The member {@code key} of {@code object}, reported missing when absent. */
    JsonNode require(String path, JsonNode object, String key, String allowed) {
        JsonNode node = object.get(key);
        if (node == null) {
            error(path + "." + key, "is missing", allowed);
        }
        return node;
    }

    /** Whether {@code object} has no member outside {@code keys}; each other member is reported. */
    boolean onlyKeys(String path, JsonNode object, Set<String> keys, String allowed) {
        boolean ok = true;
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!keys.contains(key)) {
                error(path + "." + key, "is not a known key", allowed);
                ok = false;
            }
        }
        return ok;
    }

    /** Reads an object of exactly these keys: false, with the error reported, when it is not one. */
    boolean object(String path, JsonNode node, Set<String> keys, String allowed) {
        if (!node.isObject()) {
            error(path, "is " + show(node), allowed);
            return false;
        }
        return onlyKeys(path, node, keys, allowed);
    }

    void error(String path, String problem, String allowed) {
        errors.add(new FieldError(path, problem, allowed));
    }

    private static boolean isName(String s) {
        return !s.isBlank() && s.codePoints().noneMatch(Character::isISOControl);
    }

    /** A value as it was sent, cut short, for error messages. */
    static String show(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
