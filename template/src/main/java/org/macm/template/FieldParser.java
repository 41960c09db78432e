package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the signed {@code fields} object of a message against its form, collecting every
 * error with the field's path, what was wrong and what is allowed. Parsing and validation
 * are one step, so the renderer only ever sees values that fit their types.
 */
final class FieldParser {
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2099-12-31T23:59:59Z");
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern MMSI = Pattern.compile("\\d{9}");
    private static final Pattern ICAO = Pattern.compile("[0-9A-F]{6}");
    private static final Pattern CALL_SIGN = Pattern.compile("[A-Z0-9]{2,10}");
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9-]{1,12}");
    private static final Pattern REFERENCE = Pattern.compile("[!-~]+( [!-~]+)*");
    private static final Duration LONGEST = Duration.ofDays(366);
    private static final BigDecimal MAX_SPEED = BigDecimal.valueOf(2000);
    private static final BigDecimal MAX_DISTANCE = BigDecimal.valueOf(5000);
    private static final long MAX_ALTITUDE = 100_000;
    private static final int MAX_NAME = 64;

    private final Vocabulary vocabulary;
    private final List<FieldError> errors = new ArrayList<>();

    private FieldParser(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * The message's values in the form's field order.
     *
     * @throws TemplateValidationException listing every field that does not fit
     */
    static Map<String, FieldValue> parse(Form form, ObjectNode fields, Vocabulary vocabulary) {
        FieldParser parser = new FieldParser(vocabulary);
        Map<String, FieldValue> values = parser.fields(form, fields);
        if (!parser.errors.isEmpty()) {
            throw new TemplateValidationException(form.key(), parser.errors);
        }
        return values;
    }

    private Map<String, FieldValue> fields(Form form, ObjectNode fields) {
        Map<String, FieldValue> values = new LinkedHashMap<>();
        for (FieldSpec spec : form.fields()) {
            JsonNode node = fields.get(spec.name());
            if (node == null) {
                if (spec.required()) {
                    error(spec.name(), "is missing", "a required " + describe(spec.type()));
                }
                continue;
            }
            value(spec.name(), spec.type(), node).ifPresent(v -> values.put(spec.name(), v));
        }
        String declared = form.fields().stream().map(FieldSpec::name).collect(Collectors.joining(", "));
        Set<String> names = form.fields().stream().map(FieldSpec::name).collect(Collectors.toSet());
        for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                error(name, "is not a field of " + form.key(), "the fields " + declared);
            }
        }
        for (Form.OrderedPair pair : form.ordered()) {
            FieldValue first = values.get(pair.first());
            FieldValue second = values.get(pair.second());
            if (first != null && second != null && compare(first, second) >= 0) {
                error(pair.second(), "is not after " + pair.first(),
                        "a value later or higher than " + pair.first());
            }
        }
        return values;
    }

    private static int compare(FieldValue a, FieldValue b) {
        return switch (a) {
            case FieldValue.DateTime t when b instanceof FieldValue.DateTime u -> t.instant().compareTo(u.instant());
            case FieldValue.Altitude t when b instanceof FieldValue.Altitude u -> Long.compare(t.feet(), u.feet());
            case FieldValue.Distance t when b instanceof FieldValue.Distance u ->
                    t.nauticalMiles().compareTo(u.nauticalMiles());
            case FieldValue.Speed t when b instanceof FieldValue.Speed u -> t.knots().compareTo(u.knots());
            case FieldValue.Count t when b instanceof FieldValue.Count u -> Long.compare(t.value(), u.value());
            case FieldValue.Span t when b instanceof FieldValue.Span u -> t.duration().compareTo(u.duration());
            default -> throw new IllegalStateException("ordered fields must share a comparable type; "
                    + "the catalog loader checks this");
        };
    }

    private Optional<? extends FieldValue> value(String path, FieldType type, JsonNode node) {
        if (node.isNull()) {
            error(path, "is null", "a " + describe(type) + ", or leave an optional field out");
            return Optional.empty();
        }
        return switch (type) {
            case FieldType.PositionType p -> position(path, node);
            case FieldType.DateTimeType d -> dateTime(path, node);
            case FieldType.DurationType d -> duration(path, node);
            case FieldType.UnitType u -> unit(path, node);
            case FieldType.CourseType c -> number(path, node, BigDecimal.ZERO, BigDecimal.valueOf(360), false,
                    "a number of degrees true from 0 to less than 360").map(FieldValue.Course::new);
            case FieldType.SpeedType s -> number(path, node, BigDecimal.ZERO, MAX_SPEED, true,
                    "a number of knots from 0 to 2000").map(FieldValue.Speed::new);
            case FieldType.DistanceType d -> number(path, node, BigDecimal.ZERO, MAX_DISTANCE, true,
                    "a number of nautical miles from 0 to 5000").map(FieldValue.Distance::new);
            case FieldType.AltitudeType a -> whole(path, node, 0, MAX_ALTITUDE,
                    "a whole number of feet from 0 (the surface) to 100000").map(FieldValue.Altitude::new);
            case FieldType.CountType c -> whole(path, node, 0, c.max(),
                    "a whole number from 0 to " + c.max()).map(FieldValue.Count::new);
            case FieldType.MessageRefType m -> whole(path, node, 1, Long.MAX_VALUE,
                    "the seq (1 or more) of a message in the peer's log").map(FieldValue.MessageRef::new);
            case FieldType.ReferenceType r -> reference(path, node);
            case FieldType.TextType t -> text(path, node, t.maxLength());
            case FieldType.EnumType e -> choice(path, node, e);
            case FieldType.ListType l -> list(path, node, l);
            case FieldType.AreaType a -> area(path, node);
        };
    }

    private Optional<FieldValue.Position> position(String path, JsonNode node) {
        String allowed = "an object {\"lat\": -90..90, \"lon\": -180..180} in decimal degrees (WGS 84)";
        if (!node.isObject()) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        if (!onlyKeys(path, node, Set.of("lat", "lon"), allowed)) {
            return Optional.empty();
        }
        Optional<BigDecimal> lat = number(path + ".lat", require(path, node, "lat", allowed),
                BigDecimal.valueOf(-90), BigDecimal.valueOf(90), true, "a latitude from -90 to 90 (north positive)");
        Optional<BigDecimal> lon = number(path + ".lon", require(path, node, "lon", allowed),
                BigDecimal.valueOf(-180), BigDecimal.valueOf(180), true,
                "a longitude from -180 to 180 (east positive)");
        if (lat.isEmpty() || lon.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FieldValue.Position(lat.get().doubleValue(), lon.get().doubleValue()));
    }

    private Optional<FieldValue.DateTime> dateTime(String path, JsonNode node) {
        String allowed = "a UTC time such as \"2026-11-29T03:38:00Z\", years 2000 to 2099";
        if (!node.isTextual() || !DATE_TIME.matcher(node.textValue()).matches()) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        try {
            Instant instant = Instant.parse(node.textValue());
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                error(path, "is " + show(node) + ", outside the years a date-time group can name", allowed);
                return Optional.empty();
            }
            return Optional.of(new FieldValue.DateTime(instant));
        } catch (DateTimeParseException e) {
            error(path, "is " + show(node) + ", not a real date and time", allowed);
            return Optional.empty();
        }
    }

    private Optional<FieldValue.Span> duration(String path, JsonNode node) {
        String allowed = "an ISO 8601 duration of whole seconds, more than zero and at most 366 days, "
                + "such as \"PT2H30M\" or \"P3DT12H\"";
        if (!node.isTextual()) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        Duration d;
        try {
            d = Duration.parse(node.textValue());
        } catch (DateTimeException | ArithmeticException e) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        if (d.isNegative() || d.isZero() || d.toNanosPart() != 0 || d.compareTo(LONGEST) > 0) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        return Optional.of(new FieldValue.Span(d));
    }

    private Optional<FieldValue.Unit> unit(String path, JsonNode node) {
        String allowed = "an object with \"side\" and \"type\" and any of \"name\", \"number\", \"mmsi\", "
                + "\"icao\", \"callSign\"";
        if (!node.isObject()) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        if (!onlyKeys(path, node, Set.of("side", "type", "name", "number", "mmsi", "icao", "callSign"), allowed)) {
            return Optional.empty();
        }
        int before = errors.size();
        String sides = vocabulary.sides().stream().map(Vocabulary.Side::code).collect(Collectors.joining(", "));
        String kinds = vocabulary.unitKinds().stream().map(Vocabulary.UnitKind::code)
                .collect(Collectors.joining(", "));
        Optional<String> side = code(path + ".side", require(path, node, "side", allowed), "one of " + sides,
                c -> vocabulary.side(c).isPresent());
        Optional<String> type = code(path + ".type", require(path, node, "type", allowed), "one of " + kinds,
                c -> vocabulary.unitKind(c).isPresent());
        Optional<String> name = optionalString(path, node, "name", "a name of 1 to " + MAX_NAME
                + " characters without line breaks", s -> s.length() <= MAX_NAME && isName(s));
        Optional<String> number = optionalString(path, node, "number", "a hull or tail number of 1 to 12 letters, "
                + "digits or dashes", s -> NUMBER.matcher(s).matches());
        Optional<String> mmsi = optionalString(path, node, "mmsi", "9 digits", s -> MMSI.matcher(s).matches());
        Optional<String> icao = optionalString(path, node, "icao",
                "6 upper-case hexadecimal digits (ICAO 24-bit address)", s -> ICAO.matcher(s).matches());
        Optional<String> callSign = optionalString(path, node, "callSign", "2 to 10 upper-case letters or digits",
                s -> CALL_SIGN.matcher(s).matches());
        if (errors.size() > before || side.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FieldValue.Unit(side.get(), type.get(), name, number, mmsi, icao, callSign));
    }

    private Optional<FieldValue.Reference> reference(String path, JsonNode node) {
        String allowed = "1 to 64 printable ASCII characters, single spaces between words "
                + "(e.g. \"NAVAREA XI 0123/26\")";
        if (!node.isTextual() || node.textValue().length() > 64 || !REFERENCE.matcher(node.textValue()).matches()) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        return Optional.of(new FieldValue.Reference(node.textValue()));
    }

    private Optional<FieldValue.Text> text(String path, JsonNode node, int maxLength) {
        String allowed = "an object {\"lang\": a language tag such as \"ja\", \"zh-Hans\" or \"en\", "
                + "\"text\": 1 to " + maxLength + " characters}";
        if (!node.isObject()) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        if (!onlyKeys(path, node, Set.of("lang", "text"), allowed)) {
            return Optional.empty();
        }
        int before = errors.size();
        Optional<String> lang = code(path + ".lang", require(path, node, "lang", allowed),
                "a BCP 47 language tag such as ja, zh-Hans or en", c -> LANG.matcher(c).matches());
        JsonNode textNode = require(path, node, "text", allowed);
        Optional<String> text = Optional.empty();
        if (textNode != null) {
            if (!textNode.isTextual() || textNode.textValue().isBlank()) {
                error(path + ".text", "is " + show(textNode), "text of 1 to " + maxLength + " characters");
            } else if (textNode.textValue().codePointCount(0, textNode.textValue().length()) > maxLength) {
                error(path + ".text", "is " + textNode.textValue().codePointCount(0, textNode.textValue().length())
                        + " characters long", "at most " + maxLength + " characters");
            } else if (!isText(textNode.textValue())) {
                error(path + ".text", "contains a control character other than a line break",
                        "text with line breaks but no other control characters");
            } else {
                text = Optional.of(textNode.textValue());
            }
        }
        if (errors.size() > before || lang.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FieldValue.Text(lang.get(), text.get()));
    }

    private Optional<FieldValue.Choice> choice(String path, JsonNode node, FieldType.EnumType type) {
        String values = type.options().stream().map(FieldType.EnumType.Option::value)
                .collect(Collectors.joining(", "));
        return code(path, node, "one of " + values, v -> type.option(v).isPresent()).map(FieldValue.Choice::new);
    }

    private Optional<FieldValue.Items> list(String path, JsonNode node, FieldType.ListType type) {
        String allowed = "a list of " + type.minItems() + " to " + type.maxItems() + " " + describe(type.item());
        if (!node.isArray()) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        if (node.size() < type.minItems() || node.size() > type.maxItems()) {
            error(path, "has " + node.size() + (node.size() == 1 ? " item" : " items"), allowed);
            return Optional.empty();
        }
        List<FieldValue> items = new ArrayList<>();
        int before = errors.size();
        for (int i = 0; i < node.size(); i++) {
            value(path + "[" + i + "]", type.item(), node.get(i)).ifPresent(items::add);
        }
        return errors.size() > before ? Optional.empty() : Optional.of(new FieldValue.Items(items));
    }

    private Optional<FieldValue.Area> area(String path, JsonNode node) {
        String allowed = "an object with either \"polygon\": [3 to 100 positions] or "
                + "\"circle\": {\"center\": position, \"radius\": nautical miles}, and an optional \"name\"";
        if (!node.isObject()) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        if (!onlyKeys(path, node, Set.of("polygon", "circle", "name"), allowed)) {
            return Optional.empty();
        }
        if (node.has("polygon") == node.has("circle")) {
            error(path, node.has("polygon") ? "has both a polygon and a circle" : "has neither a polygon nor a circle",
                    allowed);
            return Optional.empty();
        }
        int before = errors.size();
        Optional<String> name = optionalString(path, node, "name", "a name of 1 to " + MAX_NAME
                + " characters without line breaks", s -> s.length() <= MAX_NAME && isName(s));
        if (node.has("polygon")) {
            JsonNode polygon = node.get("polygon");
            if (!polygon.isArray() || polygon.size() < 3 || polygon.size() > 100) {
                error(path + ".polygon", polygon.isArray() ? "has " + polygon.size() + " vertices" : "is "
                        + show(polygon), "a list of 3 to 100 positions, joined in order and closed back to the first");
                return Optional.empty();
            }
            List<FieldValue.Position> vertices = new ArrayList<>();
            for (int i = 0; i < polygon.size(); i++) {
                position(path + ".polygon[" + i + "]", polygon.get(i)).ifPresent(vertices::add);
            }
            return errors.size() > before ? Optional.empty() : Optional.of(new FieldValue.Polygon(vertices, name));
        }
        JsonNode circle = node.get("circle");
        String circleAllowed = "an object {\"center\": position, \"radius\": nautical miles more than 0, "
                + "at most 5000}";
        if (!circle.isObject()) {
            error(path + ".circle", "is " + show(circle), circleAllowed);
            return Optional.empty();
        }
        if (!onlyKeys(path + ".circle", circle, Set.of("center", "radius"), circleAllowed)) {
            return Optional.empty();
        }
        JsonNode centerNode = require(path + ".circle", circle, "center", circleAllowed);
        Optional<FieldValue.Position> center = centerNode == null ? Optional.empty()
                : position(path + ".circle.center", centerNode);
        Optional<BigDecimal> radius = number(path + ".circle.radius",
                require(path + ".circle", circle, "radius", circleAllowed), BigDecimal.ZERO, MAX_DISTANCE, true,
                "nautical miles more than 0, at most 5000");
        if (radius.isPresent() && radius.get().signum() == 0) {
            error(path + ".circle.radius", "is 0", "nautical miles more than 0, at most 5000");
        }
        if (errors.size() > before || center.isEmpty() || radius.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FieldValue.Circle(center.get(), radius.get(), name));
    }

    private Optional<BigDecimal> number(String path, JsonNode node, BigDecimal min, BigDecimal max,
                                        boolean maxInclusive, String allowed) {
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

    private Optional<Long> whole(String path, JsonNode node, long min, long max, String allowed) {
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

    private Optional<String> code(String path, JsonNode node, String allowed,
                                  Predicate<String> valid) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual() || !valid.test(node.textValue())) {
            error(path, "is " + show(node), allowed);
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    private Optional<String> optionalString(String path, JsonNode object, String key, String allowed,
                                            Predicate<String> valid) {
        JsonNode node = object.get(key);
        if (node == null) {
            return Optional.empty();
        }
        return code(path + "." + key, node, allowed + " (or leave it out)", valid);
    }

    private JsonNode require(String path, JsonNode object, String key, String allowed) {
        JsonNode node = object.get(key);
        if (node == null) {
            error(path + "." + key, "is missing", allowed);
        }
        return node;
    }

    private boolean onlyKeys(String path, JsonNode object, Set<String> keys, String allowed) {
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

    private static boolean isName(String s) {
        return !s.isBlank() && s.codePoints().noneMatch(Character::isISOControl);
    }

    private static boolean isText(String s) {
        return s.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n');
    }

    private void error(String path, String problem, String allowed) {
        errors.add(new FieldError(path, problem, allowed));
    }

    /** A value as it was sent, cut short, for error messages. */
    static String show(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** A type in words, for error messages and {@code macm template show}. */
    static String describe(FieldType type) {
        return switch (type) {
            case FieldType.PositionType p -> "position {\"lat\", \"lon\"}";
            case FieldType.DateTimeType d -> "UTC date-time \"YYYY-MM-DDThh:mm:ssZ\"";
            case FieldType.DurationType d -> "ISO 8601 duration such as \"PT2H\"";
            case FieldType.UnitType u -> "unit {\"side\", \"type\", ...}";
            case FieldType.CourseType c -> "course in degrees true";
            case FieldType.SpeedType s -> "speed in knots";
            case FieldType.AltitudeType a -> "altitude in feet";
            case FieldType.DistanceType d -> "distance in nautical miles";
            case FieldType.AreaType a -> "area {\"polygon\" or \"circle\", \"name\"}";
            case FieldType.CountType c -> "whole number 0 to " + c.max();
            case FieldType.ReferenceType r -> "reference code";
            case FieldType.MessageRefType m -> "message seq";
            case FieldType.TextType t -> "text {\"lang\", \"text\"}";
            case FieldType.EnumType e -> "value, one of " + e.options().stream()
                    .map(FieldType.EnumType.Option::value).collect(Collectors.joining(", "));
            case FieldType.ListType l -> "list of " + describe(l.item());
        };
    }
}
