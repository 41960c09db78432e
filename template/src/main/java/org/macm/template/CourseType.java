package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** The {@code course} type: degrees true, {@code 0 <= c < 360}, shown as three whole digits (045). */
public record CourseType() implements FieldType {

    /** Degrees true. */
    public record Course(BigDecimal degrees) implements FieldValue {
        public Course {
            Objects.requireNonNull(degrees, "degrees");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.numberNode(degrees);
        }
    }

    @Override
    public String describe() {
        return "course in degrees true";
    }

    @Override
    public Optional<Course> read(String path, JsonNode node, FieldReader in) {
        return in.number(path, node, BigDecimal.ZERO, BigDecimal.valueOf(360), false,
                "a number of degrees true from 0 to less than 360").map(Course::new);
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        return Numbers.course(((Course) value).degrees()) + out.phrases().degreesTrue();
    }
}
