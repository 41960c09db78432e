package org.macm.encounter.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.RejectReason;

class JsonTrackDecoderTest {
    private static final String VESSEL = "{\"id\":\"431000123\",\"kind\":\"vessel\",\"time\":\"2026-04-01T02:03:04Z\","
            + "\"lat\":30.1234,\"lon\":125.5678,\"course\":87.5,\"speed\":12.3,\"heading\":88,\"name\":\"KAIYO MARU\",\"side\":\"JP\"}";
    private static final String AIRCRAFT = "{\"id\":\"780A3F\",\"kind\":\"aircraft\",\"time\":\"2026-04-01T02:03:05.250Z\","
            + "\"lat\":30.5,\"lon\":126.0,\"course\":270,\"speed\":420,\"altitude\":25000}";

    private final JsonTrackDecoder decoder = new JsonTrackDecoder();

    private DecodeResult.Rejected<JsonTrack> rejected(String line) {
        DecodeResult<JsonTrack> r = decoder.accept(line);
        assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
        return (DecodeResult.Rejected<JsonTrack>) r;
    }

    @Test
    void decode_vesselAndAircraft_giveEveryField() {
        JsonTrack v = ((DecodeResult.Decoded<JsonTrack>) decoder.accept(VESSEL)).value();
        assertThat(v.kind()).isEqualTo(UnitKind.VESSEL);
        assertThat(v.position()).isEqualTo(new GeoPoint(30.1234, 125.5678));
        assertThat(v.headingDegrees()).hasValue(88);
        assertThat(v.side()).contains("JP");
        assertThat(v.altitudeFeet()).isEmpty();
        JsonTrack a = ((DecodeResult.Decoded<JsonTrack>) decoder.accept(AIRCRAFT)).value();
        assertThat(a.altitudeFeet()).hasValue(25000);
        assertThat(a.time()).isEqualTo(Instant.parse("2026-04-01T02:03:05.250Z"));
        assertThat(decoder.stats().snapshot().decoded()).isEqualTo(2);
    }

    @Test
    void decode_schemaViolations_nameTheField() {
        assertThat(rejected(VESSEL.replace("\"lat\":30.1234", "\"lat\":95")).detail())
                .isEqualTo("field 'lat': must be in [-90, 90], got 95");
        assertThat(rejected(VESSEL.replace("\"speed\":12.3", "\"speed\":\"12\"")).detail())
                .isEqualTo("field 'speed': must be a number, got STRING");
        DecodeResult.Rejected<JsonTrack> missing = rejected(VESSEL.replace("\"course\":87.5,", ""));
        assertThat(missing.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(missing.detail()).isEqualTo("field 'course': required");
        assertThat(rejected(VESSEL.replace("\"side\"", "\"colour\"")).reason()).isEqualTo(RejectReason.UNKNOWN_FIELD);
        assertThat(rejected(AIRCRAFT.replace(",\"altitude\":25000", "")).detail()).isEqualTo("field 'altitude': required for an aircraft");
        assertThat(rejected(VESSEL.replace("\"kind\":\"vessel\"", "\"kind\":\"submarine\"")).reason()).isEqualTo(RejectReason.BAD_FIELD);
        assertThat(rejected(VESSEL.replace("02:03:04Z", "02:03:04+09:00")).reason()).isEqualTo(RejectReason.BAD_FIELD);
        assertThat(rejected(VESSEL.replace("\"course\":87.5", "\"course\":360")).reason()).isEqualTo(RejectReason.BAD_FIELD);
        assertThat(rejected(VESSEL.replace("{", "{\"id\":\"x\",")).reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(rejected(VESSEL + " {}").reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(rejected("[1,2]").reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(rejected("{\"id\":").reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(rejected("  ").reason()).isEqualTo(RejectReason.EMPTY);
        assertThat(decoder.stats().snapshot().rejectedTotal()).isEqualTo(13);
    }
}
