package org.macm.station.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.modes.ModeSDecoder;
import org.macm.encounter.modes.ModeSMessage;
import org.macm.station.StationException;
import org.macm.station.feed.Framing;
import org.macm.station.feed.FramingCounts;
import org.macm.station.feed.LineStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm adsb}: tools for raw ADS-B / Mode S feeds. */
@Command(name = "adsb", mixinStandardHelpOptions = true, description = "Work with raw ADS-B / Mode S feeds (AVR, Beast).",
        subcommands = AdsbCommand.Decode.class)
final class AdsbCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Macm macm;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code macm adsb decode}: one JSON object per decoded Mode S message; what did not
     * decode is counted on standard error, as {@code macm ais decode} does.
     */
    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = {"Decode raw Mode S from a file or '-': AVR text (readsb/dump1090 port 30002, '*…;' or '@…;')",
                "or Beast binary (port 30005), told apart by their bytes. Prints one object per message;",
                "bad frames are counted by reason, never fatal."})
    static final class Decode implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @ParentCommand
        private AdsbCommand parent;

        @Parameters(paramLabel = "FILE", description = "The AVR or Beast file, or - for standard input.")
        private String file;

        @Option(names = "--json", description = "One JSON object per line (the default prints the same, indented).")
        private boolean json;

        @Override
        public Integer call() throws IOException {
            ModeSDecoder decoder = new ModeSDecoder();
            RecordJson records = new RecordJson();
            FramingCounts dropped = new FramingCounts();
            Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
            Framing framing;
            try (BufferedInputStream in = open(file);
                    JsonGenerator g = RecordJson.objects(out, json)) {
                framing = Framing.sniff(in);
                LineStream lines = framing.open(in, dropped);
                for (String line; (line = lines.next()) != null; ) {
                    if (decoder.accept(line) instanceof DecodeResult.Decoded<ModeSMessage> d) {
                        ModeSMessage m = d.value();
                        g.writeStartObject();
                        g.writeStringField("class", "ModeS");
                        g.writeStringField("message", m.getClass().getSimpleName());
                        g.writeStringField("icao", m.icaoHex());
                        records.writeFields(g, (Record) m);
                        g.writeEndObject();
                    }
                }
                g.writeRaw('\n');
            }
            out.flush();
            report(framing, decoder.stats(), dropped.snapshot(), spec.commandLine().getErr());
            return 0;
        }

        private BufferedInputStream open(String name) throws IOException {
            if (name.equals("-")) {
                return new BufferedInputStream(parent.macm.bytesIn(), 1 << 16);
            }
            try {
                return new BufferedInputStream(Files.newInputStream(Path.of(name)), 1 << 16);
            } catch (NoSuchFileException e) {
                throw new StationException("ADS-B file " + name + " does not exist", e);
            }
        }

        private static void report(Framing framing, DecodeStats stats, FramingCounts.Snapshot dropped, PrintWriter err) {
            DecodeStats.Snapshot s = stats.snapshot();
            String unit = framing == Framing.BEAST ? " frames (Beast)" : " lines (AVR)";
            StringBuilder line = new StringBuilder("macm adsb decode: " + s.lines() + unit + ", " + s.describe());
            if (dropped.brokenFrames() > 0) {
                line.append(", ").append(dropped.brokenFrames()).append(" frames cut short");
            }
            if (dropped.skippedBytes() > 0) {
                line.append(", ").append(dropped.skippedBytes()).append(" bytes outside frames");
            }
            err.println(line);
            err.flush();
        }
    }
}
