package org.macm.station.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.core.log.LinkId;
import org.macm.core.log.SignedEntry;
import org.macm.station.StationException;
import org.macm.station.export.ExportFile;
import org.macm.station.export.ExportVerifier;
import org.macm.station.export.KeyRing;
import org.macm.station.traffic.Readiness;
import org.macm.station.traffic.ReadinessJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code macm report}: the readiness report of a link from the two exports of its logs, for an
 * auditor or either party; computed from signed entries only, so whoever runs it on the same
 * logs gets the same figures and, with {@code --json}, the same bytes (docs/PROTOCOL.md §16).
 * Exports that do not verify are refused with the verifier's reason.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Readiness of a link from both exports of its logs: per direction and precedence, messages,",
            "time to receipt and to acknowledgement (median, 95th percentile, maximum), deadlines missed,",
            "link tests and the longest time untested. Same figures (and, with --json, the same bytes)",
            "whoever runs it, in whichever order the exports are given."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "2", paramLabel = "EXPORT", description = "Both logs of the link (.jsonl from 'macm export').")
    private List<Path> files = new ArrayList<>();

    @Option(names = {"-k", "--key"}, required = true, paramLabel = "KEY",
            description = "A trusted key: an identity file or STATION=BASE64KEY, one per station.")
    private List<String> keys = new ArrayList<>();

    @Option(names = "--from", paramLabel = "WHEN",
            description = "Count messages and link tests written at or after WHEN: 2026-11-30 (00:00 UTC) or 2026-11-30T06:00:00Z.")
    private Optional<String> from;

    @Option(names = "--to", paramLabel = "WHEN",
            description = "… and before WHEN: 2026-11-30 (that day included, UTC) or 2026-11-30T18:00:00Z (excluded).")
    private Optional<String> to;

    @Option(names = "--json", description = "Print the report as canonical JSON (one line; docs/PROTOCOL.md §16).")
    private boolean json;

    @Override
    public Integer call() {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new StationException("export file " + f + " does not exist");
            }
        }
        Optional<Readiness.Period> period = period();
        KeyRing ring = new KeyRing();
        keys.forEach(ring::add);
        if (ring.hasUnnamed()) {
            throw new StationException("name each key: --key STATION=KEY or --key IDENTITY-FILE");
        }
        ExportVerifier.Report verified = ExportVerifier.verify(files, ring);
        if (!verified.verified()) {
            String why = verified.checks().stream().filter(c -> !c.ok()).map(ExportVerifier.Report.Check::text).findFirst()
                    .orElse("the exports do not verify");
            throw new StationException("not verified, no report: " + why + " (see 'macm verify')");
        }
        List<SignedEntry> one = entries(files.get(0));
        List<SignedEntry> other = entries(files.get(1));
        if (one.get(0).log().author().equals(other.get(0).log().author())) {
            throw new StationException("both exports are " + one.get(0).log().author()
                    + "'s log; give one log of each station of the link");
        }
        LinkId link = one.get(0).log().link();
        Readiness.Report report = Readiness.compute(link, one, other, period);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(ReadinessJson.of(report));
            out.print('\n');
        } else {
            ReadinessText.print(report, out);
        }
        out.flush();
        return 0;
    }

    /** The entries of an export that has just verified. */
    private static List<SignedEntry> entries(Path file) {
        List<SignedEntry> out = new ArrayList<>();
        for (ExportFile.Line line : ExportFile.read(file)) {
            if (line instanceof ExportFile.Line.Read r) {
                out.add(r.entry());
            } else {
                throw new StationException(file + " changed while it was read; run the report again");
            }
        }
        return out;
    }

    private Optional<Readiness.Period> period() {
        if (from.isEmpty() && to.isEmpty()) {
            return Optional.empty();
        }
        if (from.isEmpty() || to.isEmpty()) {
            throw new StationException("give both --from and --to, or neither (every entry)");
        }
        Instant start = when("--from", from.get(), false);
        Instant end = when("--to", to.get(), true);
        if (!start.isBefore(end)) {
            throw new StationException("--to (" + to.get() + ") must be after --from (" + from.get() + ")");
        }
        return Optional.of(new Readiness.Period(start, end));
    }

    /** A day (UTC; a --to day is included, so the period ends at the next midnight) or an instant. */
    private static Instant when(String option, String text, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new StationException(option + " " + text + ": write a day as 2026-11-30 or a time as 2026-11-30T06:00:00Z",
                    e);
        }
    }
}
