package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.feed.ModeSExamples.EVEN;
import static org.macm.station.feed.ModeSExamples.IDENT;
import static org.macm.station.feed.ModeSExamples.ODD;
import static org.macm.station.feed.ModeSExamples.VELOCITY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.testkit.BeastRecords;

/** {@code macm adsb decode}: AVR text and Beast binary told apart by their bytes, bad input counted on stderr. */
class AdsbDecodeCommandTest {
    @TempDir
    Path tmp;

    /** IDENT with one bit of its call sign flipped: the CRC no longer checks. */
    private static final String DAMAGED = "8D4840D6202CC371C32CE1576098";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<JsonNode> objects(String out) throws Exception {
        List<JsonNode> list = new java.util.ArrayList<>();
        for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
            list.add(JSON.readTree(line));
        }
        return list;
    }

    @Test
    void decode_avr_printsOneObjectPerMessage_andCountsWhatDidNotDecode() throws Exception {
        Path f = tmp.resolve("feed.avr");
        Files.writeString(f, "*" + IDENT + ";\n@0000004A5B6C" + ODD + ";\r\n*" + EVEN + ";\n*" + VELOCITY + ";\n*"
                + DAMAGED + ";\nMSG,3,,,4840D6\n");
        CliRun r = CliRun.run("adsb", "decode", f.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> out = objects(r.out());
        assertThat(out).hasSize(4);
        assertThat(out.get(0).get("class").asText()).isEqualTo("ModeS");
        assertThat(out.get(0).get("message").asText()).isEqualTo("AircraftIdentification");
        assertThat(out.get(0).get("icao").asText()).isEqualTo("4840D6");
        assertThat(out.get(0).get("callsign").asText()).isEqualTo("KLM1023");
        assertThat(out.get(1).get("message").asText()).isEqualTo("AirbornePosition");
        assertThat(out.get(1).get("icao").asText()).isEqualTo("40621D");
        assertThat(out.get(1).get("odd").asBoolean()).isTrue();
        assertThat(out.get(2).get("odd").asBoolean()).isFalse();
        assertThat(out.get(3).get("message").asText()).isEqualTo("AirborneVelocity");
        assertThat(out.get(3).get("speedKnots").asDouble()).isCloseTo(159.2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(out.get(3).get("verticalRateFeetPerMinute").asInt()).isEqualTo(-832);
        assertThat(r.err().strip()).isEqualTo("macm adsb decode: 6 lines (AVR), 4 messages, 1 NOT_NMEA, 1 BAD_CRC");
    }

    @Test
    void decode_beast_isToldFromAvrByItsBytes_givesTheSameMessages_andCountsBytesOutsideFrames() throws Exception {
        Path avr = tmp.resolve("feed.avr");
        Files.writeString(avr, "*" + IDENT + ";\n*" + ODD + ";\n*" + EVEN + ";\n*" + VELOCITY + ";\n");
        Path beast = tmp.resolve("capture.bin");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("noise".getBytes(StandardCharsets.US_ASCII));
        for (String frame : List.of(IDENT, ODD, EVEN, VELOCITY)) {
            b.writeBytes(BeastRecords.frame(frame, 0, 0));
        }
        Files.write(beast, b.toByteArray());
        CliRun fromAvr = CliRun.run("adsb", "decode", avr.toString(), "--json");
        CliRun fromBeast = CliRun.run("adsb", "decode", beast.toString(), "--json");
        assertThat(fromBeast.exitCode()).as(fromBeast.err()).isZero();
        assertThat(objects(fromBeast.out())).isEqualTo(objects(fromAvr.out())).hasSize(4);
        assertThat(fromBeast.err().strip())
                .isEqualTo("macm adsb decode: 4 frames (Beast), 4 messages, 5 bytes outside frames");
    }

    @Test
    void decode_standardInput_readsAvr_andPrintsIndentedWithoutJson() {
        CliRun r = CliRun.withInput("*" + IDENT + ";\n", "adsb", "decode", "-");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"callsign\" : \"KLM1023\"");
        assertThat(r.err()).contains("1 lines (AVR), 1 messages");
    }

    @Test
    void decode_missingFile_isAOneLineError() {
        CliRun r = CliRun.run("adsb", "decode", tmp.resolve("none.beast").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).isEqualTo("macm: ADS-B file " + tmp.resolve("none.beast") + " does not exist");
    }

    @Test
    void watchReplay_ofARawModeSFile_isRefused_sayingWhatToDoInstead() throws Exception {
        Path f = tmp.resolve("feed.avr");
        Files.writeString(f, "*" + IDENT + ";\n");
        Path units = tmp.resolve("units.toml");
        Files.writeString(units, "[[unit]]\nside = \"CN\"\nname = \"Y-8Q 9301\"\nkind = \"aircraft\"\nicao24 = \"4840D6\"\n");
        CliRun r = CliRun.run("watch", "--replay", f.toString(), "--units", units.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).isEqualTo("macm: feed file " + f + ": raw Mode S frames carry no date to replay by; "
                + "read it with 'macm adsb decode', or serve it to a station's tcp-server source");
    }
}
