package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** The {@code distance} type: nautical miles, 0 to 5000, shown to at most one decimal. */
public record DistanceType() implements FieldType.Ordered {
    static final BigDecimal MAX = BigDecimal.valueOf(5000);

    /** Nautical miles. */
    public record Distance(BigDecimal nauticalMiles) implements FieldValue {
        public Distance {
            Objects.requireNonNull(nauticalMiles, "nauticalMiles");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.numberNode(nauticalMiles);
        }
    }

    @Override
    public String describe() {
        return "distance in nautical miles";
    }

    @Override
    public Optional<Distance> read(String path, JsonNode node, FieldReader in) {
        return in.number(path, node, BigDecimal.ZERO, MAX, true, "a number of nautical miles from 0 to 5000")
                .map(Distance::new);
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        return out.style().distance(((Distance) value).nauticalMiles());
    }

    @Override
    public Comparator<FieldValue> order() {
        return FieldType.Ordered.by(Distance.class, Distance::nauticalMiles);
    }
}
