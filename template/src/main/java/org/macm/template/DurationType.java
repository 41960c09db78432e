package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code duration} type: a positive ISO 8601 duration of whole seconds, at most 366 days,
 * {@code "PT2H30M"}; shown as its non-zero days, hours, minutes and seconds.
 */
public record DurationType() implements FieldType.Ordered {
    private static final Duration LONGEST = Duration.ofDays(366);
    private static final String ALLOWED = "an ISO 8601 duration of whole seconds, more than zero and at most "
            + "366 days, such as \"PT2H30M\" or \"P3DT12H\"";

    /** A positive duration. */
    public record Span(Duration duration) implements FieldValue {
        public Span {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.textNode(duration.toString());
        }
    }

    @Override
    public String describe() {
        return "ISO 8601 duration such as \"PT2H\"";
    }

    @Override
    public Optional<Span> read(String path, JsonNode node, FieldReader in) {
        if (!node.isTextual()) {
            in.error(path, "is " + FieldReader.show(node), ALLOWED);
            return Optional.empty();
        }
        Duration d;
        try {
            d = Duration.parse(node.textValue());
        } catch (DateTimeException | ArithmeticException e) {
            in.error(path, "is " + FieldReader.show(node), ALLOWED);
            return Optional.empty();
        }
        if (d.isNegative() || d.isZero() || d.toNanosPart() != 0 || d.compareTo(LONGEST) > 0) {
            in.error(path, "is " + FieldReader.show(node), ALLOWED);
            return Optional.empty();
        }
        return Optional.of(new Span(d));
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        return out.style().duration(((Span) value).duration());
    }

    @Override
    public Comparator<FieldValue> order() {
        return FieldType.Ordered.by(Span.class, Span::duration);
    }
}
