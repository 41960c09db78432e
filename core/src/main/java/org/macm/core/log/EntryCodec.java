package org.macm.core.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.macm.core.MacmException;

/**
 * Writes and reads entry bytes: UTF-8 JSON, one object, fields in this order.
 *
 * <pre>
 * {"v":1,"link":"cn-mnd~jp-mod","author":"jp-mod","seq":7,
 *  "prev":"&lt;64 hex&gt;","time":"2026-11-29T03:38:14.123Z","kind":"MESSAGE",
 *  "peerHead":{"seq":5,"hash":"&lt;64 hex&gt;"},
 *  "body":{...}}                                  (no white space between tokens)
 *
 * body by kind:
 *   MESSAGE  {"precedence":"FLASH","template":{"id":"…","version":1,"fields":{…}}}
 *            {"precedence":"ROUTINE","freeText":{"lang":"ja","text":"…"}}
 *   RECEIPT  {"upTo":{"seq":n,"hash":"…"}}
 *   ACK      {"message":{"seq":n,"hash":"…"},"officer":"…","time":"…"[,"remark":"…"]}
 *   TEST     {"scheduled":"…","humanAck":false}
 * </pre>
 *
 * Reading is strict, because two stations and any later verifier must agree on what an
 * entry says: it refuses exactly what docs/PROTOCOL.md §2 "Reading" and §7 list (invalid
 * UTF-8, anything outside the object, duplicate, unknown and missing keys, wrong types,
 * integers not written as plain digits or out of range, lone surrogate escapes, nesting over
 * {@link #MAX_DEPTH}, entries over {@link #MAX_ENTRY_BYTES} …), each with a message that
 * starts with the rule's id and names the field.
 * The byte form is only ever produced once, by the author; everyone else keeps the bytes.
 */
public final class EntryCodec {
    public static final int VERSION = 1;
    public static final int MAX_ENTRY_BYTES = 64 * 1024;
    /** How deep objects and arrays may nest in an entry; the entry object itself is level 1. */
    public static final int MAX_DEPTH = 64;
    /** The highest template version an entry may name. */
    public static final long MAX_TEMPLATE_VERSION = Integer.MAX_VALUE;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);
    /**
     * The form of every time in an entry, {@code [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z}:
     * a digit where this holds '0', the character itself elsewhere. Checked by hand, and the date
     * then built with {@link LocalDateTime#of}, which refuses what {@link #TIME}'s strict reading
     * refuses (a day past the month's end, hour 24, second 60): a regular expression and a parse
     * were 4 % of all allocation on the round trip.
     */
    private static final String TIME_FORM = "0000-00-00T00:00:00.000Z";
    /** The first and the first past the times {@link #TIME} writes with four digits. */
    private static final Instant YEAR_0 = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z");
    private static final Set<String> TOP_KEYS =
            Set.of("v", "link", "author", "seq", "prev", "time", "kind", "peerHead", "body");
    private static final Set<String> RECEIPT_KEYS = Set.of("upTo");
    private static final Set<String> ACK_KEYS = Set.of("message", "officer", "time", "remark");
    private static final Set<String> TEST_KEYS = Set.of("scheduled", "humanAck");
    private static final Set<String> MESSAGE_KEYS = Set.of("precedence", "template", "freeText");
    private static final Set<String> TEMPLATE_KEYS = Set.of("id", "version", "fields");
    private static final Set<String> FREE_TEXT_KEYS = Set.of("lang", "text");
    private static final Set<String> HEAD_KEYS = Set.of("seq", "hash");

    /** Writes a template's fields, which are kept as the JSON tree that was read or composed. */
    private static final ObjectMapper MAPPER = JsonMapper.builder(EntryJson.FACTORY).build();

    private EntryCodec() {
    }

    /** Formats a time as entries carry it: UTC, milliseconds, {@code Z}. */
    public static String formatTime(Instant time) {
        return TIME.format(time.truncatedTo(ChronoUnit.MILLIS));
    }

    static byte[] encode(Entry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = EntryJson.FACTORY.createGenerator(out)) {
            g.setCodec(MAPPER);
            g.writeStartObject();
            g.writeNumberField("v", e.version());
            g.writeStringField("link", e.log().link().toString());
            g.writeStringField("author", e.log().author().toString());
            g.writeNumberField("seq", e.seq());
            g.writeStringField("prev", e.prev().hex());
            g.writeStringField("time", formatTime(e.time()));
            g.writeStringField("kind", e.kind().name());
            g.writeFieldName("peerHead");
            writeHead(g, e.peerHead());
            g.writeFieldName("body");
            writeBody(g, e.body());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw new MalformedEntryException(Rule.F_SIZE, "entry is " + bytes.length + " bytes; the limit is "
                    + MAX_ENTRY_BYTES + " (shorten the text or split the message)");
        }
        // Never sign what a reader refuses (a lone surrogate or fields nested too deep from a
        // request, a time past year 9999): the peer could not take it, and our own export
        // would not verify.
        if (!readableAsWritten(e)) {
            decode(bytes);
        }
        return bytes;
    }

    /**
     * True when reading {@code e}'s bytes back could only repeat what the records' constructors
     * already checked, so the writer need not: format version {@link #VERSION}, every time within
     * years 0000-9999 (four digits), no surrogate in any string (a lone one is refused), and no
     * template (its fields are an open JSON tree: depth, numbers). Everything else the reader
     * checks (ids, ascending link, author a party, seq from 1, heads, non-blank text, language
     * tag, a receipt or acknowledgement naming seq 1 or later) the constructors refuse with the
     * same tests. The read-back was a third of all allocation on the write path.
     */
    static boolean readableAsWritten(Entry e) {
        if (e.version() != VERSION || !fourDigitYear(e.time())) {
            return false;
        }
        return switch (e.body()) {
            case Body.Receipt r -> true;
            case Body.LinkTest t -> fourDigitYear(t.scheduled());
            case Body.Acknowledgement a -> fourDigitYear(a.time()) && noSurrogate(a.officer())
                    && (a.remark().isEmpty() || noSurrogate(a.remark().get()));
            case Body.Message m -> m.content() instanceof MessageContent.FreeText f && noSurrogate(f.lang())
                    && noSurrogate(f.text());
        };
    }

    private static boolean fourDigitYear(Instant t) {
        return !t.isBefore(YEAR_0) && t.isBefore(YEAR_10000);
    }

    private static boolean noSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void writeHead(JsonGenerator g, Head h) throws IOException {
        g.writeStartObject();
        g.writeNumberField("seq", h.seq());
        g.writeStringField("hash", h.hash().hex());
        g.writeEndObject();
    }

    private static void writeBody(JsonGenerator g, Body body) throws IOException {
        g.writeStartObject();
        switch (body) {
            case Body.Message m -> {
                g.writeStringField("precedence", m.precedence().name());
                switch (m.content()) {
                    case MessageContent.Template t -> {
                        g.writeObjectFieldStart("template");
                        g.writeStringField("id", t.id());
                        g.writeNumberField("version", t.version());
                        g.writeFieldName("fields");
                        g.writeTree(t.fields());
                        g.writeEndObject();
                    }
                    case MessageContent.FreeText f -> {
                        g.writeObjectFieldStart("freeText");
                        g.writeStringField("lang", f.lang());
                        g.writeStringField("text", f.text());
                        g.writeEndObject();
                    }
                }
            }
            case Body.Receipt r -> {
                g.writeFieldName("upTo");
                writeHead(g, r.upTo());
            }
            case Body.Acknowledgement a -> {
                g.writeFieldName("message");
                writeHead(g, a.message());
                g.writeStringField("officer", a.officer());
                g.writeStringField("time", formatTime(a.time()));
                if (a.remark().isPresent()) {
                    g.writeStringField("remark", a.remark().get());
                }
            }
            case Body.LinkTest t -> {
                g.writeStringField("scheduled", formatTime(t.scheduled()));
                g.writeBooleanField("humanAck", t.humanAck());
            }
        }
        g.writeEndObject();
    }

    /**
     * Parses entry bytes strictly; every refusal is a {@link MalformedEntryException} whose
     * message starts with the id of the docs/PROTOCOL.md §7 rule the bytes break and names the
     * field.
     */
    public static Entry decode(byte[] bytes) {
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw new MalformedEntryException(Rule.F_SIZE, "entry is " + bytes.length + " bytes; the limit is "
                    + MAX_ENTRY_BYTES);
        }
        EntryJson.Tree tree = EntryJson.read(bytes);
        try {
            return new Reader(tree.signed()).entry(tree.root());
        } catch (MalformedEntryException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            // Every rule is checked before a record is built; a constructor that still refuses is a bug here.
            throw new MalformedEntryException(Rule.F_TYPE, "entry is not well formed: " + ex.getMessage(), ex);
        }
    }

    /** The fields of one entry, read from its tree with the rules of §2 "Reading". */
    private record Reader(Set<String> signed) {

        Entry entry(JsonNode root) {
            long version = integer(root, "", "v");
            if (version != VERSION) {
                throw new MalformedEntryException(Rule.F_VERSION, "entry format version " + version
                        + " is not supported (this station reads " + VERSION + ")");
            }
            onlyKeys(root, "", TOP_KEYS);
            String linkText = text(root, "", "link");
            LinkId link;
            try {
                link = LinkId.parse(linkText);
            } catch (MacmException ex) {
                throw new MalformedEntryException(Rule.F_LINK, "entry field 'link': " + ex.getMessage(), ex);
            }
            String authorText = text(root, "", "author");
            if (!link.first().value().equals(authorText) && !link.second().value().equals(authorText)) {
                throw new MalformedEntryException(Rule.F_AUTHOR, "entry author '" + authorText
                        + "' is not a party to link " + link);
            }
            long seq = integer(root, "", "seq");
            if (seq < 1) {
                throw new MalformedEntryException(Rule.F_RANGE, "entry field 'seq' is 0; a log starts at seq 1");
            }
            EntryHash prev = hash(root, "", "prev");
            Instant time = time(root, "", "time");
            String kindText = text(root, "", "kind");
            EntryKind kind;
            try {
                kind = EntryKind.valueOf(kindText);
            } catch (IllegalArgumentException ex) {
                throw new MalformedEntryException(Rule.F_KIND, "entry kind '" + kindText
                        + "' is not one of MESSAGE, RECEIPT, ACK, TEST", ex);
            }
            Head peerHead = head(object(root, "", "peerHead"), "peerHead");
            Body body = body(kind, object(root, "", "body"));
            return new Entry((int) version, new LogId(link, StationId.of(authorText)), seq, prev, time, peerHead, body);
        }

        private Body body(EntryKind kind, JsonNode b) {
            return switch (kind) {
                case MESSAGE -> message(b);
                case RECEIPT -> {
                    onlyKeys(b, "body", RECEIPT_KEYS);
                    Head upTo = head(object(b, "body", "upTo"), "body.upTo");
                    if (upTo.isEmpty()) {
                        throw new MalformedEntryException(Rule.F_RANGE, "entry field 'body.upTo.seq' is 0: "
                                + "a receipt covers at least seq 1");
                    }
                    yield new Body.Receipt(upTo);
                }
                case ACK -> {
                    onlyKeys(b, "body", ACK_KEYS);
                    Head message = head(object(b, "body", "message"), "body.message");
                    if (message.isEmpty()) {
                        throw new MalformedEntryException(Rule.F_RANGE, "entry field 'body.message.seq' is 0: "
                                + "an acknowledgement names an entry, seq 1 or higher");
                    }
                    String officer = notBlank(b, "body", "officer");
                    Instant at = time(b, "body", "time");
                    Optional<String> remark = b.has("remark") ? Optional.of(text(b, "body", "remark")) : Optional.empty();
                    yield new Body.Acknowledgement(message, officer, at, remark);
                }
                case TEST -> {
                    onlyKeys(b, "body", TEST_KEYS);
                    Instant scheduled = time(b, "body", "scheduled");
                    JsonNode ack = required(b, "body", "humanAck");
                    if (!ack.isBoolean()) {
                        throw new MalformedEntryException(Rule.F_TYPE, "entry field 'body.humanAck' must be true or false");
                    }
                    yield new Body.LinkTest(scheduled, ack.booleanValue());
                }
            };
        }

        private Body message(JsonNode b) {
            onlyKeys(b, "body", MESSAGE_KEYS);
            String precedenceText = text(b, "body", "precedence");
            Precedence precedence;
            try {
                precedence = Precedence.valueOf(precedenceText);
            } catch (IllegalArgumentException ex) {
                throw new MalformedEntryException(Rule.F_PRECEDENCE, "entry field 'body.precedence' is '" + precedenceText
                        + "'; it must be FLASH, IMMEDIATE, PRIORITY or ROUTINE", ex);
            }
            if (b.has("template") == b.has("freeText")) {
                throw new MalformedEntryException(Rule.F_CONTENT, "a MESSAGE body has exactly one of 'template' and "
                        + "'freeText'; this one has " + (b.has("template") ? "both" : "neither"));
            }
            if (b.has("template")) {
                JsonNode t = object(b, "body", "template");
                onlyKeys(t, "body.template", TEMPLATE_KEYS);
                String id = text(t, "body.template", "id");
                if (!MessageContent.Template.isId(id)) {
                    throw new MalformedEntryException(Rule.F_TEMPLATE_ID, "entry field 'body.template.id' is '" + id
                            + "'; a template id is a lower-case letter then up to 63 lower-case letters, digits and dashes");
                }
                long version = integer(t, "body.template", "version");
                if (version < 1 || version > MAX_TEMPLATE_VERSION) {
                    throw new MalformedEntryException(Rule.F_RANGE, "entry field 'body.template.version' is " + version
                            + "; a template version is 1 to " + MAX_TEMPLATE_VERSION);
                }
                ObjectNode fields = (ObjectNode) object(t, "body.template", "fields");
                return new Body.Message(precedence, new MessageContent.Template(id, (int) version, fields));
            }
            JsonNode f = object(b, "body", "freeText");
            onlyKeys(f, "body.freeText", FREE_TEXT_KEYS);
            String lang = text(f, "body.freeText", "lang");
            if (!MessageContent.FreeText.isLanguageTag(lang)) {
                throw new MalformedEntryException(Rule.F_LANG, "entry field 'body.freeText.lang' is '" + lang
                        + "'; a language tag is 2-3 lower-case letters, then subtags of a dash and 2-8 letters or digits "
                        + "(en, ja, zh-Hans)");
            }
            return new Body.Message(precedence, new MessageContent.FreeText(lang, notBlank(f, "body.freeText", "text")));
        }

        private Head head(JsonNode node, String path) {
            onlyKeys(node, path, HEAD_KEYS);
            long seq = integer(node, path, "seq");
            EntryHash hash = hash(node, path, "hash");
            if (seq == 0 && !hash.equals(EntryHash.ZERO)) {
                throw new MalformedEntryException(Rule.F_HEAD, "entry field '" + path
                        + "' has seq 0 (nothing) but a hash other than 64 zeros");
            }
            return new Head(seq, hash);
        }

        private long integer(JsonNode node, String path, String key) {
            JsonNode value = required(node, path, key);
            if (!value.isNumber()) {
                throw new MalformedEntryException(Rule.F_TYPE, "entry field '" + join(path, key) + "' must be an integer");
            }
            // The name is only built when it is needed (a minus sign was seen, or a refusal).
            if (!value.isIntegralNumber()
                    || (!signed.isEmpty() && signed.contains("/" + join(path, key).replace('.', '/')))) {
                throw new MalformedEntryException(Rule.F_INTEGER, "entry field '" + join(path, key) + "' is written "
                        + value + "; an integer is written as digits only, with no sign, fraction or exponent");
            }
            if (!value.canConvertToLong()) {
                throw new MalformedEntryException(Rule.F_INTEGER, "entry field '" + join(path, key) + "' is " + value
                        + "; no integer of an entry is above " + Long.MAX_VALUE);
            }
            return value.longValue();
        }
    }

    private static void onlyKeys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new MalformedEntryException(Rule.F_UNKNOWN_KEY, "entry has unknown field '" + join(path, key) + "'");
            }
        }
    }

    private static JsonNode required(JsonNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new MalformedEntryException(Rule.F_MISSING_KEY, "entry lacks field '" + join(path, key) + "'");
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String path, String key) {
        JsonNode value = required(node, path, key);
        if (!value.isObject()) {
            throw new MalformedEntryException(Rule.F_TYPE, "entry field '" + join(path, key) + "' must be an object");
        }
        return value;
    }

    private static String text(JsonNode node, String path, String key) {
        JsonNode value = required(node, path, key);
        if (!value.isTextual()) {
            throw new MalformedEntryException(Rule.F_TYPE, "entry field '" + join(path, key) + "' must be a string");
        }
        return value.textValue();
    }

    private static String notBlank(JsonNode node, String path, String key) {
        String value = text(node, path, key);
        if (Blank.isBlank(value)) {
            throw new MalformedEntryException(Rule.F_BLANK, "entry field '" + join(path, key)
                    + "' is empty or only white space");
        }
        return value;
    }

    private static EntryHash hash(JsonNode node, String path, String key) {
        String text = text(node, path, key);
        try {
            return EntryHash.fromHex(text);
        } catch (MacmException ex) {
            throw new MalformedEntryException(Rule.F_HASH, "entry field '" + join(path, key) + "': " + ex.getMessage(), ex);
        }
    }

    private static Instant time(JsonNode node, String path, String key) {
        String text = text(node, path, key);
        try {
            if (!timeForm(text)) {
                throw new DateTimeParseException("not the form", text, 0);
            }
            return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2),
                    digits(text, 14, 2), digits(text, 17, 2), digits(text, 20, 3) * 1_000_000).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException ex) {
            throw new MalformedEntryException(Rule.F_TIME, "entry field '" + join(path, key) + "' is '" + text
                    + "'; it must be a real UTC time like 2026-11-29T03:38:14.123Z", ex);
        }
    }

    private static boolean timeForm(String text) {
        if (text.length() != TIME_FORM.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char want = TIME_FORM.charAt(i);
            char c = text.charAt(i);
            if (want == '0' ? c < '0' || c > '9' : c != want) {
                return false;
            }
        }
        return true;
    }

    /** The number written by {@code n} ASCII digits at {@code from} (checked by {@link #timeForm}). */
    private static int digits(String text, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            v = v * 10 + text.charAt(i) - '0';
        }
        return v;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
