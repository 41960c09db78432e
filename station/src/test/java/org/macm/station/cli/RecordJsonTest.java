package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * RecordJson reads every component through an accessor adapted to its declared type; each
 * kind of component must still come out as before: numbers as numbers, absent optionals
 * left out, enums by name, instants in ISO-8601, nested records as objects, in order.
 */
class RecordJsonTest {
    enum Light { RED, GREEN }

    public record Inner(double latitude, double longitude) {
    }

    public record Every(int i, long l, double d, boolean b, String s, OptionalInt oi, OptionalLong ol, OptionalDouble od,
            Optional<Inner> inner, Light light, Instant at, float f) {
    }

    private static String json(Record r, String omit) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            new RecordJson().writeFields(g, r, omit);
            g.writeEndObject();
        }
        return out.toString();
    }

    @Test
    void everyKindOfComponent_isWrittenInOrder_absentOptionalsLeftOut() throws IOException {
        Every present = new Every(7, 1L << 40, 2.5, true, "ANNA", OptionalInt.of(3), OptionalLong.of(4), OptionalDouble.of(0.25),
                Optional.of(new Inner(35.5, 139.75)), Light.GREEN, Instant.parse("2026-11-30T21:00:00Z"), 1.5f);
        assertThat(json(present, null)).isEqualTo("{\"i\":7,\"l\":1099511627776,\"d\":2.5,\"b\":true,\"s\":\"ANNA\",\"oi\":3,"
                + "\"ol\":4,\"od\":0.25,\"inner\":{\"latitude\":35.5,\"longitude\":139.75},\"light\":\"GREEN\","
                + "\"at\":\"2026-11-30T21:00:00Z\",\"f\":1.5}");
        Every absent = new Every(-1, 0, -0.5, false, "", OptionalInt.empty(), OptionalLong.empty(), OptionalDouble.empty(),
                Optional.empty(), Light.RED, Instant.EPOCH, 0f);
        assertThat(json(absent, null)).isEqualTo("{\"i\":-1,\"l\":0,\"d\":-0.5,\"b\":false,\"s\":\"\",\"light\":\"RED\","
                + "\"at\":\"1970-01-01T00:00:00Z\",\"f\":0.0}");
    }

    public sealed interface Shape {
        record Circle(int radius) implements Shape {
        }

        record Polygon(List<Inner> corners) implements Shape {
        }
    }

    public record Notice(List<Shape> areas) {
    }

    @Test
    void lists_areArrays_andEachOfASealedSetOfRecords_namesItself() throws IOException {
        Notice n = new Notice(List.of(new Shape.Circle(5), new Shape.Polygon(List.of(new Inner(1, 2), new Inner(3, 4)))));
        assertThat(json(n, null)).isEqualTo("{\"areas\":[{\"record\":\"Circle\",\"radius\":5},"
                + "{\"record\":\"Polygon\",\"corners\":[{\"latitude\":1.0,\"longitude\":2.0},"
                + "{\"latitude\":3.0,\"longitude\":4.0}]}]}");
    }

    @Test
    void theOmittedComponent_isNotWritten() throws IOException {
        assertThat(json(new Inner(1, 2), "latitude")).isEqualTo("{\"longitude\":2.0}");
    }
}
