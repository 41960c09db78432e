package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AisDecodeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void decode_json_printsOneObjectPerMessage_withUnavailableFieldsLeftOut() throws Exception {
        Path f = tmp.resolve("a.nmea");
        // gpsd's sample: two type 1 reports, the second with heading 511 (not available).
        Files.writeString(f, "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42\n");
        CliRun r = CliRun.run("ais", "decode", f.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = JsonMapper.builder().build().readTree(lines.get(0));
        JsonNode second = JsonMapper.builder().build().readTree(lines.get(1));
        assertThat(first.get("type").asInt()).isEqualTo(1);
        assertThat(first.get("mmsi").asInt()).isEqualTo(371798000);
        assertThat(first.get("headingDegrees").asInt()).isEqualTo(215);
        assertThat(second.get("mmsi").asInt()).isEqualTo(440348000);
        assertThat(second.has("headingDegrees")).as("heading not available is left out, not written as 511").isFalse();
        assertThat(r.err()).contains("2 lines, 2 messages");
    }

    @Test
    void decode_countsCommentLinesAsComments_notAsLinesThatAreNoNmea() throws Exception {
        Path f = tmp.resolve("commented.nmea");
        Files.writeString(f, """
                # gpsd's sample files describe each sentence on the line before it
                # a type 1 report:
                !AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A
                """);
        CliRun r = CliRun.run("ais", "decode", f.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(1);
        assertThat(r.err().strip()).isEqualTo("macm ais decode: 3 lines, 1 messages, 2 comments");
    }

    @Test
    void decode_json_namesEveryObjectsType_rightAfterClass_andNeverRepeatsItAsMessageType() throws Exception {
        Path f = tmp.resolve("types.nmea");
        // from gpsd's sample.aivdm: types 1, 2, 3, 4, 5 (two fragments), 12 and 14
        Files.writeString(f, """
                !AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A
                !AIVDM,1,1,,B,25Cjtd0Oj;Jp7ilG7=UkKBoB0<06,0*60
                !AIVDM,1,1,,A,38Id705000rRVJhE7cl9n;160000,0*40
                !AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0*4D
                !AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C
                !AIVDM,2,2,1,A,88888888880,2*25
                !AIVDM,1,1,,A,<02:oP0kKcv0@<51C5PB5@?BDPD?P:?2?EB7PDB16693P381>>5<PikP,0*37
                !AIVDM,1,1,,A,>5?Per18=HB1U:1@E=B0m<L,2*51
                """);
        CliRun r = CliRun.run("ais", "decode", f.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Integer> types = new java.util.ArrayList<>();
        for (String line : r.out().lines().toList()) {
            JsonNode o = JsonMapper.builder().build().readTree(line);
            List<String> names = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            assertThat(names.subList(0, 2)).as(line).containsExactly("class", "type");
            assertThat(names).as(line).doesNotContain("messageType");
            types.add(o.get("type").asInt());
        }
        assertThat(types).containsExactly(1, 2, 3, 4, 5, 12, 14);
    }

    @Test
    void decode_json_aFileOfManyBatches_keepsEveryMessageInTheOrderRead() throws Exception {
        // decoding and writing run on two threads, in batches of 512: 1,300 messages cross three
        org.macm.station.demo.AisEncoder encoder = new org.macm.station.demo.AisEncoder();
        java.time.Instant t = java.time.Instant.parse("2026-11-30T21:00:00Z");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 1300; i++) {
            for (String line : encoder.position(t, 200_000_000 + i, 30, 130, 10, 90, 90)) {
                file.append(line).append('\n');
            }
        }
        Path f = tmp.resolve("many.nmea");
        Files.writeString(f, file);
        CliRun r = CliRun.run("ais", "decode", f.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Integer> mmsis = new java.util.ArrayList<>();
        for (String line : r.out().lines().toList()) {
            mmsis.add(JsonMapper.builder().build().readTree(line).get("mmsi").asInt());
        }
        assertThat(mmsis).hasSize(1300);
        for (int i = 0; i < mmsis.size(); i++) {
            assertThat(mmsis.get(i)).as("message %d", i).isEqualTo(200_000_000 + i);
        }
        assertThat(r.err()).contains("1300 lines, 1300 messages");
    }

    @Test
    void decode_garbageAndBinary_isCountedByReason_neverFatal() throws Exception {
        Path f = tmp.resolve("junk.bin");
        byte[] junk = new byte[4096];
        new java.util.Random(3).nextBytes(junk);
        Files.write(f, junk);
        Files.writeString(f, "\n!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B\nhello\n", StandardCharsets.US_ASCII,
                java.nio.file.StandardOpenOption.APPEND);
        CliRun r = CliRun.run("ais", "decode", f.toString(), "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isBlank();
        assertThat(r.err()).contains("0 messages").contains("BAD_CHECKSUM").contains("NOT_NMEA");
    }

    @Test
    void decode_missingFile_isAOneLineError() {
        CliRun r = CliRun.run("ais", "decode", tmp.resolve("none.nmea").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).isEqualTo("macm: AIS file " + tmp.resolve("none.nmea") + " does not exist");
    }
}
