package org.macm.core.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.macm.core.crypto.SigningKey;

/**
 * Makes the refusal corpus of docs/vectors/refusals.jsonl: for each rule of docs/PROTOCOL.md §7,
 * exports that break that rule and no other, every entry signed with the §6 test key (for
 * both stations' logs), so that a verifier refuses them for the named reason and no earlier
 * one. {@link RefusalCorpusTest} checks that the committed file is what this makes.
 *
 * <p>Entries are written out by hand rather than by {@link LogWriter}, because most of them
 * are entries no writer of ours would produce.
 */
final class RefusalCorpusGenerator {
    static final SigningKey KEY = SigningKey.fromSeed(
            HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"));
    static final String ZEROS = "0".repeat(64);
    static final String TIME = "2023-05-16T01:02:03.456Z";
    static final String JP = "jp-mod";
    static final String CN = "cn-mnd";

    /**
     * One case: the rule, why these bytes break it, the export (whole file) that must be refused,
     * the line of it that breaks the rule (for an A- rule: of the entry whose reference fails),
     * and for A- rules the other log's export, which verifies on its own.
     */
    record Case(String rule, String note, int line, String export, Optional<String> other) {
    }

    /** An entry's bytes, signed (a class, since records of arrays compare by identity). */
    static final class Signed {
        private final byte[] bytes;
        private final byte[] signature;

        Signed(byte[] bytes, byte[] signature) {
            this.bytes = bytes.clone();
            this.signature = signature.clone();
        }

        byte[] bytes() {
            return bytes.clone();
        }

        byte[] signature() {
            return signature.clone();
        }

        String hash() {
            return EntryHash.of(bytes).hex();
        }

        String line() {
            return "{\"entry\":\"" + Base64.getEncoder().encodeToString(bytes) + "\",\"signature\":\""
                    + Base64.getEncoder().encodeToString(signature) + "\"}";
        }
    }

    private final List<Case> cases = new ArrayList<>();

    static List<Case> cases() {
        RefusalCorpusGenerator g = new RefusalCorpusGenerator();
        g.format();
        g.exportLines();
        g.chain();
        g.agree();
        return List.copyOf(g.cases);
    }

    /** The corpus file: one JSON object per line, keys in the order rule, note, line, export, other. */
    static String jsonl() {
        StringBuilder out = new StringBuilder();
        JsonMapper mapper = JsonMapper.builder().build();
        for (Case c : cases()) {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = mapper.getFactory().createGenerator(w)) {
                g.writeStartObject();
                g.writeStringField("rule", c.rule());
                g.writeStringField("note", c.note());
                g.writeNumberField("line", c.line());
                g.writeStringField("export", c.export());
                if (c.other().isPresent()) {
                    g.writeStringField("other", c.other().get());
                }
                g.writeEndObject();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            out.append(w).append('\n');
        }
        return out.toString();
    }

    // ---- entries as our writer lays them out -------------------------------------------------

    static String head(long seq, String hash) {
        return "{\"seq\":" + seq + ",\"hash\":\"" + hash + "\"}";
    }

    static String entry(String author, long seq, String prev, String kind, String peerHead, String body) {
        return "{\"v\":1,\"link\":\"cn-mnd~jp-mod\",\"author\":\"" + author + "\",\"seq\":" + seq + ",\"prev\":\"" + prev
                + "\",\"time\":\"" + TIME + "\",\"kind\":\"" + kind + "\",\"peerHead\":" + peerHead + ",\"body\":" + body + "}";
    }

    static String freeText(String precedence, String lang, String text) {
        return "{\"precedence\":\"" + precedence + "\",\"freeText\":{\"lang\":\"" + lang + "\",\"text\":\"" + text + "\"}}";
    }

    static String template(String id, String version, String fields) {
        return "{\"precedence\":\"ROUTINE\",\"template\":{\"id\":\"" + id + "\",\"version\":" + version + ",\"fields\":"
                + fields + "}}";
    }

    static String ack(String message, String officer) {
        return "{\"message\":" + message + ",\"officer\":\"" + officer + "\",\"time\":\"" + TIME + "\"}";
    }

    /** A valid first entry of jp-mod's log: the base that most format cases change in one place. */
    static final String FIRST = entry(JP, 1, ZEROS, "MESSAGE", head(0, ZEROS), freeText("FLASH", "en", "Report your intentions."));

    static Signed sign(byte[] bytes) {
        return new Signed(bytes, KEY.sign(bytes));
    }

    static Signed sign(String entry) {
        return sign(entry.getBytes(StandardCharsets.UTF_8));
    }

    private static String export(Signed... entries) {
        StringBuilder out = new StringBuilder();
        for (Signed e : entries) {
            out.append(e.line()).append('\n');
        }
        return out.toString();
    }

    private void add(Rule rule, String note, byte[] entry) {
        cases.add(new Case(rule.id(), note, 1, export(sign(entry)), Optional.empty()));
    }

    /** A case whose only entry is {@link #FIRST} with {@code from} replaced by {@code to} (once, which must occur). */
    private void first(Rule rule, String note, String from, String to) {
        if (!FIRST.contains(from)) {
            throw new IllegalStateException(from + " is not in the base entry");
        }
        add(rule, note, FIRST.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8));
    }

    private void entry(Rule rule, String note, String entry) {
        add(rule, note, entry.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(Rule rule, String note, String marker, byte... replacement) {
        String base = FIRST;
        byte[] in = base.getBytes(StandardCharsets.UTF_8);
        int at = base.indexOf(marker);
        byte[] out = new byte[in.length - marker.length() + replacement.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(replacement, 0, out, at, replacement.length);
        System.arraycopy(in, at + marker.length(), out, at + replacement.length, in.length - at - marker.length());
        add(rule, note, out);
    }

    // ---- F-: one entry's bytes ----------------------------------------------------------------

    private void format() {
        first(Rule.F_SIZE, "an entry of 65,550 bytes (the limit is 65,536)", "Report your intentions.",
                "x".repeat(65_550 - FIRST.length() + "Report your intentions.".length()));

        byte q = '"';
        bytes(Rule.F_UTF8, "byte FF, which UTF-8 never uses", "intentions.", (byte) 'x', (byte) 0xFF);
        bytes(Rule.F_UTF8, "overlong C0 AF for '/'", "intentions.", (byte) 'x', (byte) 0xC0, (byte) 0xAF);
        bytes(Rule.F_UTF8, "overlong E0 80 AF for '/'", "intentions.", (byte) 'x', (byte) 0xE0, (byte) 0x80, (byte) 0xAF);
        bytes(Rule.F_UTF8, "an encoded surrogate ED A0 80 (U+D800)", "intentions.", (byte) 'x', (byte) 0xED, (byte) 0xA0,
                (byte) 0x80);
        bytes(Rule.F_UTF8, "F4 90 80 80, above U+10FFFF", "intentions.", (byte) 'x', (byte) 0xF4, (byte) 0x90, (byte) 0x80,
                (byte) 0x80);
        bytes(Rule.F_UTF8, "a sequence cut short: E3 81 then a quote", "intentions.\"", (byte) 'x', (byte) 0xE3, (byte) 0x81, q);

        entry(Rule.F_OUTSIDE, "a line feed after the closing brace", FIRST + "\n");
        entry(Rule.F_OUTSIDE, "a space after the closing brace", FIRST + " ");
        entry(Rule.F_OUTSIDE, "a space before the opening brace", " " + FIRST);
        entry(Rule.F_OUTSIDE, "a UTF-8 byte order mark before the opening brace", "\uFEFF" + FIRST);
        entry(Rule.F_OUTSIDE, "a second object after the first", FIRST + "{}");

        first(Rule.F_JSON, "a comma before the closing brace", "}}}", "}}, }");
        first(Rule.F_JSON, "a raw tab inside a string (control characters must be escaped)", "Report your", "Report\tyour");
        first(Rule.F_JSON, "a leading zero: \"seq\":01", "\"seq\":1", "\"seq\":01");
        first(Rule.F_JSON, "a plus sign: \"seq\":+1", "\"seq\":1", "\"seq\":+1");
        first(Rule.F_JSON, "a single-quoted string", "\"FLASH\"", "'FLASH'");
        first(Rule.F_JSON, "an unknown escape \\a", "Report", "\\aReport");
        first(Rule.F_JSON, "a vertical tab (not JSON white space) between tokens", ",\"kind\"", ",\u000b\"kind\"");

        first(Rule.F_ESCAPE, "a lone high surrogate escape \\uD800", "intentions.", "\\uD800");
        first(Rule.F_ESCAPE, "a lone low surrogate escape \\uDC00", "intentions.", "\\uDC00x");
        first(Rule.F_ESCAPE, "a high surrogate escape followed by \\u0041, not a low one", "intentions.", "\\uD83D\\u0041");
        entry(Rule.F_ESCAPE, "a lone surrogate escape in a key of a form's fields",
                FIRST.replace(freeText("FLASH", "en", "Report your intentions."), template("ping", "1", "{\"\\uD800\":1}")));

        entry(Rule.F_DEPTH, "65 levels: the entry, body, template, fields and 61 arrays",
                FIRST.replace(freeText("FLASH", "en", "Report your intentions."),
                        template("ping", "1", "{\"x\":" + "[".repeat(61) + "]".repeat(61) + "}")));

        first(Rule.F_DUPLICATE_KEY, "\"seq\" twice, with the same value", "\"seq\":1,", "\"seq\":1,\"seq\":1,");
        first(Rule.F_DUPLICATE_KEY, "\"lang\" twice inside body.freeText", "\"lang\":\"en\"", "\"lang\":\"en\",\"lang\":\"ja\"");
        entry(Rule.F_DUPLICATE_KEY, "a key twice inside a form's fields",
                FIRST.replace(freeText("FLASH", "en", "Report your intentions."), template("ping", "1", "{\"a\":1,\"a\":2}")));

        first(Rule.F_UNKNOWN_KEY, "an extra top-level key", "\"v\":1,", "\"v\":1,\"note\":\"x\",");
        first(Rule.F_UNKNOWN_KEY, "an extra key in peerHead", "\"seq\":0,", "\"seq\":0,\"time\":\"" + TIME + "\",");
        first(Rule.F_UNKNOWN_KEY, "a key of another kind's body (humanAck in a MESSAGE)", "{\"precedence\"",
                "{\"humanAck\":true,\"precedence\"");

        first(Rule.F_MISSING_KEY, "no \"time\"", ",\"time\":\"" + TIME + "\"", "");
        first(Rule.F_MISSING_KEY, "no body.freeText.lang", "\"lang\":\"en\",", "");
        entry(Rule.F_MISSING_KEY, "an ACK without \"officer\"", entry(JP, 1, ZEROS, "ACK", head(0, ZEROS),
                "{\"message\":" + head(1, ZEROS.replace('0', 'a')) + ",\"time\":\"" + TIME + "\"}"));

        first(Rule.F_TYPE, "\"seq\":\"1\", a string", "\"seq\":1", "\"seq\":\"1\"");
        first(Rule.F_TYPE, "\"peerHead\":null", head(0, ZEROS), "null");
        first(Rule.F_TYPE, "text as an array of strings", "\"Report your intentions.\"", "[\"Report your intentions.\"]");
        entry(Rule.F_TYPE, "humanAck as the string \"true\"", entry(JP, 1, ZEROS, "TEST", head(0, ZEROS),
                "{\"scheduled\":\"" + TIME + "\",\"humanAck\":\"true\"}"));
        entry(Rule.F_TYPE, "a form's fields as an array", FIRST.replace(freeText("FLASH", "en", "Report your intentions."),
                template("ping", "1", "[]")));

        first(Rule.F_INTEGER, "\"v\":1.0", "\"v\":1", "\"v\":1.0");
        first(Rule.F_INTEGER, "\"seq\":1e0", "\"seq\":1", "\"seq\":1e0");
        first(Rule.F_INTEGER, "\"seq\":-1", "\"seq\":1", "\"seq\":-1");
        first(Rule.F_INTEGER, "peerHead \"seq\":-0", "\"seq\":0", "\"seq\":-0");
        first(Rule.F_INTEGER, "\"seq\":9223372036854775808, one above 2^63-1", "\"seq\":1", "\"seq\":9223372036854775808");
        first(Rule.F_INTEGER, "peerHead seq 2^64, which must not be narrowed to 0", "\"seq\":0,\"hash\":\"" + ZEROS,
                "\"seq\":18446744073709551616,\"hash\":\"" + ZEROS);

        first(Rule.F_VERSION, "\"v\":2", "\"v\":1", "\"v\":2");
        first(Rule.F_VERSION, "\"v\":4294967297 (2^32+1), which must not be narrowed to 1", "\"v\":1", "\"v\":4294967297");
        first(Rule.F_VERSION, "\"v\":0", "\"v\":1", "\"v\":0");

        first(Rule.F_RANGE, "\"seq\":0", "\"seq\":1", "\"seq\":0");
        for (String v : List.of("0", "2147483648", "4294967296")) {
            entry(Rule.F_RANGE, "template version " + v + " (1 to 2147483647)",
                    FIRST.replace(freeText("FLASH", "en", "Report your intentions."), template("ping", v, "{}")));
        }
        entry(Rule.F_RANGE, "a RECEIPT that covers nothing: upTo seq 0", entry(JP, 1, ZEROS, "RECEIPT", head(0, ZEROS),
                "{\"upTo\":" + head(0, ZEROS) + "}"));
        entry(Rule.F_RANGE, "an ACK of nothing: message seq 0", entry(JP, 1, ZEROS, "ACK", head(0, ZEROS),
                ack(head(0, ZEROS), "Cdr Sato")));

        first(Rule.F_HASH, "prev in upper-case hex", "\"prev\":\"" + ZEROS, "\"prev\":\"" + "0".repeat(63) + "A");
        first(Rule.F_HASH, "a peerHead hash of 63 digits", "\"hash\":\"" + ZEROS, "\"hash\":\"" + "0".repeat(63));
        first(Rule.F_HEAD, "peerHead seq 0 with a hash other than 64 zeros", "\"hash\":\"" + ZEROS,
                "\"hash\":\"" + "0".repeat(63) + "1");

        first(Rule.F_LINK, "the link's names in descending order", "cn-mnd~jp-mod", "jp-mod~cn-mnd");
        first(Rule.F_LINK, "a link of one name", "cn-mnd~jp-mod", "jp-mod");
        first(Rule.F_LINK, "a station name in upper case", "cn-mnd~jp-mod", "CN-MND~jp-mod");
        first(Rule.F_AUTHOR, "an author that is not on the link", "\"author\":\"jp-mod\"", "\"author\":\"us-dod\"");

        for (String bad : List.of("2023-13-16T01:02:03.456Z", "2023-02-29T01:02:03.456Z", "2023-05-16T24:00:00.000Z",
                "2023-05-16T01:60:03.456Z", "2023-05-16T01:02:60.000Z", "2023-05-16T01:02:03Z", "2023-05-16T01:02:03.4560Z",
                "2023-05-16T01:02:03.456+00:00", "2023-05-16t01:02:03.456z", "+2023-05-16T01:02:03.456Z")) {
            first(Rule.F_TIME, "time " + bad, TIME, bad);
        }
        entry(Rule.F_TIME, "an ACK's body.time at month 00", entry(JP, 1, ZEROS, "ACK", head(0, ZEROS),
                "{\"message\":" + head(1, ZEROS.replace('0', 'a')) + ",\"officer\":\"Cdr Sato\",\"time\":\"2023-00-16T01:02:03.456Z\"}"));
        entry(Rule.F_TIME, "a TEST's scheduled on 31 April", entry(JP, 1, ZEROS, "TEST", head(0, ZEROS),
                "{\"scheduled\":\"2023-04-31T00:00:00.000Z\",\"humanAck\":true}"));

        first(Rule.F_KIND, "kind CHAT", "\"MESSAGE\"", "\"CHAT\"");
        first(Rule.F_KIND, "kind in lower case", "\"MESSAGE\"", "\"message\"");
        first(Rule.F_PRECEDENCE, "precedence URGENT", "\"FLASH\"", "\"URGENT\"");
        first(Rule.F_PRECEDENCE, "precedence in lower case", "\"FLASH\"", "\"flash\"");
        first(Rule.F_CONTENT, "both template and freeText", "\"freeText\"",
                "\"template\":{\"id\":\"ping\",\"version\":1,\"fields\":{}},\"freeText\"");
        first(Rule.F_CONTENT, "neither template nor freeText", ",\"freeText\":{\"lang\":\"en\",\"text\":\"Report your intentions.\"}", "");
        for (String id : List.of("Ping", "1ping", "p".repeat(65), "")) {
            entry(Rule.F_TEMPLATE_ID, "template id '" + (id.length() > 8 ? "p x 65" : id) + "'",
                    FIRST.replace(freeText("FLASH", "en", "Report your intentions."), template(id, "1", "{}")));
        }
        for (String lang : List.of("EN", "en_US", "e", "engl", "x-private", "zh-", "en-abcdefghi", "")) {
            first(Rule.F_LANG, "language tag '" + lang + "'", "\"lang\":\"en\"", "\"lang\":\"" + lang + "\"");
        }
        entry(Rule.F_BLANK, "an ACK with an empty officer", entry(JP, 1, ZEROS, "ACK", head(0, ZEROS),
                ack(head(1, ZEROS.replace('0', 'a')), "")));
        entry(Rule.F_BLANK, "an ACK whose officer is an ideographic space U+3000", entry(JP, 1, ZEROS, "ACK", head(0, ZEROS),
                ack(head(1, ZEROS.replace('0', 'a')), "\u3000")));
        first(Rule.F_BLANK, "empty free text", "Report your intentions.", "");
        first(Rule.F_BLANK, "free text of white space only (space, no-break space, escaped LF)", "Report your intentions.",
                " \u00a0\\n");
    }

    // ---- F-EXPORT-: the lines of an export ------------------------------------------------------

    private void exportLine(Rule rule, String note, int line, String export) {
        cases.add(new Case(rule.id(), note, line, export, Optional.empty()));
    }

    /**
     * A valid first entry whose base64 has padding and a '/', so that one base makes every
     * export-line case. ASCII text gives a '/' only where a '?' falls on the third byte of a
     * group of three, so the text ends in question marks, one more until it works.
     */
    private static Signed exportBase() {
        for (int n = 1; n < 10; n++) {
            Signed e = sign(FIRST.replace("Report your intentions.", "What are your intentions" + "?".repeat(n)));
            String b64 = Base64.getEncoder().encodeToString(e.bytes());
            if (b64.endsWith("=") && b64.contains("/")) {
                return e;
            }
        }
        throw new IllegalStateException("no base entry for the export-line cases");
    }

    private void exportLines() {
        Signed e = exportBase();
        String good = e.line();
        String entry64 = Base64.getEncoder().encodeToString(e.bytes());
        String sig64 = Base64.getEncoder().encodeToString(e.signature());
        exportLine(Rule.F_EXPORT_LINE, "a space after the colon", 1, good.replace("\"entry\":", "\"entry\": ") + "\n");
        exportLine(Rule.F_EXPORT_LINE, "a space after the comma", 1, good.replace("\",\"signature\"", "\", \"signature\"") + "\n");
        exportLine(Rule.F_EXPORT_LINE, "the line ends with CR LF", 1, good + "\r\n");
        exportLine(Rule.F_EXPORT_LINE, "signature before entry", 1,
                "{\"signature\":\"" + sig64 + "\",\"entry\":\"" + entry64 + "\"}\n");
        exportLine(Rule.F_EXPORT_LINE, "a third key", 1, good.replace("}", ",\"seq\":1}") + "\n");
        exportLine(Rule.F_EXPORT_LINE, "the last line has no line feed", 1, good);
        exportLine(Rule.F_EXPORT_LINE, "an empty line after the entry", 2, good + "\n\n");
        exportLine(Rule.F_EXPORT_LINE, "an empty file", 1, "");
        exportLine(Rule.F_EXPORT_LINE, "a JSON escape \\/ inside the base64 (valid JSON, not the line's one form)", 1,
                good.replace("/", "\\/") + "\n");
        if (!good.contains("/")) {
            throw new IllegalStateException("the base line has no '/' to escape");
        }
        String unpadded = entry64.replaceAll("=+$", "");
        if (unpadded.equals(entry64)) {
            throw new IllegalStateException("the base entry's base64 has no padding to remove");
        }
        exportLine(Rule.F_EXPORT_BASE64, "the entry's base64 without its padding", 1, good.replace(entry64, unpadded) + "\n");
        exportLine(Rule.F_EXPORT_BASE64, "the signature's base64 without its padding", 1,
                good.replace(sig64, sig64.replaceAll("=+$", "")) + "\n");
        exportLine(Rule.F_EXPORT_BASE64, "non-zero pad bits in the entry's last base64 digit", 1,
                good.replace(entry64, withPadBits(entry64)) + "\n");
        if (!entry64.contains("+") && !entry64.contains("/")) {
            throw new IllegalStateException("the base entry's base64 has neither + nor /");
        }
        exportLine(Rule.F_EXPORT_BASE64, "the URL-safe alphabet (- and _)", 1,
                good.replace(entry64, entry64.replace('+', '-').replace('/', '_')) + "\n");
    }

    /** The same base64 with the lowest bit of its last data digit set: it decodes to the same bytes. */
    private static String withPadBits(String b64) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int last = b64.replaceAll("=+$", "").length() - 1;
        char c = alphabet.charAt(alphabet.indexOf(b64.charAt(last)) | 1);
        if (c == b64.charAt(last)) {
            throw new IllegalStateException("the pad bits of the base entry are already set");
        }
        return b64.substring(0, last) + c + b64.substring(last + 1);
    }

    // ---- C-: one log's chain ---------------------------------------------------------------------

    private void chain(Rule rule, String note, int line, Signed... entries) {
        cases.add(new Case(rule.id(), note, line, export(entries), Optional.empty()));
    }

    private void chain() {
        Signed one = sign(FIRST);
        String second = entry(JP, 2, one.hash(), "MESSAGE", head(0, ZEROS), freeText("ROUTINE", "en", "Second."));
        byte[] flipped = one.signature();
        flipped[10] ^= 1;
        Signed badSig = new Signed(one.bytes(), flipped);
        chain(Rule.C_SIGNATURE, "one bit of the signature flipped", 1, badSig);
        byte[] other = SigningKey.fromSeed(HexFormat.of().parseHex("2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40"))
                .sign(one.bytes());
        chain(Rule.C_SIGNATURE, "signed by another key (seed 2122...40)", 1, new Signed(one.bytes(), other));
        chain(Rule.C_SIGNATURE, "a signature of 63 bytes", 1, new Signed(one.bytes(), java.util.Arrays.copyOf(one.signature(), 63)));
        chain(Rule.C_LOG, "line 2 is cn-mnd's entry, in jp-mod's log", 2, one,
                sign(entry(CN, 2, one.hash(), "MESSAGE", head(0, ZEROS), freeText("ROUTINE", "en", "Second."))));
        chain(Rule.C_LOG, "line 2 belongs to another link (jp-mod~us-dod)", 2, one,
                sign(second.replace("cn-mnd~jp-mod", "jp-mod~us-dod")));
        chain(Rule.C_SEQ, "the first line is seq 2", 1, sign(second));
        chain(Rule.C_SEQ, "seq 3 follows seq 1", 2, one, sign(second.replace("\"seq\":2", "\"seq\":3")));
        chain(Rule.C_SEQ, "seq 1 twice", 2, one, one);
        chain(Rule.C_PREV, "seq 1 with a prev other than 64 zeros", 1,
                sign(FIRST.replace("\"prev\":\"" + ZEROS, "\"prev\":\"" + "0".repeat(63) + "1")));
        chain(Rule.C_PREV, "seq 2 whose prev is not the hash of seq 1", 2, one,
                sign(second.replace(one.hash(), EntryHash.of("x".getBytes(StandardCharsets.UTF_8)).hex())));
    }

    // ---- A-: an entry against the other log of the link --------------------------------------------

    private void agree() {
        Signed jp1 = sign(FIRST);
        Signed cn1 = sign(entry(CN, 1, ZEROS, "MESSAGE", head(0, ZEROS), freeText("FLASH", "en", "Stand by.")));
        Signed cn2 = sign(entry(CN, 2, cn1.hash(), "TEST", head(0, ZEROS),
                "{\"scheduled\":\"" + TIME + "\",\"humanAck\":true}"));
        Signed cn3 = sign(entry(CN, 3, cn2.hash(), "MESSAGE", head(0, ZEROS), template("link-parameters", "1",
                "{\"flash\":\"PT5M\",\"immediate\":\"PT30M\",\"priority\":\"PT3H\",\"routine\":\"PT6H\"}")));
        Signed cn4 = sign(entry(CN, 4, cn3.hash(), "RECEIPT", head(1, jp1.hash()), "{\"upTo\":" + head(1, jp1.hash()) + "}"));
        String other = export(cn1, cn2, cn3, cn4);
        String h1 = head(1, cn1.hash());
        String h2 = head(2, cn2.hash());
        String h3 = head(3, cn3.hash());
        String h4 = head(4, cn4.hash());
        String wrong = EntryHash.of("x".getBytes(StandardCharsets.UTF_8)).hex();

        agree(Rule.A_PEERHEAD, "peerHead names cn-mnd seq 2 with the hash of seq 1", other, jp1,
                message(2, jp1, head(2, cn1.hash())));
        agree(Rule.A_PEERHEAD, "peerHead names cn-mnd seq 9; that log ends at seq 4", other, jp1, message(2, jp1, head(9, wrong)));
        Signed up2 = message(2, jp1, h2);
        agree(Rule.A_PEERHEAD_ORDER, "peerHead goes back from cn-mnd seq 2 to seq 1", other, jp1, up2, message(3, up2, h1));
        agree(Rule.A_RECEIPT, "a RECEIPT whose upTo names cn-mnd seq 2 with another hash", other, jp1,
                entry(2, jp1, "RECEIPT", h2, "{\"upTo\":" + head(2, wrong) + "}"));
        agree(Rule.A_RECEIPT, "a RECEIPT whose upTo (cn-mnd seq 3) is beyond its own peerHead (seq 2)", other, jp1,
                entry(2, jp1, "RECEIPT", h2, "{\"upTo\":" + h3 + "}"));
        agree(Rule.A_ACK, "an ACK naming cn-mnd seq 1 with another hash", other, jp1,
                entry(2, jp1, "ACK", h4, ack(head(1, wrong), "Cdr Sato")));
        agree(Rule.A_ACK, "an ACK of cn-mnd seq 2 beyond its own peerHead (seq 1)", other, jp1,
                entry(2, jp1, "ACK", h1, ack(h2, "Cdr Sato")));
        agree(Rule.A_ACK_KIND, "an ACK of cn-mnd seq 4, a RECEIPT", other, jp1, entry(2, jp1, "ACK", h4, ack(h4, "Cdr Sato")));
        agree(Rule.A_ACK_KIND, "an ACK of cn-mnd seq 3, a link-parameters announcement", other, jp1,
                entry(2, jp1, "ACK", h4, ack(h3, "Cdr Sato")));
    }

    private static Signed message(long seq, Signed prev, String peerHead) {
        return entry(seq, prev, "MESSAGE", peerHead, freeText("ROUTINE", "en", "Message " + seq + "."));
    }

    private static Signed entry(long seq, Signed prev, String kind, String peerHead, String body) {
        return sign(entry(JP, seq, prev.hash(), kind, peerHead, body));
    }

    /** The last of {@code entries} breaks the rule. */
    private void agree(Rule rule, String note, String other, Signed... entries) {
        cases.add(new Case(rule.id(), note, entries.length, export(entries), Optional.of(other)));
    }
}
