package org.macm.encounter.modes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.RejectReason;

/**
 * The committed corpus {@code pymodes/frames.avr} (1,978 AVR lines: recorded frames from
 * pyModeS' test data, synthesized frames for every field form, and damaged copies) checked
 * field by field against {@code expected.jsonl}, which pyModeS 3.3.0 produced once as an
 * oracle (see {@code pymodes/SOURCE.md}). Every frame pyModeS calls CRC-valid and MACM
 * decodes must agree on every field; every frame whose CRC fails must be rejected as
 * BAD_CRC; what MACM does not decode (Comm-B contents, status type codes, DF0/16/24) must be
 * counted as UNSUPPORTED_TYPE. CPR positions are compared for the global pair (the newer
 * half's latitude) and for local decoding against a fixed reference, to 1e-6 degrees.
 */
class PyModeSCorpusTest {
    private static final GeoPoint AIRBORNE_REFERENCE = new GeoPoint(52.0, 4.36);
    private static final GeoPoint SURFACE_REFERENCE = new GeoPoint(51.99, 4.375);
    private static final double DEGREES = 1e-6;

    private final Map<String, Integer> compared = new TreeMap<>();
    private final List<String> differences = new ArrayList<>();

    @Test
    void everyFrameAgreesWithPyModeS_fieldByField() throws IOException {
        List<String> lines = resource("frames.avr");
        List<String> expected = resource("expected.jsonl");
        assertThat(lines).hasSameSizeAs(expected).hasSizeGreaterThan(1900);
        ObjectMapper json = new ObjectMapper();
        ModeSDecoder decoder = new ModeSDecoder(new ModeSDecoderConfig(1024, true));
        Map<Integer, long[]> halves = new HashMap<>();
        int decoded = 0;
        int badCrc = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode row = json.readTree(expected.get(i));
            com.fasterxml.jackson.databind.node.ObjectNode e = (com.fasterxml.jackson.databind.node.ObjectNode) row.get("pymodes");
            e.set("_frame", row.get("frame"));
            String where = "line " + (i + 1) + " " + row.get("frame").asText();
            DecodeResult<ModeSMessage> r = decoder.accept(lines.get(i));
            RejectReason reason = r instanceof DecodeResult.Rejected<ModeSMessage> x ? x.reason() : null;
            if (!e.get("crc_valid").asBoolean()) {
                badCrc++;
                // A DF24/DF31 frame of 56 bits: MACM says what is wrong with it before any CRC.
                check(where, "crc", true, reason == RejectReason.BAD_CRC || reason == RejectReason.SHORT_MESSAGE);
                continue;
            }
            if (e.get("df").asInt() == 11 && reason == RejectReason.BAD_CRC) {
                // pyModeS calls every DF11 CRC-valid; MACM requires the remainder's high 17 bits to be zero.
                check(where, "df11_parity", true, ModeSFrame.ofHex(row.get("frame").asText()).orElseThrow().residual() > 0x7F);
                continue;
            }
            if (r instanceof DecodeResult.Rejected<ModeSMessage> x) {
                check(where, "unsupported", true, unsupported(e) && x.reason() == RejectReason.UNSUPPORTED_TYPE);
                continue;
            }
            decoded++;
            ModeSMessage m = ((DecodeResult.Decoded<ModeSMessage>) r).value();
            check(where, "decodable", false, unsupported(e));
            check(where, "df", e.get("df").asInt(), m.downlinkFormat());
            check(where, "icao", e.get("icao").asText(), m.icaoHex());
            compareFields(where, e, m);
            comparePositions(where, row, m, halves);
        }
        assertThat(decoded).isGreaterThan(1700);
        assertThat(badCrc).isGreaterThan(40);
        assertThat(differences).as("fields compared: %s", compared).isEmpty();
        assertThat(compared.get("pair")).isGreaterThan(400);
    }

    @Test
    void trackAdapter_overTheRecordedFrames_placesEveryPairWherePyModeSDoes() throws IOException {
        List<String> lines = resource("frames.avr");
        List<String> expected = resource("expected.jsonl");
        ObjectMapper json = new ObjectMapper();
        ModeSDecoder decoder = new ModeSDecoder();
        ModeSTrackAdapter adapter = new ModeSTrackAdapter(java.time.Duration.ofSeconds(10), Optional.of(AIRBORNE_REFERENCE));
        int fixes = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode row = json.readTree(expected.get(i));
            if (!row.has("time")) {
                continue;
            }
            java.time.Instant time = java.time.Instant.ofEpochSecond(row.get("time").asLong());
            if (decoder.accept(lines.get(i)) instanceof DecodeResult.Decoded<ModeSMessage> d) {
                Optional<org.macm.encounter.track.TrackEvent> event = adapter.adapt(d.value(), time);
                if (row.has("pair") && event.orElse(null) instanceof org.macm.encounter.track.TrackUpdate u) {
                    fixes++;
                    checkPoint("line " + (i + 1), "adapter", row.get("pair"), Optional.of(u.position()));
                }
            }
        }
        assertThat(fixes).isEqualTo(457);
        assertThat(differences).isEmpty();
    }

    /** What pyModeS decodes but MACM deliberately counts as unsupported. */
    private static boolean unsupported(JsonNode e) {
        int df = e.get("df").asInt();
        if (df == 17 || df == 18) {
            int tc = e.path("typecode").asInt(0);
            boolean anonymous = df == 18 && !List.of(0, 2, 6).contains(controlField(e));
            return anonymous || tc == 0 || tc > 22 || (tc == 19 && (e.path("subtype").asInt(0) < 1 || e.path("subtype").asInt(0) > 4));
        }
        return !List.of(4, 5, 11, 20, 21).contains(df);
    }

    /** DF18's control field: the low three bits of the first byte, which pyModeS does not print. */
    private static int controlField(JsonNode e) {
        return Integer.parseInt(e.get("_frame").asText().substring(0, 2), 16) & 7;
    }

    private void compareFields(String where, JsonNode e, ModeSMessage message) {
        switch (message) {
            case AircraftIdentification m -> {
                check(where, "callsign", text(e, "callsign"), m.callsign());
                check(where, "category", text(e, "category"), m.category());
            }
            case AirbornePosition m -> {
                if (m.altitudeSource() == AltitudeSource.GNSS && e.has("altitude")) {
                    // pyModeS truncates metres x 3.28084; MACM rounds metres / 0.3048: at most 1 ft apart.
                    check(where, "gnss_altitude", true, Math.abs(e.get("altitude").asInt() - m.altitudeFeet().orElse(-9999)) <= 1);
                } else {
                    check(where, "altitude", optInt(e, "altitude"), m.altitudeFeet());
                }
                check(where, "cpr", e.get("cpr_format").asInt() + "/" + e.get("cpr_lat").asInt() + "/" + e.get("cpr_lon").asInt(),
                        (m.odd() ? 1 : 0) + "/" + m.cprLatitude() + "/" + m.cprLongitude());
                check(where, "surveillance_status", optInt(e, "surveillance_status"), OptionalInt.of(m.surveillanceStatus()));
            }
            case SurfacePosition m -> {
                check(where, "groundspeed", optDouble(e, "groundspeed"), m.groundSpeedKnots());
                check(where, "track", optDouble(e, "track"), m.trackDegrees());
                check(where, "cpr", e.get("cpr_format").asInt() + "/" + e.get("cpr_lat").asInt() + "/" + e.get("cpr_lon").asInt(),
                        (m.odd() ? 1 : 0) + "/" + m.cprLatitude() + "/" + m.cprLongitude());
            }
            case AirborneVelocity m -> {
                if (m.speedKind() == SpeedKind.GROUND) {
                    // pyModeS truncates the ground speed to whole knots (Python int()); MACM keeps the exact vector length.
                    check(where, "groundspeed", optInt(e, "groundspeed"), truncate(m.speedKnots()));
                    check(where, "track", optDouble(e, "track"), m.directionDegrees());
                } else {
                    check(where, "airspeed", optInt(e, "airspeed"), round(m.speedKnots()));
                    check(where, "airspeed_type", text(e, "airspeed_type"),
                            m.speedKind() == SpeedKind.TRUE_AIRSPEED ? "TAS" : "IAS");
                    check(where, "heading", optDouble(e, "heading"), m.directionDegrees());
                }
                check(where, "vertical_rate", optInt(e, "vertical_rate"), m.verticalRateFeetPerMinute());
                check(where, "vr_source", text(e, "vr_source"),
                        m.verticalRateSource() == AltitudeSource.GNSS ? "GNSS" : "BARO");
                check(where, "geo_minus_baro", optInt(e, "geo_minus_baro"), m.gnssMinusBaroFeet());
            }
            case AltitudeReply m -> {
                check(where, "altitude", optInt(e, "altitude"), m.altitudeFeet());
                if (e.has("flight_status")) { // pyModeS prints it for DF4/5, not for DF20/21
                    check(where, "flight_status", optInt(e, "flight_status"), OptionalInt.of(m.flightStatus()));
                }
            }
            case IdentityReply m -> {
                check(where, "squawk", text(e, "squawk"), m.squawk());
                if (e.has("flight_status")) { // pyModeS prints it for DF4/5, not for DF20/21
                    check(where, "flight_status", optInt(e, "flight_status"), OptionalInt.of(m.flightStatus()));
                }
            }
            case AllCallReply m -> check(where, "capability", optInt(e, "capability"), OptionalInt.of(m.capability()));
        }
    }

    private void comparePositions(String where, JsonNode row, ModeSMessage message, Map<Integer, long[]> halves) {
        boolean surface = message instanceof SurfacePosition;
        int lat;
        int lon;
        boolean odd;
        if (message instanceof AirbornePosition m) {
            lat = m.cprLatitude();
            lon = m.cprLongitude();
            odd = m.odd();
        } else if (message instanceof SurfacePosition m) {
            lat = m.cprLatitude();
            lon = m.cprLongitude();
            odd = m.odd();
        } else {
            return;
        }
        if (row.has("local")) {
            Optional<GeoPoint> p = surface ? Cpr.surfaceLocal(lat, lon, odd, SURFACE_REFERENCE)
                    : Cpr.airborneLocal(lat, lon, odd, AIRBORNE_REFERENCE);
            checkPoint(where, "local", row.get("local"), p);
        }
        if (row.has("time") && !surface) {
            long t = row.get("time").asLong();
            long[] h = halves.computeIfAbsent(message.icao24(), k -> new long[] {Long.MIN_VALUE, 0, 0, Long.MIN_VALUE, 0, 0});
            int at = odd ? 3 : 0;
            h[at] = t;
            h[at + 1] = lat;
            h[at + 2] = lon;
            int other = odd ? 0 : 3;
            if (h[other] != Long.MIN_VALUE && Math.abs(t - h[other]) <= 10) {
                Optional<GeoPoint> p = Cpr.airborneGlobal((int) h[1], (int) h[2], (int) h[4], (int) h[5], odd);
                checkPoint(where, "pair", row.get("pair"), p);
            }
        }
    }

    private void checkPoint(String where, String field, JsonNode expected, Optional<GeoPoint> actual) {
        if (expected == null || expected.isNull()) {
            check(where, field, Optional.empty(), actual);
            return;
        }
        boolean same = actual.isPresent()
                && Math.abs(actual.get().latitude() - expected.get(0).asDouble()) < DEGREES
                && Math.abs(actual.get().longitude() - expected.get(1).asDouble()) < DEGREES;
        check(where, field, expected.toString(), same ? expected.toString() : actual.toString());
    }

    private void check(String where, String field, Object expected, Object actual) {
        compared.merge(field, 1, Integer::sum);
        boolean same;
        if (expected instanceof OptionalDouble a && actual instanceof OptionalDouble b) {
            same = a.isPresent() == b.isPresent() && (a.isEmpty() || Math.abs(a.getAsDouble() - b.getAsDouble()) < 1e-6);
        } else {
            same = java.util.Objects.equals(expected, actual);
        }
        if (!same) {
            differences.add(where + ": " + field + " pyModeS " + expected + ", MACM " + actual);
        }
    }

    private static String text(JsonNode e, String key) {
        return e.has(key) ? e.get(key).asText() : "(absent)";
    }

    private static OptionalInt optInt(JsonNode e, String key) {
        return e.has(key) ? OptionalInt.of(e.get(key).asInt()) : OptionalInt.empty();
    }

    private static OptionalDouble optDouble(JsonNode e, String key) {
        return e.has(key) ? OptionalDouble.of(e.get(key).asDouble()) : OptionalDouble.empty();
    }

    private static OptionalInt round(OptionalDouble d) {
        return d.isPresent() ? OptionalInt.of((int) Math.round(d.getAsDouble())) : OptionalInt.empty();
    }

    private static OptionalInt truncate(OptionalDouble d) {
        return d.isPresent() ? OptionalInt.of((int) d.getAsDouble()) : OptionalInt.empty();
    }

    private List<String> resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("pymodes/" + name)) {
            assertThat(in).as("test resource pymodes/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
