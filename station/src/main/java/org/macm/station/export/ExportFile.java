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
import org.macm.core.log.SignedEntry;
import org.macm.station.StationException;

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
