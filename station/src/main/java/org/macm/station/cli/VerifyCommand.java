package org.macm.station.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.macm.station.StationException;
import org.macm.station.export.ExportVerifier;
import org.macm.station.export.KeyRing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    @Override
    public Integer call() {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new StationException("export file " + f + " does not exist");
            }
        }
        KeyRing ring = new KeyRing();
        keys.forEach(ring::add);
        if (ring.hasUnnamed() && files.size() > 1) {
            throw new StationException("with two logs, name each key: --key STATION=KEY or --key IDENTITY-FILE");
        }
        ExportVerifier.Report report = ExportVerifier.verify(files, ring);
        PrintWriter out = spec.commandLine().getOut();
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
}
