package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.station.StationLayout;
import org.macm.station.officer.Officer;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real exports from a real demo run, verified, then damaged in every way an auditor would worry about. */
class ExportAndVerifyCommandTest {
    /** The demo runs once for the whole class; each test damages its own copies in {@link #tmp}. */
    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static Path demo;
    private static Path jpExport;
    private static Path cnExport;
    private static String jpKey;
    private static String cnKey;
    private static CliRun firstDemo;
    private static CliRun secondDemo;

    @BeforeAll
    static void runDemoTwice() {
        Path tmp = shared;
        demo = tmp.resolve("demo");
        firstDemo = CliRun.run("demo", "--once", "--dir", demo.toString());
        assertThat(firstDemo.exitCode()).as(firstDemo.err()).isZero();
        CliRun second = CliRun.run("demo", "--once", "--dir", demo.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("VERIFIED");
        secondDemo = second;
        jpExport = tmp.resolve("jp.jsonl");
        cnExport = tmp.resolve("cn.jsonl");
        CliRun ex = CliRun.run("export", "--dir", demo.resolve("jp-mod").toString(), "--link", "cn-mnd",
                "--out", jpExport.toString());
        assertThat(ex.exitCode()).as(ex.err()).isZero();
        assertThat(ex.out()).matches("Exported \\d+ entries of log cn-mnd~jp-mod/jp-mod to .*\\n"
                + "\\(offline: read from the store, the station is not running\\)\\n");
        assertThat(CliRun.run("export", "--dir", demo.resolve("cn-mnd").toString(), "--link", "cn-mnd~jp-mod",
                "--out", cnExport.toString()).exitCode()).isZero();
        jpKey = demo.resolve("jp-mod/identity.toml").toString();
        cnKey = demo.resolve("cn-mnd/identity.toml").toString();
    }

    private static CliRun verifyBoth(Path jp, Path cn) {
        return CliRun.run("verify", jp.toString(), cn.toString(), "--key", jpKey, "--key", cnKey);
    }

    private Path withLines(String name, List<String> lines) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void verify_bothStationsOwnExports_agree() {
        CliRun r = verifyBoth(jpExport, cnExport);
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("OK   cross-check").endsWith("VERIFIED\n");
    }

    @Test
    void demoOnce_saysTheStationsStop_notThatTheyKeepRunning() {
        assertThat(secondDemo.out()).doesNotContain("keep running").doesNotContain("Press Ctrl-C").doesNotContain("Local APIs")
                .contains("The stations stop now (--once). Run 'macm demo' without --once to keep them running, then try:\n");
    }

    @Test
    void demo_printsEachConsoleUrlWithADutyAccount_whosePasswordIsNewEachRunAndLogsIn() {
        Pattern line = Pattern.compile("  (jp-mod|cn-mnd)  http://127\\.0\\.0\\.1:\\d+  duty / (\\S{16})  \\((.+), (ja|zh-Hans)\\)");
        Map<String, String> first = passwords(line, firstDemo.out());
        Map<String, String> second = passwords(line, secondDemo.out());
        assertThat(secondDemo.out()).contains("Duty-officer consoles (account 'duty', a new password each run, shown only here):");
        assertThat(second.keySet()).containsExactlyInAnyOrder("jp-mod Cdr Sato Kenji ja", "cn-mnd Lt Col Wang Hao zh-Hans");
        assertThat(second.get("jp-mod Cdr Sato Kenji ja")).isNotEqualTo(first.get("jp-mod Cdr Sato Kenji ja"));
        for (Map.Entry<String, String> e : second.entrySet()) {
            String station = e.getKey().substring(0, e.getKey().indexOf(' '));
            OfficerRegistry officers = new OfficerRegistry(new StationLayout(demo.resolve(station)), Clock.systemUTC(),
                    new SecureRandom());
            try (Password p = Password.of(e.getValue().toCharArray())) {
                Officer duty = officers.authenticate("duty", p);
                assertThat(e.getKey()).isEqualTo(station + " " + duty.displayName() + " "
                        + duty.language().orElseThrow().tag());
                assertThat(duty.role()).isEqualTo(Role.DUTY);
            }
        }
    }

    /** "station display language" to password, from the demo's console lines. */
    private static Map<String, String> passwords(Pattern line, String out) {
        Map<String, String> found = new HashMap<>();
        Matcher m = line.matcher(out);
        while (m.find()) {
            found.put(m.group(1) + " " + m.group(3) + " " + m.group(4), m.group(2));
        }
        return found;
    }

    @Test
    void verify_json_saysVerifiedAndGivesEachCheck() throws Exception {
        CliRun r = CliRun.run("verify", jpExport.toString(), cnExport.toString(), "--key", jpKey, "--key", cnKey, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(r.out());
        assertThat(report.path("verified").asBoolean()).isTrue();
        assertThat(report.path("checks")).hasSize(3).allSatisfy(c -> assertThat(c.path("ok").asBoolean()).isTrue());
        assertThat(report.path("checks").get(0).path("text").asText()).startsWith(jpExport + ": log cn-mnd~jp-mod/jp-mod, ");
        assertThat(report.path("checks").get(2).path("text").asText()).startsWith("cross-check: ");
    }

    @Test
    void verify_json_ofADamagedLog_isNotVerified_andExitsOne() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(jpExport));
        lines.remove(1);
        Path gap = withLines("gap.jsonl", lines);
        CliRun r = CliRun.run("verify", gap.toString(), "--key", jpKey, "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode report = JsonMapper.builder().build().readTree(r.out());
        assertThat(report.path("verified").asBoolean()).isFalse();
        assertThat(report.path("checks").get(0).path("ok").asBoolean()).isFalse();
        assertThat(report.path("checks").get(0).path("text").asText()).startsWith(gap + " line 2");
    }

    @Test
    void export_ofThePeersLog_isByteIdenticalToThePeersOwnExport() throws Exception {
        Path copy = tmp.resolve("cn-as-held-by-jp.jsonl");
        assertThat(CliRun.run("export", "--dir", demo.resolve("jp-mod").toString(), "--link", "cn-mnd",
                "--author", "cn-mnd", "--out", copy.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(cnExport));
    }

    @Test
    void verify_oneFlippedByteAnywhereInAnEntry_failsNamingThatEntry() throws Exception {
        List<String> lines = Files.readAllLines(jpExport);
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int index = random.nextInt(lines.size());
            String line = lines.get(index);
            String b64 = line.substring(line.indexOf("\"entry\":\"") + 9, line.indexOf("\",\"signature\""));
            byte[] bytes = Base64.getDecoder().decode(b64);
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
            List<String> damaged = new ArrayList<>(lines);
            damaged.set(index, line.replace(b64, Base64.getEncoder().encodeToString(bytes)));
            CliRun r = verifyBoth(withLines("flip.jsonl", damaged), cnExport);
            assertThat(r.exitCode()).as("trial %d", trial).isEqualTo(1);
            assertThat(r.out()).as("trial %d", trial).containsPattern("flip\\.jsonl line " + (index + 1) + "[: ]")
                    .endsWith("NOT VERIFIED\n");
        }
    }

    @Test
    void verify_oneFlippedCharacterAnywhereInALine_failsNamingThatLine() throws Exception {
        List<String> lines = Files.readAllLines(cnExport);
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int index = random.nextInt(lines.size());
            char[] chars = lines.get(index).toCharArray();
            int at = random.nextInt(chars.length);
            chars[at] = chars[at] == 'A' ? 'B' : 'A';
            List<String> damaged = new ArrayList<>(lines);
            damaged.set(index, new String(chars));
            CliRun r = verifyBoth(jpExport, withLines("char.jsonl", damaged));
            assertThat(r.exitCode()).as("trial %d: %s", trial, r.out()).isEqualTo(1);
            assertThat(r.out()).as("trial %d", trial).containsPattern("char\\.jsonl line " + (index + 1) + "[: ]");
        }
    }

    @Test
    void verify_droppedLine_namesTheMissingEntry() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(jpExport));
        lines.remove(3);
        CliRun r = verifyBoth(withLines("dropped.jsonl", lines), cnExport);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("dropped.jsonl line 4 (seq 5): [C-SEQ] entry seq 5 follows seq 3: entry 4 is missing");
    }

    @Test
    void verify_duplicatedLine_namesIt() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(jpExport));
        lines.add(3, lines.get(2));
        CliRun r = verifyBoth(withLines("dup.jsonl", lines), cnExport);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("dup.jsonl line 4 (seq 3): [C-SEQ] entry seq 3 appears again after seq 3");
    }

    @Test
    void verify_reorderedLines_namesTheFirstOutOfPlace() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(jpExport));
        String a = lines.get(5);
        lines.set(5, lines.get(6));
        lines.set(6, a);
        CliRun r = verifyBoth(withLines("swap.jsonl", lines), cnExport);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("swap.jsonl line 6 (seq 7): [C-SEQ] entry seq 7 follows seq 5: entry 6 is missing");
    }

    @Test
    void verify_peerLogCutShort_failsTheCrossCheck() throws Exception {
        List<String> lines = Files.readAllLines(cnExport);
        CliRun r = verifyBoth(jpExport, withLines("short.jsonl", lines.subList(0, 2)));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL cross-check: [A-PEERHEAD] jp-mod seq ").contains("but that log ends at seq 2");
    }

    @Test
    void verify_withTheWrongKey_failsAtTheFirstEntry() {
        CliRun r = CliRun.run("verify", jpExport.toString(), "--key", "jp-mod=" + keyOf(cnKey), "--key", cnKey);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("line 1 (seq 1): [C-SIGNATURE] entry seq 1: signature does not verify");
    }

    @Test
    void verify_withoutAKeyForTheAuthor_saysWhichKeyIsMissing() {
        CliRun r = CliRun.run("verify", jpExport.toString(), cnExport.toString(), "--key", cnKey);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("no key given for station jp-mod");
    }

    @Test
    void verify_missingFile_isAOneLineError() {
        CliRun r = CliRun.run("verify", tmp.resolve("nope.jsonl").toString(), "--key", cnKey);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).isEqualTo("macm: export file " + tmp.resolve("nope.jsonl") + " does not exist");
    }

    private static String keyOf(String identityFile) {
        try {
            return Files.readAllLines(Path.of(identityFile)).stream().filter(l -> l.startsWith("signing-key"))
                    .findFirst().orElseThrow().replaceAll(".*\"(.*)\".*", "$1");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
