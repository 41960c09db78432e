package org.macm.station.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.macm.encounter.ais.AisDecoder;
import org.macm.encounter.ais.AisReport;
import org.macm.encounter.ais.ClassAPositionReport;
import org.macm.encounter.ais.StaticVoyageData;
import org.macm.encounter.decode.DecodeResult;

/** What the scenario generator writes, the decoder reads back exactly. */
class AisEncoderTest {
    private final AisEncoder encoder = new AisEncoder();
    private final AisDecoder decoder = new AisDecoder();
    private static final Instant T = Instant.parse("2026-11-29T03:38:17Z");

    private AisReport decodeAll(List<String> lines) {
        AisReport report = null;
        for (String line : lines) {
            DecodeResult<AisReport> r = decoder.accept(line);
            if (r instanceof DecodeResult.Decoded<AisReport> d) {
                report = d.value();
            } else {
                assertThat(r).as(line).isInstanceOf(DecodeResult.Pending.class);
            }
        }
        assertThat(report).isNotNull();
        return report;
    }

    @Test
    void positionReport_roundTripsThroughTheDecoder_includingWesternAndSouthernCoordinates() {
        for (double[] p : new double[][] {{29.81, 125.29}, {-33.86, -151.21}, {0, 179.99}}) {
            AisReport r = decodeAll(encoder.position(T, 412000101, p[0], p[1], 18.3, 45.5, 46));
            ClassAPositionReport m = (ClassAPositionReport) r.message();
            assertThat(m.mmsi()).isEqualTo(412000101);
            assertThat(m.position().orElseThrow().latitude()).isCloseTo(p[0], org.assertj.core.data.Offset.offset(1e-5));
            assertThat(m.position().orElseThrow().longitude()).isCloseTo(p[1], org.assertj.core.data.Offset.offset(1e-5));
            assertThat(m.speedKnots().getAsDouble()).isEqualTo(18.3);
            assertThat(m.courseDegrees().getAsDouble()).isEqualTo(45.5);
            assertThat(m.headingDegrees().getAsInt()).isEqualTo(46);
            assertThat(r.receivedAt()).contains(T);
        }
    }

    @Test
    void staticData_spansTwoSentences_andRoundTrips() {
        List<String> lines = encoder.staticData(T, 431999104, "KIRISAME", "JSKS", 35, 151, 17);
        assertThat(lines).hasSize(2);
        StaticVoyageData m = (StaticVoyageData) decodeAll(lines).message();
        assertThat(m.toString()).contains("KIRISAME").contains("JSKS");
    }
}
