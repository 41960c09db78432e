package org.macm.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The refusal corpus (docs/vectors/refusals.jsonl) is what {@link RefusalCorpusGenerator} makes,
 * covers every rule of docs/PROTOCOL.md §7, and each case is refused by this module's reader,
 * log verifier and link check under its rule. Run with {@code -Dmacm.vectors.write=true} to
 * write the file after changing the generator. The station's tests run the same corpus through
 * {@code macm verify}, byte for byte from the file.
 */
class RefusalCorpusTest {
    private static final Path ROOT = Path.of(System.getProperty("macm.root", ".."));
    private static final Path CORPUS = ROOT.resolve("docs/vectors/refusals.jsonl");
    private static final Pattern LINE = Pattern.compile("\\{\"entry\":\"([^\"]*)\",\"signature\":\"([^\"]*)\"}");

    @Test
    void committedCorpus_isWhatTheGeneratorMakes() throws Exception {
        String made = RefusalCorpusGenerator.jsonl();
        if (Boolean.getBoolean("macm.vectors.write")) {
            Files.createDirectories(CORPUS.getParent());
            Files.writeString(CORPUS, made, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(CORPUS, StandardCharsets.UTF_8))
                .as("%s is stale: run this test with -Dmacm.vectors.write=true", CORPUS).isEqualTo(made);
    }

    @Test
    void everyRuleOfSection7_hasACase_andEveryRuleIsInTheDocument() throws Exception {
        Set<String> documented = section7Ids();
        Set<String> inCode = Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(documented).as("rule ids of docs/PROTOCOL.md §7 and of org.macm.core.log.Rule")
                .containsExactlyInAnyOrderElementsOf(inCode);
        Set<String> covered = RefusalCorpusGenerator.cases().stream().map(RefusalCorpusGenerator.Case::rule)
                .collect(Collectors.toSet());
        // E-EQUIVOCATION takes two copies of one log; the evidence tests cover it (§15).
        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                documented.stream().filter(id -> !id.startsWith("E-")).toList());
    }

    /** The ids in the first column of the tables of §7, in order. */
    static Set<String> section7Ids() throws Exception {
        String doc = Files.readString(ROOT.resolve("docs/PROTOCOL.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("\n## 7. ");
        int end = doc.indexOf("\n## ", start + 1);
        assertThat(start).as("docs/PROTOCOL.md has a §7").isPositive();
        Matcher m = Pattern.compile("(?m)^\\| `([FCAE]-[A-Z0-9-]+)` \\|").matcher(doc.substring(start, end));
        Set<String> ids = new LinkedHashSet<>();
        while (m.find()) {
            assertThat(ids.add(m.group(1))).as("rule %s listed once", m.group(1)).isTrue();
        }
        return ids;
    }

    @Test
    void everyEntryCase_isRefusedByTheReaderOrTheChainOrTheLinkCheck_underItsRule() {
        for (RefusalCorpusGenerator.Case c : RefusalCorpusGenerator.cases()) {
            if (c.rule().startsWith("F-EXPORT-")) {
                continue; // export lines are the station's ExportFile; its corpus test runs them
            }
            Rule rule = Rule.ofId(c.rule());
            List<byte[][]> lines = lines(c.export());
            if (c.rule().startsWith("F-")) {
                byte[][] bad = lines.get(c.line() - 1);
                assertThatThrownBy(() -> SignedEntry.parse(bad[0], bad[1])).as(c.note())
                        .isInstanceOf(MalformedEntryException.class).hasMessageStartingWith(rule.tag());
                continue;
            }
            List<SignedEntry> log = new ArrayList<>();
            for (byte[][] l : lines) {
                log.add(SignedEntry.parse(l[0], l[1]));
            }
            if (c.rule().startsWith("C-")) {
                LogVerifier v = new LogVerifier(log.get(0).log(), RefusalCorpusGenerator.KEY.verifyingKey());
                for (int i = 0; i < c.line() - 1; i++) {
                    v.append(log.get(i));
                }
                assertThatThrownBy(() -> v.append(log.get(c.line() - 1))).as(c.note())
                        .isInstanceOf(ChainException.class).hasMessageStartingWith(rule.tag());
                continue;
            }
            List<SignedEntry> other = new ArrayList<>();
            for (byte[][] l : lines(c.other().orElseThrow())) {
                other.add(SignedEntry.parse(l[0], l[1]));
            }
            assertThatThrownBy(() -> LinkCheck.check(log, other)).as(c.note()).isInstanceOf(ChainException.class)
                    .hasMessageStartingWith(rule.tag() + "jp-mod seq " + c.line());
            // Without its last entry the export agrees with the other log: only that entry breaks the rule.
            LinkCheck.check(log.subList(0, log.size() - 1), other);
        }
    }

    private static List<byte[][]> lines(String export) {
        List<byte[][]> out = new ArrayList<>();
        for (String line : export.lines().toList()) {
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            out.add(new byte[][] {Base64.getDecoder().decode(m.group(1)), Base64.getDecoder().decode(m.group(2))});
        }
        return out;
    }
}
