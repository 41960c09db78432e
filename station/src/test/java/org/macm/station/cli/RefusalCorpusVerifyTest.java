package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.testkit.RefusalCorpus;

/**
 * The refusal corpus (docs/vectors/refusals.jsonl) through the real {@code macm verify}: every
 * case is refused, and the first failure names the case's rule and line, as docs/PROTOCOL.md §5
 * and §7 say. Valid exports, the §6 vectors among them, still verify.
 */
class RefusalCorpusVerifyTest {
    private static final String KEY = RefusalCorpus.PUBLIC_KEY;

    @TempDir
    Path tmp;

    private CliRun verify(String... files) {
        List<String> args = new ArrayList<>(List.of("verify"));
        args.addAll(List.of(files));
        args.addAll(List.of("--key", "jp-mod=" + KEY, "--key", "cn-mnd=" + KEY));
        return CliRun.run(args.toArray(String[]::new));
    }

    private Path file(String name, String content) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void everyCase_isRefused_namingItsRuleAndLine() throws Exception {
        List<RefusalCorpus.Case> cases = RefusalCorpus.cases();
        assertThat(cases).hasSizeGreaterThan(100);
        int n = 0;
        for (RefusalCorpus.Case c : cases) {
            n++;
            Path export = file("case-" + n + ".jsonl", c.export());
            CliRun r = c.other().isPresent()
                    ? verify(export.toString(), file("other-" + n + ".jsonl", c.other().get()).toString())
                    : verify(export.toString());
            assertThat(r.exitCode()).as("%s: %s", c, r.out() + r.err()).isEqualTo(1);
            String fail = r.out().lines().filter(l -> l.startsWith("FAIL ")).findFirst().orElseThrow();
            String expected = c.rule().startsWith("A-")
                    ? "FAIL cross-check: [" + c.rule() + "] jp-mod seq " + c.line()
                    : c.export().isEmpty() ? "FAIL " + export + ": [" + c.rule() + "] "
                    : "FAIL " + export + " line " + c.line() + (c.rule().startsWith("C-") ? " (seq " : ": [" + c.rule() + "] ");
            assertThat(fail).as("%s", c).startsWith(expected).contains("[" + c.rule() + "] ")
                    .doesNotStartWith(expected + "0"); // jp-mod seq 2, not seq 20
            assertThat(r.out()).as("%s", c).endsWith("NOT VERIFIED\n");
        }
    }

    @Test
    void everyRuleOfSection7_hasACase() throws Exception {
        String doc = Files.readString(RefusalCorpus.file().getParent().getParent().resolve("PROTOCOL.md"));
        String section = doc.substring(doc.indexOf("\n## 7. "), doc.indexOf("\n## 8. "));
        Matcher m = Pattern.compile("(?m)^\\| `([FCA]-[A-Z0-9-]+)` \\|").matcher(section);
        Set<String> rules = new LinkedHashSet<>();
        while (m.find()) {
            rules.add(m.group(1));
        }
        assertThat(rules).hasSizeGreaterThan(30);
        Set<String> covered = RefusalCorpus.cases().stream().map(RefusalCorpus.Case::rule).collect(Collectors.toSet());
        assertThat(covered).containsAll(rules);
    }

    @Test
    void json_givesTheRuleOfTheFailedCheck() throws Exception {
        RefusalCorpus.Case c = RefusalCorpus.cases().stream().filter(x -> x.rule().equals("F-UTF8")).findFirst().orElseThrow();
        CliRun r = CliRun.run("verify", file("utf8.jsonl", c.export()).toString(), "--key", KEY, "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode check = JsonMapper.builder().build().readTree(r.out()).path("checks").get(0);
        assertThat(check.path("ok").asBoolean()).isFalse();
        assertThat(check.path("rule").asText()).isEqualTo("F-UTF8");
    }

    @Test
    void agreeCases_withoutTheirLastEntry_verifyWithTheOtherLog() throws Exception {
        int n = 0;
        for (RefusalCorpus.Case c : RefusalCorpus.cases()) {
            if (c.other().isEmpty()) {
                continue;
            }
            n++;
            List<String> lines = c.lines();
            String before = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
            CliRun r = verify(file("before-" + n + ".jsonl", before).toString(), file("o-" + n + ".jsonl", c.other().get()).toString());
            assertThat(r.exitCode()).as("%s: %s", c, r.out()).isZero();
            assertThat(r.out()).contains("OK   cross-check").endsWith("VERIFIED\n");
        }
        assertThat(n).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theSection6Vectors_verify() throws Exception {
        String doc = Files.readString(RefusalCorpus.file().getParent().getParent().resolve("PROTOCOL.md"));
        Matcher m = Pattern.compile("```(vector-entry|vector-signature)\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
        StringBuilder export = new StringBuilder();
        String entry = null;
        while (m.find()) {
            if (m.group(1).equals("vector-entry")) {
                entry = m.group(2).strip();
            } else {
                export.append("{\"entry\":\"").append(Base64.getEncoder().encodeToString(entry.getBytes(StandardCharsets.UTF_8)))
                        .append("\",\"signature\":\"")
                        .append(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(m.group(2).strip())))
                        .append("\"}\n");
            }
        }
        CliRun r = CliRun.run("verify", file("vectors.jsonl", export.toString()).toString(), "--key", KEY);
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains(": log cn-mnd~jp-mod/jp-mod, 2 entries (seq 1-2), head 465b508d1413,")
                .endsWith("VERIFIED\n");
    }
}
