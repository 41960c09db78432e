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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.macm.core.MacmException;
import org.macm.core.log.EntryCodec;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.FileProblem;
import org.macm.station.StationException;
import org.macm.store.Equivocation;

/**
 * The equivocation evidence file (docs/PROTOCOL.md §15): JSON Lines, one claim of
 * equivocation per line, each holding the two conflicting entries of one log at one seq as
 * their exact bytes and signatures, with the recording station's note of when it saw each.
 * Like an export it holds no secrets and is checked with nothing but the author's public key
 * ({@link EquivocationVerifier}); what makes it proof is the two signatures, not the notes.
 *
 * <pre>
 * {"format":"macm-equivocation-v1","link":"cn-mnd~jp-mod","author":"cn-mnd","seq":4,"recordedBy":"jp-mod",
 *  "first":{"entry":"eyJ2…","signature":"q83v…","seen":"2026-11-30T15:40:01.123Z"},
 *  "second":{"entry":"eyJ2…","signature":"Zm9v…","seen":"2026-11-30T15:41:07.550Z"}}
 * </pre>
 * (one line in the file).
 */
public final class EquivocationFile {
    /** The value of {@code format}: what tells this file from an export. */
    public static final String FORMAT = "macm-equivocation-v1";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> KEYS = Set.of("format", "link", "author", "seq", "recordedBy", "first", "second");
    private static final Set<String> REQUIRED = Set.of("format", "link", "author", "seq", "first", "second");
    private static final Set<String> VERSION_KEYS = Set.of("entry", "signature", "seen");

    private EquivocationFile() {
    }

    /** One version of the entry at that seq: its signed bytes, and when the recording station saw it (if known). */
    public record Version(SignedEntry entry, Optional<Instant> seen) {
    }

    /**
     * One line's claim, as the file states it: the log and seq it names, who recorded it, and
     * the two versions. Nothing is verified yet: that is {@link EquivocationVerifier}'s job.
     */
    public record Claim(LogId log, long seq, Optional<StationId> recordedBy, Version first, Version second) {
        /** The claim these two versions make, named after the first one's log and seq. */
        public static Claim of(Version first, Version second, Optional<StationId> recordedBy) {
            return new Claim(first.entry().log(), first.entry().seq(), recordedBy, first, second);
        }

        /** What a station recorded when a second version arrived at a seq it held. */
        public static Claim of(Equivocation e, StationId recordedBy) {
            return of(new Version(e.stored(), Optional.of(e.storedAt())),
                    new Version(e.conflicting(), Optional.of(e.detectedAt())), Optional.of(recordedBy));
        }
    }

    /** One line of the file: a claim, or why it could not be read as one. */
    public sealed interface Line {
        int number();

        /** A line that reads as a claim. */
        record Read(int number, Claim claim) implements Line {
        }

        /** A line that is not a claim (bad JSON, a missing key, bytes that are not an entry …). */
        record Unreadable(int number, String problem) implements Line {
        }
    }

    /** What a station says when it holds no evidence against {@code peer}: the API's 404 and the offline error alike. */
    public static String noEvidence(StationId peer, StationId self) {
        return "no equivocation by " + peer + " is recorded at " + self + " (it has never sent two different entries"
                + " at one seq); nothing exported";
    }

    /** The line of one claim, in the fixed key order above, without the line feed. */
    public static String line(Claim c) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("link", c.log().link().toString());
            g.writeStringField("author", c.log().author().toString());
            g.writeNumberField("seq", c.seq());
            if (c.recordedBy().isPresent()) {
                g.writeStringField("recordedBy", c.recordedBy().get().toString());
            }
            writeVersion(g, "first", c.first());
            writeVersion(g, "second", c.second());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new StationException("cannot encode equivocation evidence: " + ex.getMessage(), ex);
        }
        return out.toString();
    }

    private static void writeVersion(JsonGenerator g, String name, Version v) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("entry", Base64.getEncoder().encodeToString(v.entry().bytes()));
        g.writeStringField("signature", Base64.getEncoder().encodeToString(v.entry().signature()));
        if (v.seen().isPresent()) {
            g.writeStringField("seen", EntryCodec.formatTime(v.seen().get()));
        }
        g.writeEndObject();
    }

    /** Writes one line per claim, each ending in a line feed; returns how many. */
    public static int write(Writer out, List<Claim> claims) throws IOException {
        for (Claim c : claims) {
            out.write(line(c));
            out.write('\n');
        }
        out.flush();
        return claims.size();
    }

    /** As {@link #write(Writer, List)}, to {@code file}. */
    public static int write(Path file, List<Claim> claims) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return write(w, claims);
        } catch (IOException ex) {
            throw new StationException("cannot write equivocation evidence " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Whether {@code file} is meant as equivocation evidence rather than an export: its first
     * line is a JSON object with a {@code format} key (export lines have only entry and
     * signature). A file that says so but is damaged is still taken as evidence, so that
     * {@code macm verify} says what is wrong with it instead of calling it a bad export.
     */
    public static boolean claimsToBe(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null) {
                return false;
            }
            JsonNode node = MAPPER.readTree(first);
            return node != null && node.isObject() && node.has("format");
        } catch (IOException | RuntimeException ex) {
            return false;
        }
    }

    /** Reads every line; a line that is not a claim is returned as {@link Line.Unreadable}, saying why. */
    public static List<Line> read(Path file) {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String text; (text = r.readLine()) != null; ) {
                number++;
                lines.add(parse(number, text));
            }
        } catch (IOException ex) {
            throw new StationException(FileProblem.cannotRead("equivocation evidence", file, ex), ex);
        }
        return lines;
    }

    private static Line parse(int number, String text) {
        try {
            return new Line.Read(number, claim(text));
        } catch (Unreadable u) {
            return new Line.Unreadable(number, u.getMessage());
        }
    }

    /** Why a line is not a claim; only ever caught in {@link #parse}. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static Claim claim(String text) throws Unreadable {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (IOException ex) {
            throw new Unreadable("not a JSON object (" + firstLine(ex.getMessage()) + ")");
        }
        if (node == null || !node.isObject()) {
            throw new Unreadable("not a JSON object");
        }
        keys(node, KEYS, REQUIRED, "");
        String format = text(node, "format");
        if (!format.equals(FORMAT)) {
            throw new Unreadable("format is \"" + format + "\"; this verifier reads \"" + FORMAT + "\"");
        }
        LogId log;
        Optional<StationId> recordedBy;
        try {
            log = new LogId(LinkId.parse(text(node, "link")), StationId.of(text(node, "author")));
            recordedBy = node.has("recordedBy") ? Optional.of(StationId.of(text(node, "recordedBy"))) : Optional.empty();
        } catch (MacmException ex) {
            throw new Unreadable(ex.getMessage());
        }
        JsonNode seq = node.get("seq");
        if (!seq.canConvertToExactIntegral() || !seq.isIntegralNumber() || !seq.canConvertToLong() || seq.longValue() < 1) {
            throw new Unreadable("\"seq\" must be an integer of 1 or more");
        }
        return new Claim(log, seq.longValue(), recordedBy, version(node, "first"), version(node, "second"));
    }

    private static Version version(JsonNode parent, String name) throws Unreadable {
        JsonNode node = parent.get(name);
        if (!node.isObject()) {
            throw new Unreadable("\"" + name + "\" must be an object with entry, signature and (optionally) seen");
        }
        keys(node, VERSION_KEYS, Set.of("entry", "signature"), name + ".");
        byte[] bytes = base64(node, "entry", name);
        byte[] signature = base64(node, "signature", name);
        SignedEntry entry;
        try {
            entry = SignedEntry.parse(bytes, signature);
        } catch (MacmException ex) {
            throw new Unreadable("the " + name + " entry cannot be read: " + ex.getMessage());
        }
        Optional<Instant> seen = Optional.empty();
        if (node.has("seen")) {
            String t = text(node, "seen");
            try {
                Instant at = TIME.parse(t, Instant::from);
                if (!EntryCodec.formatTime(at).equals(t)) {
                    throw new DateTimeParseException("not in the entry time form", t, 0);
                }
                seen = Optional.of(at);
            } catch (DateTimeParseException ex) {
                throw new Unreadable("\"" + name + ".seen\" is \"" + t + "\", not a time like 2026-11-30T15:40:01.123Z");
            }
        }
        return new Version(entry, seen);
    }

    private static void keys(JsonNode node, Set<String> allowed, Set<String> required, String prefix) throws Unreadable {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw new Unreadable("unknown key \"" + prefix + key + "\"");
            }
        }
        for (String key : required) {
            if (!node.has(key)) {
                throw new Unreadable("missing key \"" + prefix + key + "\"");
            }
        }
    }

    private static String text(JsonNode node, String key) throws Unreadable {
        JsonNode v = node.get(key);
        if (!v.isTextual()) {
            throw new Unreadable("\"" + key + "\" must be a string");
        }
        return v.textValue();
    }

    /** Standard base64 with padding, in its one canonical spelling (as the export format). */
    private static byte[] base64(JsonNode node, String key, String version) throws Unreadable {
        String where = version + "." + key;
        JsonNode v = node.get(key);
        if (!v.isTextual()) {
            throw new Unreadable("\"" + where + "\" must be a base64 string");
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(v.textValue());
            if (!Base64.getEncoder().encodeToString(decoded).equals(v.textValue())) {
                throw new IllegalArgumentException("not canonical: padding missing or pad bits set");
            }
            return decoded;
        } catch (IllegalArgumentException ex) {
            throw new Unreadable("\"" + where + "\" is not valid base64 (" + ex.getMessage() + ")");
        }
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }
}
