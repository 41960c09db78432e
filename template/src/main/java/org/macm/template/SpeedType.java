package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** The {@code speed} type: knots, 0 to 2000, shown to at most one decimal. */
public record SpeedType() implements FieldType.Ordered {
    private static final BigDecimal MAX = BigDecimal.valueOf(2000);

    /** Knots. */
    public record Speed(BigDecimal knots) implements FieldValue {
        public Speed {
            Objects.requireNonNull(knots, "knots");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.numberNode(knots);
        }
    }

    @Override
    public String describe() {
        return "speed in knots";
    }

    @Override
    public Optional<Speed> read(String path, JsonNode node, FieldReader in) {
        return in.number(path, node, BigDecimal.ZERO, MAX, true, "a number of knots from 0 to 2000")
                .map(Speed::new);
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        return Numbers.decimal(((Speed) value).knots(), 1) + out.phrases().knots();
    }

    @Override
    public Comparator<FieldValue> order() {
        return FieldType.Ordered.by(Speed.class, Speed::knots);
    }
}
