package org.macm.encounter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.macm.encounter.TestData;
import org.macm.encounter.ais.AisDecoder;
import org.macm.encounter.ais.AisReport;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;

/**
 * Every message of every AIS corpus decodes: each line of gpsd's and libais's logs is a
 * decoded message, a fragment of one, or a comment, and the few that are not are listed here
 * with the reason, each explained in docs/ENCOUNTER-CONFORMANCE.md.
 */
class CorpusCoverageTest {

    private record Coverage(Map<Integer, Integer> decodedPerType, List<String> rejected, DecodeStats.Snapshot stats) {}

    private static Coverage run(String corpus) throws IOException {
        Path file = TestData.require(corpus);
        AisDecoder decoder = new AisDecoder();
        Map<Integer, Integer> perType = new TreeMap<>();
        List<String> rejected = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            switch (decoder.accept(lines.get(i))) {
                case DecodeResult.Decoded<AisReport>(AisReport r) -> perType.merge(r.message().messageType(), 1, Integer::sum);
                case DecodeResult.Rejected<AisReport>(var reason, var detail) -> rejected.add(
                        file.getFileName() + ":" + (i + 1) + " " + reason + " " + detail);
                case DecodeResult.Pending<AisReport> p -> {
                    // counted when its group completes
                }
                case DecodeResult.Skipped<AisReport> s -> {
                    // a comment
                }
            }
        }
        return new Coverage(perType, rejected, decoder.stats().snapshot());
    }

    @Test
    void gpsdSample_everyMessageOfAll27TypesDecodes_andCommentsAreCountedAsComments() throws IOException {
        Coverage c = run("ais/gpsd/sample.aivdm");
        // gpsd's own test of a fragment whose first part is missing, written without its '!'
        assertThat(c.rejected())
                .containsExactly("sample.aivdm:978 NOT_NMEA not an NMEA sentence: it does not start with '!' or '$'");
        assertThat(c.decodedPerType()).hasSize(27);
        assertThat(c.stats().decoded()).isEqualTo(102);
        assertThat(c.stats().comments()).isEqualTo(1001);
        assertThat(c.stats().rejectedTotal()).isEqualTo(1);
    }

    @Test
    void libaisTestAivdm_everyMessageOfAll27TypesDecodes_exceptLineNoise() throws IOException {
        Coverage c = run("ais/libais/test.aivdm");
        assertThat(c.decodedPerType()).hasSize(27);
        assertThat(c.stats().decoded()).isEqualTo(226);
        // The sections libais's author marked "Likely all junk" (23) and "What is this?" (27,
        // 28): messages shorter than their type's fields, and a type ITU does not define.
        Map<String, Long> noise = c.rejected().stream()
                .collect(Collectors.groupingBy(CorpusCoverageTest::reasonAndType, TreeMap::new, Collectors.counting()));
        assertThat(noise)
                .containsExactly(
                        Map.entry("SHORT_MESSAGE type 23", 4L),
                        Map.entry("SHORT_MESSAGE type 26", 7L),
                        Map.entry("SHORT_MESSAGE type 27", 7L),
                        Map.entry("UNSUPPORTED_TYPE type 28", 17L));
    }

    @Test
    void libaisAndGpsdDaemonCorpora_everyAisMessageDecodes() throws IOException {
        for (String corpus : List.of(
                "ais/libais/typeexamples.nmea", "ais/libais/tagblock.nmea", "ais/gpsd/daemon/ais-raw-messages.log",
                "ais/gpsd/daemon/ais_unpack_sixbit.log")) {
            Coverage c = run(corpus);
            assertThat(c.rejected()).as(corpus).isEmpty();
        }
    }

    /** "REASON type N" of a rejection line "file:line REASON AIS type N ..." or "... message type N ...". */
    private static String reasonAndType(String rejection) {
        List<String> words = List.of(rejection.split(" ", -1));
        for (int i = 2; i < words.size() - 1; i++) {
            if (words.get(i).equals("type")) {
                return words.get(1) + " type " + words.get(i + 1);
            }
        }
        return words.get(1);
    }
}
