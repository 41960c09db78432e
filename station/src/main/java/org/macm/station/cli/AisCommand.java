package org.macm.station.cli;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.macm.encounter.ais.AisDecoder;
import org.macm.encounter.ais.AisReport;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;
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
        private static final int BATCH = 512;
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
            Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
            try (BufferedReader in = open(file);
                    JsonGenerator g = RecordJson.objects(out, json)) {
                // Reading and decoding on one thread, writing JSON on this one: each is about half
                // the work, so with a second core free a large file takes about half the time.
                BlockingQueue<List<AisReport>> batches = new ArrayBlockingQueue<>(16);
                AtomicReference<IOException> failed = new AtomicReference<>();
                Thread reader = Thread.ofPlatform().name("ais-decode").daemon().start(() -> decode(in, decoder, batches, failed));
                try {
                    List<AisReport> batch = batches.take();
                    while (!batch.isEmpty()) {
                        for (AisReport r : batch) {
                            write(g, records, r);
                        }
                        batch = batches.take();
                    }
                    reader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while decoding " + file, e);
                } finally {
                    reader.interrupt();
                }
                if (failed.get() != null) {
                    throw failed.get();
                }
                g.writeRaw('\n');
            }
            out.flush();
            report(decoder.stats(), spec.commandLine().getErr());
            return 0;
        }

        /** Decodes every line into batches; an empty batch marks the end (also after a read error, kept in {@code failed}). */
        private static void decode(BufferedReader in, AisDecoder decoder, BlockingQueue<List<AisReport>> batches,
                AtomicReference<IOException> failed) {
            try {
                List<AisReport> batch = new ArrayList<>(BATCH);
                try {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (decoder.accept(line) instanceof DecodeResult.Decoded<AisReport> d) {
                            batch.add(d.value());
                            if (batch.size() == BATCH) {
                                batches.put(batch);
                                batch = new ArrayList<>(BATCH);
                            }
                        }
                    }
                } catch (IOException e) {
                    failed.set(e);
                }
                if (!batch.isEmpty()) {
                    batches.put(batch);
                }
                batches.put(List.of());
            } catch (InterruptedException e) {
                // the writer gave up (its output failed): nothing is waiting for more
                Thread.currentThread().interrupt();
            }
        }

        private static void write(JsonGenerator g, RecordJson records, AisReport r) throws IOException {
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
            err.println("macm ais decode: " + s.lines() + " lines, " + s.describe());
            err.flush();
        }
    }
}
