package org.macm.station.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.macm.core.MacmException;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;
import org.macm.station.StationException;
import org.macm.store.LogStore;

/**
 * The export format: JSON Lines, one entry per line, in seq order, holding the entry's exact
 * bytes and its signature in base64. Nothing else is needed to verify it, and nothing in it
 * is re-serialised.
 *
 * <pre>
 * {"entry":"eyJ2IjoxLC…","signature":"q83v…"}\n
 * </pre>
 */
public final class ExportFile {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    /** One line of an export: where it was and what it held (or why it could not be read). */
    public sealed interface Line {
        int number();

        /** A line that holds an entry. */
        record Read(int number, SignedEntry entry) implements Line {
        }

        /** A line that could not be read as an entry. */
        record Unreadable(int number, String problem) implements Line {
        }
    }

    /** Entries read from the store at a time while exporting. */
    private static final int PAGE = 256;

    private ExportFile() {
    }

    public static String line(SignedEntry e) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("entry", Base64.getEncoder().encodeToString(e.bytes()));
            g.writeStringField("signature", Base64.getEncoder().encodeToString(e.signature()));
            g.writeEndObject();
        } catch (IOException ex) {
            throw new StationException("cannot encode export line: " + ex.getMessage(), ex);
        }
        return out.toString();
    }

    /**
     * Writes entries 1 to {@code upTo} of {@code log} from {@code store}, reading it
     * 256 entries at a time so that a long log is never held whole. The caller
     * fixes {@code upTo} (the head) before the first line: an entry written meanwhile is left
     * out entirely, never half-included, and the result is a complete log prefix. Offline and
     * online exports both come through here, so they are the same bytes. Returns the number
     * of lines written.
     */
    public static long write(Writer out, LogStore store, LogId log, long upTo) throws IOException {
        long next = 1;
        while (next <= upTo) {
            List<SignedEntry> page = store.read(log, next, (int) Math.min(PAGE, upTo - next + 1));
            if (page.isEmpty()) {
                throw new StationException("log " + log + " ends at seq " + (next - 1) + ", short of seq " + upTo
                        + " that its head named; the export is incomplete");
            }
            for (SignedEntry e : page) {
                if (e.seq() != next) {
                    throw new StationException("log " + log + " gave seq " + e.seq() + " where seq " + next
                            + " was due; the export is incomplete");
                }
                out.write(line(e));
                out.write('\n');
                next++;
            }
        }
        out.flush();
        return upTo;
    }

    /** As {@link #write(Writer, LogStore, LogId, long)}, to {@code file}. */
    public static long write(Path file, LogStore store, LogId log, long upTo) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return write(w, store, log, upTo);
        } catch (IOException ex) {
            throw new StationException("cannot write export " + file + ": " + ex.getMessage(), ex);
        }
    }

    public static void write(Path file, List<SignedEntry> entries) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (SignedEntry e : entries) {
                w.write(line(e));
                w.write('\n');
            }
        } catch (IOException ex) {
            throw new StationException("cannot write export " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** Reads every line; a line that is not an entry is returned as {@link Line.Unreadable}. */
    public static List<Line> read(Path file) {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String text; (text = r.readLine()) != null; ) {
                number++;
                if (text.isBlank()) {
                    lines.add(new Line.Unreadable(number, "blank line"));
                    continue;
                }
                lines.add(parse(number, text));
            }
        } catch (IOException ex) {
            throw new StationException("cannot read export " + file + ": " + ex.getMessage(), ex);
        }
        return lines;
    }

    private static Line parse(int number, String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (IOException ex) {
            return new Line.Unreadable(number, "not a JSON export line");
        }
        if (node == null || !node.isObject() || node.size() != 2 || !node.path("entry").isTextual()
                || !node.path("signature").isTextual()) {
            return new Line.Unreadable(number, "an export line has exactly the keys \"entry\" and \"signature\"");
        }
        byte[] bytes;
        byte[] signature;
        try {
            bytes = Base64.getDecoder().decode(node.get("entry").textValue());
            signature = Base64.getDecoder().decode(node.get("signature").textValue());
        } catch (IllegalArgumentException ex) {
            return new Line.Unreadable(number, "not valid base64 (" + ex.getMessage() + ")");
        }
        try {
            return new Line.Read(number, SignedEntry.parse(bytes, signature));
        } catch (MacmException ex) {
            return new Line.Unreadable(number, ex.getMessage());
        }
    }
}
