package org.macm.station.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.macm.core.log.SignedEntry;
import org.macm.station.StationException;
import org.macm.station.console.UiText;
import org.macm.station.console.Views;
import org.macm.station.export.ExportFile;
import org.macm.station.export.ExportVerifier;
import org.macm.station.export.KeyRing;
import org.macm.station.transcript.Transcript;
import org.macm.station.transcript.TranscriptBuilder;
import org.macm.station.transcript.TranscriptPage;
import org.macm.template.Catalog;
import org.macm.template.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code macm transcript}: the two logs of a link as one HTML page a person can read, print
 * and attach to a report, in ja, zh-Hans or en. It is made only from exports that verify
 * (the same check as {@code macm verify}); a tampered export gives an error and no file.
 */
@Command(name = "transcript", mixinStandardHelpOptions = true,
        description = {"Write both logs of a link as one self-contained, printable HTML page: every message and",
            "link test in time order, rendered in the chosen language with the original, its receipt and",
            "acknowledgements, each entry's seq and hash, both keys' fingerprints and the command that",
            "verifies the exports again. Only exports that verify give a transcript."})
final class TranscriptCommand implements Callable<Integer> {
    @ParentCommand
    private Macm macm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "2", paramLabel = "EXPORT", description = "Both logs of the link (.jsonl from 'macm export').")
    private List<Path> files = new ArrayList<>();

    @Option(names = {"-k", "--key"}, required = true, paramLabel = "KEY",
            description = "Each author's key: its identity file (shows its fingerprint) or STATION=BASE64KEY.")
    private List<String> keys = new ArrayList<>();

    @Option(names = "--lang", required = true, paramLabel = "LANG", description = "The language of the page: ja, zh-Hans or en.")
    private Language language;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The HTML file to write.")
    private Path out;

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "The agreed template catalog, if the stations use one of their own (default: the built-in one).")
    private Optional<Path> catalog;

    @Override
    public Integer call() {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new StationException("export file " + f + " does not exist");
            }
        }
        KeyRing ring = new KeyRing();
        keys.forEach(ring::add);
        if (ring.hasUnnamed()) {
            throw new StationException("name each key: --key STATION=KEY or --key IDENTITY-FILE (a transcript covers two logs)");
        }
        String verify = "macm verify " + files.stream().map(f -> Shell.quote(f.toString())).collect(Collectors.joining(" "))
                + keys.stream().map(k -> " --key " + Shell.quote(k)).collect(Collectors.joining());
        ExportVerifier.Report report = ExportVerifier.verify(files, ring);
        if (!report.verified()) {
            String fault = report.checks().stream().filter(c -> !c.ok()).map(ExportVerifier.Report.Check::text).findFirst()
                    .orElse("not verified");
            throw new StationException("the exports do not verify, so no transcript was written: " + fault
                    + " (see '" + verify + "')");
        }
        Catalog agreed = catalog.map(Catalog::load).orElseGet(Catalog::builtIn);
        Transcript transcript = new TranscriptBuilder(agreed, language)
                .build(entries(files.get(0)), entries(files.get(1)), ring, verify, macm.clock().instant());
        UiText text = UiText.of(language, language.defaultZone(), UiText.load());
        String html = new TranscriptPage(new Views()).render(transcript, text);
        write(html);
        long messages = transcript.items().stream().filter(i -> i instanceof Transcript.Message).count();
        long tests = transcript.items().stream().filter(i -> i instanceof Transcript.LinkTest).count();
        PrintWriter say = spec.commandLine().getOut();
        say.println("Transcript of link " + transcript.link() + " (" + count(messages, "message") + ", "
                + count(tests, "link test") + ", "
                + transcript.entries().size() + " entries, in " + language.tag() + ") written to " + out);
        say.flush();
        return 0;
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** The entries of an export that has just verified. */
    private static List<SignedEntry> entries(Path file) {
        List<SignedEntry> entries = new ArrayList<>();
        for (ExportFile.Line line : ExportFile.read(file)) {
            if (line instanceof ExportFile.Line.Read r) {
                entries.add(r.entry());
            }
        }
        return entries;
    }

    /** Whole or not at all: written beside {@code out}, then moved over it. */
    private void write(String html) {
        Path part = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".part");
        try {
            Files.writeString(part, html, StandardCharsets.UTF_8);
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // A dot file left beside the transcript; it holds only what the exports hold.
            }
            throw new StationException("cannot write transcript " + out + ": " + e.getMessage(), e);
        }
    }
}
