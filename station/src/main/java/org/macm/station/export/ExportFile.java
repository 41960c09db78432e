package org.macm.station.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.core.MacmException;
import org.macm.core.log.Rule;
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
 *
 * Reading is as strict as the document (§5, §7): exactly that line, standard padded base64 in
 * its one canonical form, LF after every line including the last.
 */
public final class ExportFile {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

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

    /** An export line as {@link #line} writes it: the two keys in this order, nothing else. */
    private static final Pattern LINE = Pattern.compile("\\{\"entry\":\"([^\"\\\\]*)\",\"signature\":\"([^\"\\\\]*)\"}");
    /** Longer than the line of the largest entry (65,536 bytes: 87,384 in base64) with its signature. */
    private static final int MAX_LINE_BYTES = 128 * 1024;

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

    /**
     * Reads every line; a line that is not an entry is returned as {@link Line.Unreadable} whose
     * problem starts with the id of the docs/PROTOCOL.md §7 rule it breaks. A line is exactly
     * {@code {"entry":"BASE64","signature":"BASE64"}} and one LF, the last line too; the file is
     * read as bytes, so a CR, a byte order mark or a missing final LF is seen, not smoothed over.
     * An empty file gives no lines. Reading stops after a line too long for any entry.
     */
    public static List<Line> read(Path file) {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            int number = 1;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b != '\n') {
                    if (line.size() >= MAX_LINE_BYTES) {
                        lines.add(new Line.Unreadable(number, Rule.F_EXPORT_LINE.tag() + "the line is over "
                                + MAX_LINE_BYTES + " bytes, longer than the line of any entry"));
                        return lines;
                    }
                    line.write(b);
                    continue;
                }
                lines.add(parse(number, line.toByteArray()));
                line.reset();
                number++;
            }
            if (line.size() > 0) {
                lines.add(new Line.Unreadable(number, Rule.F_EXPORT_LINE.tag()
                        + "the last line does not end with a line feed (every line of an export ends with one LF)"));
            }
        } catch (IOException ex) {
            throw new StationException("cannot read export " + file + ": " + ex.getMessage(), ex);
        }
        return lines;
    }

    private static Line parse(int number, byte[] text) {
        String ascii = new String(text, StandardCharsets.ISO_8859_1);
        Matcher m = LINE.matcher(ascii);
        if (!m.matches()) {
            String why = text.length == 0 ? "the line is empty"
                    : ascii.endsWith("\r") ? "the line ends with CR LF, not LF alone"
                    : "the line is not exactly {\"entry\":\"BASE64\",\"signature\":\"BASE64\"} (these two keys in this "
                            + "order, no spaces, nothing else)";
            return new Line.Unreadable(number, Rule.F_EXPORT_LINE.tag() + why);
        }
        Optional<byte[]> bytes = canonicalBase64(m.group(1));
        Optional<byte[]> signature = canonicalBase64(m.group(2));
        if (bytes.isEmpty() || signature.isEmpty()) {
            return new Line.Unreadable(number, Rule.F_EXPORT_BASE64.tag() + "the " + (bytes.isEmpty() ? "entry" : "signature")
                    + " is not standard base64 with padding and zero pad bits (RFC 4648 section 4)");
        }
        try {
            return new Line.Read(number, SignedEntry.parse(bytes.get(), signature.get()));
        } catch (MacmException ex) {
            return new Line.Unreadable(number, ex.getMessage());
        }
    }

    /** Decodes {@code text} if it is the one base64 form of its bytes; a second form would be a second export. */
    private static Optional<byte[]> canonicalBase64(String text) {
        try {
            byte[] raw = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(raw).equals(text) ? Optional.of(raw) : Optional.empty();
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
