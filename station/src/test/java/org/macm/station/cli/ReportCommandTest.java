package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.traffic.ReadinessScenario;

/**
 * {@code macm report} on the exports of {@link ReadinessScenario}'s logs: the canonical JSON of
 * docs/PROTOCOL.md §16 to the byte, whichever station's copies are given and in whichever order;
 * a person's text; a period; and an export that does not verify is refused with the verifier's reason.
 */
class ReportCommandTest {
    /** The scenario's report, worked out by hand (see ReadinessScenario); heads are those of its signed logs. */
    private static final String EXPECTED_WITHOUT_LOGS = "\"period\":null,\"asOf\":\"2026-11-30T04:00:00.000Z\","
            + "\"directions\":["
            + "{\"from\":\"cn-mnd\",\"to\":\"jp-mod\",\"precedences\":["
            + "{\"precedence\":\"FLASH\",\"messages\":0," + none("toReceipt") + "," + none("toAck") + ",\"missed\":0},"
            + "{\"precedence\":\"IMMEDIATE\",\"messages\":0," + none("toReceipt") + "," + none("toAck") + ",\"missed\":0},"
            + "{\"precedence\":\"PRIORITY\",\"messages\":0," + none("toReceipt") + "," + none("toAck") + ",\"missed\":0},"
            + "{\"precedence\":\"ROUTINE\",\"messages\":1,"
            + "\"toReceipt\":{\"count\":1,\"median\":3000,\"p95\":3000,\"max\":3000},"
            + "\"toAck\":{\"count\":1,\"median\":3600000,\"p95\":3600000,\"max\":3600000},\"missed\":0}],"
            + "\"tests\":{\"sent\":1,\"answered\":1,\"missed\":0,\"longestUntested\":"
            + "{\"from\":\"2026-11-30T00:00:00.000Z\",\"to\":\"2026-11-30T04:00:00.000Z\",\"ms\":14400000}},"
            + "\"officers\":[{\"officer\":\"Lt Sato\",\"acks\":1,"
            + "\"toAck\":{\"count\":1,\"median\":3600000,\"p95\":3600000,\"max\":3600000},\"missed\":0}]},"
            + "{\"from\":\"jp-mod\",\"to\":\"cn-mnd\",\"precedences\":["
            + "{\"precedence\":\"FLASH\",\"messages\":3,"
            + "\"toReceipt\":{\"count\":3,\"median\":2000,\"p95\":4000,\"max\":4000},"
            + "\"toAck\":{\"count\":3,\"median\":360000,\"p95\":420000,\"max\":420000},\"missed\":1},"
            + "{\"precedence\":\"IMMEDIATE\",\"messages\":1,"
            + "\"toReceipt\":{\"count\":1,\"median\":5000,\"p95\":5000,\"max\":5000}," + none("toAck") + ",\"missed\":1},"
            + "{\"precedence\":\"PRIORITY\",\"messages\":1,"
            + "\"toReceipt\":{\"count\":1,\"median\":1800000,\"p95\":1800000,\"max\":1800000}," + none("toAck") + ",\"missed\":0},"
            + "{\"precedence\":\"ROUTINE\",\"messages\":0," + none("toReceipt") + "," + none("toAck") + ",\"missed\":0}],"
            + "\"tests\":{\"sent\":2,\"answered\":1,\"missed\":1,\"longestUntested\":"
            + "{\"from\":\"2026-11-30T00:46:02.000Z\",\"to\":\"2026-11-30T04:00:00.000Z\",\"ms\":11638000}},"
            + "\"officers\":["
            + "{\"officer\":\"Lt Li\",\"acks\":1,\"toAck\":{\"count\":1,\"median\":360000,\"p95\":360000,\"max\":360000},\"missed\":0},"
            + "{\"officer\":\"Lt Wang\",\"acks\":2,\"toAck\":{\"count\":2,\"median\":60000,\"p95\":420000,\"max\":420000},\"missed\":1}"
            + "]}]}\n";

    @TempDir
    Path tmp;

    private StationPair pair;
    private Path jpOwn;
    private Path cnOwn;
    private Path cnAtJp;
    private Path jpAtCn;

    private static String none(String key) {
        return "\"" + key + "\":{\"count\":0,\"median\":null,\"p95\":null,\"max\":null}";
    }

    @BeforeEach
    void exportTheScenarioFromBothStations() {
        try (ReadinessScenario s = ReadinessScenario.write(tmp)) {
            pair = s.pair();
        }
        jpOwn = export(pair.jp(), "cn-mnd", "jp-mod", "jp-mod.jsonl");
        cnOwn = export(pair.cn(), "jp-mod", "cn-mnd", "cn-mnd.jsonl");
        cnAtJp = export(pair.jp(), "cn-mnd", "cn-mnd", "cn-mnd.held-by-jp-mod.jsonl");
        jpAtCn = export(pair.cn(), "jp-mod", "jp-mod", "jp-mod.held-by-cn-mnd.jsonl");
    }

    private Path export(StationLayout at, String link, String author, String name) {
        Path out = tmp.resolve(name);
        CliRun r = CliRun.run("export", "--dir", at.dir().toString(), "--link", link, "--author", author, "--out",
                out.toString());
        assertThat(r.exitCode()).as("macm export: %s", r).isZero();
        return out;
    }

    private CliRun report(Path a, Path b, String... more) {
        List<String> args = new ArrayList<>(List.of("report", a.toString(), b.toString(),
                "--key", pair.jp().identity().toString(), "--key", pair.cn().identity().toString()));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void json_isTheHandWorkedReport_toTheByte_fromEitherStationsExports_inEitherOrder() throws Exception {
        CliRun first = report(jpOwn, cnOwn, "--json");
        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(first.out()).startsWith("{\"format\":\"macm-readiness-1\",\"link\":\"cn-mnd~jp-mod\",\"logs\":[{\"author\":\"cn-mnd\",\"head\":{\"seq\":11,")
                .contains("\"lastTime\":\"2026-11-30T04:00:00.000Z\"},{\"author\":\"jp-mod\",\"head\":{\"seq\":12,")
                .contains("\"lastTime\":\"2026-11-30T04:00:00.000Z\"}],")
                .endsWith(EXPECTED_WITHOUT_LOGS)
                .as("no white space between tokens").doesNotContain("\r", "\": ", ", \"", "{ ", "[ ").as("one line").hasLineCount(1);
        assertThat(Files.readAllBytes(cnAtJp)).as("the copies are the same logs").isEqualTo(Files.readAllBytes(cnOwn));
        for (List<Path> pairOfExports : List.of(List.of(cnOwn, jpOwn), List.of(jpOwn, cnAtJp), List.of(jpAtCn, cnOwn),
                List.of(cnAtJp, jpAtCn), List.of(jpAtCn, cnAtJp))) {
            CliRun again = report(pairOfExports.get(0), pairOfExports.get(1), "--json");
            assertThat(again.out().getBytes(StandardCharsets.UTF_8)).as("macm report %s", pairOfExports)
                    .isEqualTo(first.out().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void text_showsEachDirectionForAPerson() {
        CliRun r = report(cnOwn, jpOwn);
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("Readiness of link cn-mnd~jp-mod", "as of    2026-11-30T04:00:00.000Z", "period   every entry",
                "jp-mod -> cn-mnd", "cn-mnd -> jp-mod")
                .containsPattern("FLASH +3  2\\.0 s / 4\\.0 s / 4\\.0 s +6 min 00 s / 7 min 00 s / 7 min 00 s +1")
                .contains("link tests: 2 sent, 1 answered, 1 missed their deadline; longest untested 3 h 13 min "
                        + "(2026-11-30T00:46:02.000Z to 2026-11-30T04:00:00.000Z)")
                .contains("officer Lt Wang (cn-mnd): 2 acknowledged, median / p95 / max 1 min 00 s / 7 min 00 s / 7 min 00 s, 1 late");
    }

    @Test
    void aPeriod_countsWhatWasWrittenInIt() {
        CliRun r = report(jpOwn, cnOwn, "--json", "--from", "2026-11-30T00:00:00Z", "--to", "2026-11-30T00:30:00Z");
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("\"period\":{\"from\":\"2026-11-30T00:00:00.000Z\",\"to\":\"2026-11-30T00:30:00.000Z\"}")
                .contains("{\"precedence\":\"FLASH\",\"messages\":3,")
                .contains("\"tests\":{\"sent\":0,\"answered\":0,\"missed\":0,\"longestUntested\":{\"from\":"
                        + "\"2026-11-30T00:00:00.000Z\",\"to\":\"2026-11-30T00:30:00.000Z\",\"ms\":1800000}}");
        CliRun day = report(jpOwn, cnOwn, "--json", "--from", "2026-11-30", "--to", "2026-11-30");
        assertThat(day.out()).as("a --to day is included")
                .contains("\"period\":{\"from\":\"2026-11-30T00:00:00.000Z\",\"to\":\"2026-12-01T00:00:00.000Z\"}");
        CliRun half = report(jpOwn, cnOwn, "--from", "2026-11-30");
        assertThat(half.exitCode()).isNotZero();
        assertThat(half.errorLine()).isEqualTo("macm: give both --from and --to, or neither (every entry)");
    }

    @Test
    void aTamperedExport_isRefused_withTheVerifiersReason() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(cnOwn));
        // The third entry's signature, one base64 digit changed: the bytes no longer verify.
        String line = lines.get(2);
        int sig = line.indexOf("\"signature\":\"") + 13;
        lines.set(2, line.substring(0, sig) + (line.charAt(sig) == 'A' ? 'B' : 'A') + line.substring(sig + 1));
        Path tampered = tmp.resolve("cn-mnd.tampered.jsonl");
        Files.write(tampered, lines);
        CliRun r = report(jpOwn, tampered, "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errorLine()).startsWith("macm: not verified, no report: " + tampered + " line 3 (seq 3): ")
                .endsWith("(see 'macm verify')").hasLineCount(1);

        CliRun same = report(cnOwn, cnAtJp);
        assertThat(same.exitCode()).isEqualTo(1);
        assertThat(same.errorLine()).as("two copies of one log are not a link's two logs").contains("cn-mnd");
    }
}
