package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Optional;

/**
 * The {@code altitude} type: whole feet, 0 (the surface) to 100000, grouped by thousands; a
 * language whose aviators work in metres also sees the metric height.
 */
public record AltitudeType() implements FieldType.Ordered {
    private static final long MAX = 100_000;
    private static final BigDecimal METRES_PER_FOOT = new BigDecimal("0.3048");

    /** Whole feet; 0 is the surface. */
    public record Altitude(long feet) implements FieldValue {
        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.numberNode(feet);
        }
    }

    @Override
    public String describe() {
        return "altitude in feet";
    }

    @Override
    public Optional<Altitude> read(String path, JsonNode node, FieldReader in) {
        return in.whole(path, node, 0, MAX, "a whole number of feet from 0 (the surface) to 100000")
                .map(Altitude::new);
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        long feet = ((Altitude) value).feet();
        if (feet == 0) {
            return out.phrases().surface();
        }
        long metres = BigDecimal.valueOf(feet).multiply(METRES_PER_FOOT).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        return out.phrases().altitude(Numbers.grouped(feet), Numbers.grouped(metres));
    }

    @Override
    public Comparator<FieldValue> order() {
        return FieldType.Ordered.by(Altitude.class, Altitude::feet);
    }
}
