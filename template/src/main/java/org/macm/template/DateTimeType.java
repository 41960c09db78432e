package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code date-time} type: an instant in UTC, {@code "2026-11-29T03:38:00Z"}, years 2000
 * to 2099 because a date-time group carries two digits of the year. It is shown as a DTG with
 * the reader's local time beside it.
 */
public record DateTimeType() implements FieldType.Ordered {
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2099-12-31T23:59:59Z");
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final String ALLOWED = "a UTC time such as \"2026-11-29T03:38:00Z\", years 2000 to 2099";

    /** An instant; rendered to the minute, as date-time groups are. */
    public record DateTime(Instant instant) implements FieldValue {
        public DateTime {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.textNode(instant.truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    @Override
    public String describe() {
        return "UTC date-time \"YYYY-MM-DDThh:mm:ssZ\"";
    }

    @Override
    public Optional<DateTime> read(String path, JsonNode node, FieldReader in) {
        if (!node.isTextual() || !DATE_TIME.matcher(node.textValue()).matches()) {
            in.error(path, "is " + FieldReader.show(node), ALLOWED);
            return Optional.empty();
        }
        try {
            Instant instant = Instant.parse(node.textValue());
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                in.error(path, "is " + FieldReader.show(node) + ", outside the years a date-time group can name",
                        ALLOWED);
                return Optional.empty();
            }
            return Optional.of(new DateTime(instant));
        } catch (DateTimeParseException e) {
            in.error(path, "is " + FieldReader.show(node) + ", not a real date and time", ALLOWED);
            return Optional.empty();
        }
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        return out.style().dateTime(((DateTime) value).instant(), out.zone());
    }

    @Override
    public Comparator<FieldValue> order() {
        return FieldType.Ordered.by(DateTime.class, DateTime::instant);
    }
}
