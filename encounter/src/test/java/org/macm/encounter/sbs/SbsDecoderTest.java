package org.macm.encounter.sbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.TestData;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.RejectReason;

class SbsDecoderTest {
    private final SbsDecoder decoder = new SbsDecoder();

    private SbsMessage decoded(String line) {
        DecodeResult<SbsMessage> r = decoder.accept(line);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded<SbsMessage>) r).value();
    }

    private RejectReason rejected(String line) {
        DecodeResult<SbsMessage> r = decoder.accept(line);
        assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
        return ((DecodeResult.Rejected<SbsMessage>) r).reason();
    }

    @Test
    void decode_airbornePosition_givesAltitudeAndPosition() {
        SbsMessage m = decoded("MSG,3,,,4B1908,,,,,,,2525,,,33.96693,-118.25598,,,0,0,0,0");
        assertThat(m.transmission()).isEqualTo(SbsTransmission.ES_AIRBORNE_POSITION);
        assertThat(m.icaoHex()).isEqualTo("4B1908");
        assertThat(m.altitudeFeet()).hasValue(2525);
        assertThat(m.position()).contains(new GeoPoint(33.96693, -118.25598));
        assertThat(m.groundSpeedKnots()).isEmpty();
        assertThat(m.onGround()).contains(false);
    }

    @Test
    void decode_velocityAndIdentity_emptyFieldsAreAbsent() {
        SbsMessage v = decoded("MSG,4,,,76CCE2,,,,,,,,298,96,,,-128,,0,0,0,0");
        assertThat(v.groundSpeedKnots()).hasValue(298.0);
        assertThat(v.trackDegrees()).hasValue(96.0);
        assertThat(v.verticalRateFeetPerMinute()).hasValue(-128);
        assertThat(v.altitudeFeet()).isEmpty();
        SbsMessage id = decoded("MSG,1,,,4B1908,,,,,,SWR40   ,,,,,,,,0,0,0,0");
        assertThat(id.callsign()).contains("SWR40");
        SbsMessage squawk = decoded("MSG,6,1,1,A92D10,1,2013/05/23,12:34:56.789,2013/05/23,12:34:56.790,,,,,,,,4622,-1,0,0,0");
        assertThat(squawk.squawk()).contains("4622");
        assertThat(squawk.squawkChanged()).contains(true);
        assertThat(squawk.generatedAt()).contains(Instant.parse("2013-05-23T12:34:56.789Z"));
        SbsMessage bare = decoded("MSG,8,,,A8BCF0,,,,,,,,,,,,,,,,,");
        assertThat(bare.onGround()).isEmpty();
    }

    @Test
    void decode_badLines_areRejectedPerReason() {
        assertThat(rejected("")).isEqualTo(RejectReason.EMPTY);
        assertThat(rejected("garbage")).isEqualTo(RejectReason.NOT_NMEA);
        assertThat(rejected("STA,,5,179,400AE7,10103,2008/11/28,14:58:51.153,2008/11/28,14:58:51.153,RM")).isEqualTo(RejectReason.UNSUPPORTED_TYPE);
        assertThat(rejected("MSG,3,,,4B1908,,,,,,,2525,,,33.96")).isEqualTo(RejectReason.TRUNCATED);
        assertThat(rejected("MSG,9,,,4B1908,,,,,,,2525,,,33.96693,-118.25598,,,0,0,0,0")).isEqualTo(RejectReason.BAD_FIELD);
        assertThat(rejected("MSG,3,,,4B19G8,,,,,,,2525,,,33.96693,-118.25598,,,0,0,0,0")).isEqualTo(RejectReason.BAD_FIELD);
        assertThat(rejected("MSG,3,,,4B1908,,,,,,,25x5,,,33.96693,-118.25598,,,0,0,0,0")).isEqualTo(RejectReason.BAD_FIELD);
        assertThat(rejected("MSG,3,,,4B1908,,,,,,,2525,,,33.96693,,,,0,0,0,0")).isEqualTo(RejectReason.BAD_FIELD);
        assertThat(rejected("MSG,6,,,4B1908,,,,,,,,,,,,,7800,0,0,0,0")).isEqualTo(RejectReason.BAD_FIELD);
        assertThat(rejected("MSG,3,,,4B1908,,,,,,,2525,,,33.96693,-118.25598,,,0,0,0,0,extra")).isEqualTo(RejectReason.BAD_FIELD);
        assertThat(decoder.stats().snapshot().rejectedTotal()).isEqualTo(10);
    }

    @Test
    void decode_outOfRangePosition_isAbsentAndCounted() {
        SbsMessage m = decoded("MSG,3,,,4B1908,,,,,,,2525,,,95.0,-118.25598,,,0,0,0,0");
        assertThat(m.position()).isEmpty();
        assertThat(decoder.stats().snapshot().outOfRange()).isEqualTo(1);
    }

    /** node-sbs1's real dump1090 capture: every line decodes, with the counts its SOURCE.txt states. */
    @Test
    void corpus_nodeSbs1Capture_decodesEveryLine() throws IOException {
        Map<SbsTransmission, Integer> perType = new EnumMap<>(SbsTransmission.class);
        Set<Integer> aircraft = new HashSet<>();
        int positions = 0;
        for (String line : Files.readAllLines(TestData.require("adsb/node-sbs1/msgs.txt"), StandardCharsets.UTF_8)) {
            SbsMessage m = decoded(line);
            perType.merge(m.transmission(), 1, Integer::sum);
            aircraft.add(m.icao24());
            if (m.position().isPresent()) {
                positions++;
                GeoPoint p = m.position().get();
                assertThat(p.latitude()).isBetween(33.0, 35.0);
                assertThat(p.longitude()).isBetween(-119.5, -117.5);
            }
        }
        System.out.println("node-sbs1 msgs.txt: " + perType + ", " + aircraft.size() + " aircraft, " + positions + " positions, " + decoder.stats().snapshot());
        assertThat(decoder.stats().snapshot().rejectedTotal()).isZero();
        assertThat(perType).containsExactlyInAnyOrderEntriesOf(Map.of(
                SbsTransmission.ES_IDENTIFICATION, 5,
                SbsTransmission.ES_AIRBORNE_POSITION, 74,
                SbsTransmission.ES_AIRBORNE_VELOCITY, 67,
                SbsTransmission.SURVEILLANCE_ALTITUDE, 3347,
                SbsTransmission.SURVEILLANCE_IDENTITY, 19,
                SbsTransmission.ALL_CALL_REPLY, 672));
        assertThat(aircraft).hasSize(24);
        assertThat(positions).isEqualTo(74);
    }
}
