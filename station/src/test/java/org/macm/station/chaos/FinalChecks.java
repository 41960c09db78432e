package org.macm.station.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.macm.core.log.LinkCheck;
import org.macm.core.log.StationId;
import org.macm.station.StationPair;

/**
 * The checks that end every run of two real station processes on the jp-mod/cn-mnd link, once
 * both have stopped: what the logs hold, and what an auditor's {@code macm verify} and
 * {@code macm report} make of the exports. Shared by the chaos run and the crash-window tests.
 */
public final class FinalChecks {
    private FinalChecks() {
    }

    /**
     * Both stations' exports of the link pass {@code macm verify} together; each station's
     * export of the peer's log is the peer's own export, byte for byte; and {@code macm report}
     * agrees on every pair, counting {@code messagesFrom} each station.
     */
    public static void exportsVerifyTogether(StationPair s, Map<StationId, Integer> messagesFrom) throws IOException {
        Path jpExport = s.jp().dir().resolveSibling("jp-mod.jsonl");
        Path cnExport = s.cn().dir().resolveSibling("cn-mnd.jsonl");
        MacmCli jpOut = MacmCli.run("export", "--dir", s.jp().dir().toString(), "--link", "cn-mnd", "--out",
                jpExport.toString());
        assertThat(jpOut.exitCode()).as("macm export at jp-mod: %s", jpOut).isZero();
        MacmCli cnOut = MacmCli.run("export", "--dir", s.cn().dir().toString(), "--link", "jp-mod", "--out",
                cnExport.toString());
        assertThat(cnOut.exitCode()).as("macm export at cn-mnd: %s", cnOut).isZero();
        MacmCli verify = MacmCli.run("verify", jpExport.toString(), cnExport.toString(), "--key",
                s.jp().identity().toString(), "--key", s.cn().identity().toString());
        assertThat(verify.exitCode()).as("macm verify of both stations' exports: %s", verify).isZero();

        Path cnAsHeldByJp = s.jp().dir().resolveSibling("cn-mnd.as-held-by-jp-mod.jsonl");
        MacmCli copy = MacmCli.run("export", "--dir", s.jp().dir().toString(), "--link", "cn-mnd", "--author", "cn-mnd",
                "--out", cnAsHeldByJp.toString());
        assertThat(copy.exitCode()).as("macm export of cn-mnd's log at jp-mod: %s", copy).isZero();
        assertThat(cnAsHeldByJp).as("jp-mod's export of cn-mnd's log vs cn-mnd's own export")
                .hasSameBinaryContentAs(cnExport);
        Path jpAsHeldByCn = s.cn().dir().resolveSibling("jp-mod.as-held-by-cn-mnd.jsonl");
        MacmCli jpCopy = MacmCli.run("export", "--dir", s.cn().dir().toString(), "--link", "jp-mod", "--author", "jp-mod",
                "--out", jpAsHeldByCn.toString());
        assertThat(jpCopy.exitCode()).as("macm export of jp-mod's log at cn-mnd: %s", jpCopy).isZero();
        reportsAgree(s, messagesFrom, List.of(List.of(jpExport, cnExport), List.of(cnExport, jpExport),
                List.of(jpAsHeldByCn, cnAsHeldByJp), List.of(cnAsHeldByJp, jpExport), List.of(cnExport, jpAsHeldByCn)));
    }

    /** 'macm report --json' gives the same bytes on every pair: both orders, each station's own log and copies. */
    private static void reportsAgree(StationPair s, Map<StationId, Integer> messagesFrom, List<List<Path>> pairs)
            throws IOException {
        String first = null;
        for (List<Path> p : pairs) {
            MacmCli report = MacmCli.run("report", p.get(0).toString(), p.get(1).toString(), "--json", "--key",
                    s.jp().identity().toString(), "--key", s.cn().identity().toString());
            assertThat(report.exitCode()).as("macm report %s: %s", p, report).isZero();
            if (first == null) {
                first = report.out();
                for (JsonNode direction : new ObjectMapper().readTree(first).path("directions")) {
                    int counted = 0;
                    for (JsonNode precedence : direction.path("precedences")) {
                        counted += precedence.path("messages").asInt();
                    }
                    String from = direction.path("from").asText();
                    assertThat(counted).as("messages from %s in the report", from)
                            .isEqualTo(messagesFrom.getOrDefault(StationId.of(from), 0));
                }
            } else {
                assertThat(report.out()).as("macm report %s: the same bytes as for %s", p, pairs.get(0)).isEqualTo(first);
            }
        }
    }

    /**
     * Read from the stopped stations' stores: every log verifies (signatures, chain) and the two
     * cross-check; each copy is the original byte for byte; each series of message texts was
     * written and received once each, in order, and nothing else; no equivocation recorded.
     */
    public static void logs(StationPair s, List<String> jpTexts, List<String> cnTexts) {
        LinkLogs logs = LinkLogs.read(s.jp(), s.cn());
        LinkLogs.verify(logs.jpOwn(), logs.jpKey());
        LinkLogs.verify(logs.cnOwn(), logs.cnKey());
        LinkLogs.verify(logs.jpCopyOfCn(), logs.cnKey());
        LinkLogs.verify(logs.cnCopyOfJp(), logs.jpKey());
        LinkCheck.check(logs.jpOwn(), logs.cnOwn());

        assertThat(logs.cnCopyOfJp()).as("cn-mnd's copy of jp-mod's log is jp-mod's log, byte for byte")
                .isEqualTo(logs.jpOwn());
        assertThat(logs.jpCopyOfCn()).as("jp-mod's copy of cn-mnd's log is cn-mnd's log, byte for byte")
                .isEqualTo(logs.cnOwn());

        series("written by jp-mod", LinkLogs.messageTexts(logs.jpOwn()), jpTexts);
        series("received by cn-mnd", LinkLogs.messageTexts(logs.cnCopyOfJp()), jpTexts);
        series("written by cn-mnd", LinkLogs.messageTexts(logs.cnOwn()), cnTexts);
        series("received by jp-mod", LinkLogs.messageTexts(logs.jpCopyOfCn()), cnTexts);

        assertThat(logs.equivocationsAtJp()).as("equivocation evidence recorded at jp-mod").isEmpty();
        assertThat(logs.equivocationsAtCn()).as("equivocation evidence recorded at cn-mnd").isEmpty();
    }

    /** Every text of the series, once each, in the order it was sent, and nothing else. */
    private static void series(String which, List<String> inLog, List<String> sent) {
        assertThat(LinkLogs.repeated(inLog)).as("messages %s more than once", which).isEmpty();
        Set<String> present = new HashSet<>(inLog);
        assertThat(sent.stream().filter(t -> !present.contains(t)).toList()).as("messages never %s", which).isEmpty();
        assertThat(inLog).as("messages %s, in log order", which).isEqualTo(sent);
    }
}
