package org.macm.station.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.station.StationException;
import org.macm.station.export.EquivocationFile;
import org.macm.station.export.EquivocationVerifier;
import org.macm.station.export.ExportVerifier;
import org.macm.station.export.KeyRing;
import org.macm.station.export.SameLogComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code macm verify}: checks exported logs with nothing but the files and the authors'
 * public keys, so an auditor or the other party can run it without any station.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify exported logs: signatures, hash chain, seq continuity, cross-references.",
            "Given both directions of a link, also checks that every receipt, acknowledgement and",
            "peer head names an entry that exists with that hash.",
            "With --same-log, compares two copies of one log (a station's own export and the peer's copy):",
            "identical, one a prefix of the other, or equivocation at a seq (--proof-out writes the proof).",
            "Given an equivocation evidence file ('macm export --equivocations'), checks that it is proof.",
            "Exit 0 when everything verifies, 1 at the first fault (named by file, line and seq)."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "FILE", description = "One log, or both logs of a link (.jsonl from 'macm export').")
    private List<Path> files = new ArrayList<>();

    @Option(names = {"-k", "--key"}, required = true, paramLabel = "KEY",
            description = "A trusted key: an identity file, STATION=BASE64KEY, or a bare base64 key (one log only).")
    private List<String> keys = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON for machines: verified (true/false) and each check (a failed one with its rule id).")
    private boolean json;

    @Option(names = "--same-log", description = "The two files are two copies of one log: compare them.")
    private boolean sameLog;

    @Option(names = "--proof-out", paramLabel = "FILE",
            description = "With --same-log: if the copies differ, write the equivocation proof to FILE.")
    private Optional<Path> proofOut;

    @Override
    public Integer call() {
        if (sameLog && files.size() != 2) {
            throw new ParameterException(spec.commandLine(), "--same-log compares two files: two copies of one log");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new StationException("export file " + f + " does not exist");
            }
        }
        KeyRing ring = new KeyRing();
        keys.forEach(ring::add);
        if (ring.hasUnnamed() && files.size() > 1 && !sameLog) {
            throw new StationException("with two logs, name each key: --key STATION=KEY or --key IDENTITY-FILE");
        }
        PrintWriter out = spec.commandLine().getOut();
        ExportVerifier.Report report;
        if (sameLog) {
            report = compare(ring);
        } else if (proofOut.isPresent()) {
            throw new ParameterException(spec.commandLine(), "--proof-out goes with --same-log");
        } else if (files.size() == 1 && EquivocationFile.claimsToBe(files.get(0))) {
            report = EquivocationVerifier.verify(files.get(0), ring);
        } else {
            report = ExportVerifier.verify(files, ring);
        }
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode().put("verified", report.verified());
            ArrayNode checks = root.putArray("checks");
            report.checks().forEach(c -> {
                ObjectNode check = checks.addObject().put("ok", c.ok()).put("text", c.text());
                c.rule().ifPresent(r -> check.put("rule", r));
            });
            Json.print(out, root);
        } else {
            report.lines().forEach(out::println);
        }
        out.flush();
        return report.verified() ? 0 : 1;
    }

    /** --same-log: the comparison's lines, then where the proof went or how to write it. */
    private ExportVerifier.Report compare(KeyRing ring) {
        SameLogComparison.Result result = SameLogComparison.compare(files.get(0), files.get(1), ring);
        ExportVerifier.Report report = result.report();
        if (result.equivocation().isEmpty()) {
            return report;
        }
        List<String> lines = new ArrayList<>(report.lines());
        String verdict = lines.remove(lines.size() - 1);
        String keyArgs = keys.stream().map(k -> "--key " + Shell.quote(k)).reduce((x, y) -> x + " " + y).orElse("");
        if (proofOut.isPresent()) {
            EquivocationFile.write(proofOut.get(), List.of(result.equivocation().get()));
            lines.add("Proof written to " + proofOut.get() + "; check it with: macm verify "
                    + Shell.quote(proofOut.get().toString()) + " " + keyArgs);
        } else {
            lines.add("Write the proof file with: macm verify --same-log " + Shell.quote(files.get(0).toString()) + " "
                    + Shell.quote(files.get(1).toString()) + " " + keyArgs + " --proof-out FILE");
        }
        lines.add(verdict);
        return new ExportVerifier.Report(lines, report.verified());
    }
}
