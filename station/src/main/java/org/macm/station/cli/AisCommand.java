package org.macm.station.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.macm.encounter.ais.AisDecoder;
import org.macm.encounter.ais.AisReport;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.decode.RejectReason;
import org.macm.station.StationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm ais}: tools for AIS feeds. */
@Command(name = "ais", mixinStandardHelpOptions = true, description = "Work with AIS NMEA feeds.",
        subcommands = AisCommand.Decode.class)
final class AisCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code macm ais decode}: one JSON object per decoded message; rejections counted on standard error. */
    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = {"Decode AIS NMEA 0183 (!AIVDM/!AIVDO, with NMEA 4.0 tag blocks) from a file or '-'.",
                "Prints one object per message; bad lines are counted by reason, never fatal."})
    static final class Decode implements Callable<Integer> {
        private static final SerializedString CLASS = new SerializedString("class");
        private static final SerializedString AIS = new SerializedString("AIS");
        private static final SerializedString TYPE = new SerializedString("type");
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The NMEA file, or - for standard input.")
        private String file;

        @Option(names = "--json", description = "One JSON object per line (the default prints the same, indented).")
        private boolean json;

        @Override
        public Integer call() throws IOException {
            AisDecoder decoder = new AisDecoder();
            RecordJson records = new RecordJson();
            JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
            Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
            try (BufferedReader in = open(file);
                    JsonGenerator g = factory.createGenerator(out)) {
                g.setRootValueSeparator(new SerializedString("\n"));
                if (!json) {
                    g.useDefaultPrettyPrinter();
                }
                for (String line; (line = in.readLine()) != null; ) {
                    if (decoder.accept(line) instanceof DecodeResult.Decoded<AisReport> d) {
                        AisReport r = d.value();
                        g.writeStartObject();
                        g.writeFieldName(CLASS);
                        g.writeString(AIS);
                        // every object says its message type first; the record's own messageType
                        // component (types 1-3, 4/11) would repeat it
                        g.writeFieldName(TYPE);
                        g.writeNumber(r.message().messageType());
                        records.writeFields(g, (Record) r.message(), "messageType");
                        g.writeStringField("talker", r.talker());
                        g.writeStringField("channel", r.channel());
                        if (r.source().isPresent()) {
                            g.writeStringField("source", r.source().get());
                        }
                        if (r.receivedAt().isPresent()) {
                            g.writeStringField("receivedAt", r.receivedAt().get().toString());
                        }
                        g.writeEndObject();
                    }
                }
                g.writeRaw('\n');
            }
            out.flush();
            report(decoder.stats(), spec.commandLine().getErr());
            return 0;
        }

        /** Latin-1 maps every byte to a character, so binary garbage reaches the decoder (and is counted) instead of failing the read. */
        private static BufferedReader open(String file) throws IOException {
            if (file.equals("-")) {
                return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.ISO_8859_1), 1 << 16);
            }
            try {
                return Files.newBufferedReader(Path.of(file), StandardCharsets.ISO_8859_1);
            } catch (NoSuchFileException e) {
                throw new StationException("AIS file " + file + " does not exist", e);
            }
        }

        private static void report(DecodeStats stats, PrintWriter err) {
            DecodeStats.Snapshot s = stats.snapshot();
            StringBuilder line = new StringBuilder("macm ais decode: " + s.lines() + " lines, " + s.decoded() + " messages");
            for (Map.Entry<RejectReason, Long> e : s.rejected().entrySet()) {
                if (e.getValue() > 0) {
                    line.append(", ").append(e.getValue()).append(' ').append(e.getKey());
                }
            }
            err.println(line);
            err.flush();
        }
    }
}
