package org.macm.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntryCodecTest {
    private final LogWriter writer = TestLogs.writer(TestLogs.JP_LOG, TestLogs.key(1));

    @Test
    void writtenBytes_haveTheDocumentedFieldOrderAndNoWhiteSpace() {
        SignedEntry e = writer.next(Head.EMPTY, Head.EMPTY, TestLogs.text("hello"));
        assertThat(new String(e.bytes(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"v\":1,\"link\":\"cn-mnd~jp-mod\",\"author\":\"jp-mod\",\"seq\":1,"
                        + "\"prev\":\"0000000000000000000000000000000000000000000000000000000000000000\","
                        + "\"time\":\"2026-11-29T03:00:00.000Z\",\"kind\":\"MESSAGE\","
                        + "\"peerHead\":{\"seq\":0,\"hash\":\"0000000000000000000000000000000000000000000000000000000000000000\"},"
                        + "\"body\":{\"precedence\":\"ROUTINE\",\"freeText\":{\"lang\":\"en\",\"text\":\"hello\"}}}");
    }

    @Test
    void everyKind_roundTripsThroughItsBytes() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("remark", "漁船 第一丸");
        Head some = new Head(3, EntryHash.of(new byte[] {1}));
        Body[] bodies = {
            new Body.Message(Precedence.FLASH, new MessageContent.Template("encounter-notice", 2, fields)),
            new Body.Message(Precedence.IMMEDIATE, new MessageContent.FreeText("zh-Hans", "请立即回电")),
            new Body.Receipt(some),
            new Body.Acknowledgement(some, "Lt Cdr Sato", Instant.parse("2026-11-29T03:01:02.345Z"), Optional.of("read")),
            new Body.Acknowledgement(some, "Maj Li", Instant.parse("2026-11-29T03:01:02Z"), Optional.empty()),
            new Body.LinkTest(Instant.parse("2026-11-29T04:00:00Z"), true),
        };
        for (Body body : bodies) {
            SignedEntry e = writer.next(Head.EMPTY, some, body);
            SignedEntry parsed = SignedEntry.parse(e.bytes(), e.signature());
            assertThat(parsed.entry()).isEqualTo(e.entry());
            assertThat(parsed.entry().body()).isEqualTo(body);
            assertThat(parsed).isEqualTo(e);
        }
    }

    private static String valid() {
        return "{\"v\":1,\"link\":\"cn-mnd~jp-mod\",\"author\":\"jp-mod\",\"seq\":1,"
                + "\"prev\":\"0000000000000000000000000000000000000000000000000000000000000000\","
                + "\"time\":\"2026-11-29T03:00:00.000Z\",\"kind\":\"MESSAGE\","
                + "\"peerHead\":{\"seq\":0,\"hash\":\"0000000000000000000000000000000000000000000000000000000000000000\"},"
                + "\"body\":{\"precedence\":\"ROUTINE\",\"freeText\":{\"lang\":\"en\",\"text\":\"hello\"}}}";
    }

    private static void assertRefused(String json, Rule rule, String expectedMessagePart) {
        assertRefused(json.getBytes(StandardCharsets.UTF_8), rule, expectedMessagePart);
    }

    private static void assertRefused(byte[] bytes, Rule rule, String expectedMessagePart) {
        assertThatThrownBy(() -> EntryCodec.decode(bytes))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageStartingWith(rule.tag())
                .hasMessageContaining(expectedMessagePart)
                .satisfies(e -> assertThat(((MalformedEntryException) e).rule()).contains(rule));
    }

    private static byte[] withBytes(String json, String marker, byte... replacement) {
        byte[] in = json.getBytes(StandardCharsets.UTF_8);
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        int at = json.indexOf(marker);
        byte[] out = new byte[in.length - m.length + replacement.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(replacement, 0, out, at, replacement.length);
        System.arraycopy(in, at + m.length, out, at + replacement.length, in.length - at - m.length);
        return out;
    }

    @Test
    void decode_validEntry_isAccepted() {
        assertThat(EntryCodec.decode(valid().getBytes(StandardCharsets.UTF_8)).seq()).isEqualTo(1);
    }

    @Test
    void decode_whiteSpaceBetweenTokensAndAnyKeyOrder_isAccepted() {
        String spaced = "{ \"seq\" :\r\n1 ,\t\"v\":1,\"link\":\"cn-mnd~jp-mod\",\"author\":\"jp-mod\","
                + "\"prev\":\"0000000000000000000000000000000000000000000000000000000000000000\",\n"
                + "\"kind\":\"MESSAGE\",\"time\":\"2026-11-29T03:00:00.000Z\","
                + "\"peerHead\":{\"hash\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"seq\":0},"
                + "\"body\":{ \"freeText\" : {\"text\":\"hello\",\"lang\":\"en\"} ,\"precedence\":\"ROUTINE\"}\n}";
        assertThat(EntryCodec.decode(spaced.getBytes(StandardCharsets.UTF_8)).seq()).isEqualTo(1);
    }

    @Test
    void decode_duplicateKey_isRefused() {
        assertRefused(valid().replace("\"seq\":1,", "\"seq\":1,\"seq\":2,"), Rule.F_DUPLICATE_KEY, "Duplicate field 'seq'");
        assertRefused(valid().replace("\"lang\":\"en\"", "\"lang\":\"en\",\"lang\":\"en\""), Rule.F_DUPLICATE_KEY,
                "/body/freeText/lang");
    }

    @Test
    void decode_unknownField_isRefusedNamingIt() {
        assertRefused(valid().replace("\"v\":1,", "\"v\":1,\"extra\":true,"), Rule.F_UNKNOWN_KEY, "unknown field 'extra'");
        assertRefused(valid().replace("\"lang\":\"en\",", "\"lang\":\"en\",\"font\":\"x\","), Rule.F_UNKNOWN_KEY,
                "unknown field 'body.freeText.font'");
    }

    @Test
    void decode_missingOrWronglyTypedField_isRefusedNamingIt() {
        assertRefused(valid().replace("\"seq\":1,", ""), Rule.F_MISSING_KEY, "lacks field 'seq'");
        assertRefused(valid().replace("\"seq\":1,", "\"seq\":\"1\","), Rule.F_TYPE, "'seq' must be an integer");
        assertRefused(valid().replace("ROUTINE", "URGENT"), Rule.F_PRECEDENCE, "must be FLASH, IMMEDIATE, PRIORITY or ROUTINE");
        assertRefused(valid().replace("\"kind\":\"MESSAGE\"", "\"kind\":\"CHAT\""), Rule.F_KIND, "kind 'CHAT'");
    }

    @Test
    void decode_integerNotPlainDigits_isRefused() {
        for (String bad : new String[] {"1.5", "1.0", "1e0", "10E-1", "-1", "-0"}) {
            assertRefused(valid().replace("\"seq\":1,", "\"seq\":" + bad + ","), Rule.F_INTEGER, "'seq' is written");
        }
        assertRefused(valid().replace("\"seq\":0,", "\"seq\":-0,"), Rule.F_INTEGER, "'peerHead.seq' is written");
        assertRefused(valid().replace("\"seq\":1,", "\"seq\":01,"), Rule.F_JSON, "Leading zeroes");
        assertRefused(valid().replace("\"seq\":1,", "\"seq\":+1,"), Rule.F_JSON, "");
    }

    @Test
    void decode_integerBeyondItsRange_isRefusedNotNarrowed() {
        assertRefused(valid().replace("\"v\":1", "\"v\":4294967297"), Rule.F_VERSION, "version 4294967297 is not supported");
        assertRefused(valid().replace("\"seq\":1,", "\"seq\":9223372036854775808,"), Rule.F_INTEGER,
                "no integer of an entry is above 9223372036854775807");
        assertRefused(valid().replace("\"seq\":1,", "\"seq\":0,"), Rule.F_RANGE, "starts at seq 1");
        assertThat(EntryCodec.decode(valid().replace("\"seq\":1,", "\"seq\":9223372036854775807,")
                .getBytes(StandardCharsets.UTF_8)).seq()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void decode_templateVersion_isOneTo2147483647() {
        String template = valid().replace("\"freeText\":{\"lang\":\"en\",\"text\":\"hello\"}",
                "\"template\":{\"id\":\"ping\",\"version\":V,\"fields\":{}}");
        assertThat(EntryCodec.decode(template.replace("V", "2147483647").getBytes(StandardCharsets.UTF_8)).body())
                .isInstanceOf(Body.Message.class);
        assertRefused(template.replace("V", "2147483648"), Rule.F_RANGE, "a template version is 1 to 2147483647");
        assertRefused(template.replace("V", "4294967296"), Rule.F_RANGE, "a template version is 1 to 2147483647");
        assertRefused(template.replace("V", "0"), Rule.F_RANGE, "a template version is 1 to 2147483647");
    }

    @Test
    void decode_otherVersion_isRefused() {
        assertRefused(valid().replace("\"v\":1", "\"v\":2"), Rule.F_VERSION, "version 2 is not supported");
    }

    @Test
    void decode_authorNotOnLink_isRefused() {
        assertRefused(valid().replace("\"author\":\"jp-mod\"", "\"author\":\"us-dod\""), Rule.F_AUTHOR, "not a party to link");
        assertRefused(valid().replace("cn-mnd~jp-mod", "jp-mod~cn-mnd"), Rule.F_LINK, "ascending order");
    }

    @Test
    void decode_anythingOutsideTheObject_isRefused() {
        assertRefused(valid() + " {}", Rule.F_OUTSIDE, "more JSON after its closing");
        assertRefused(valid() + "{}", Rule.F_OUTSIDE, "more JSON after its closing");
        assertRefused(valid() + "}", Rule.F_OUTSIDE, "after its closing");
        assertRefused(valid() + "\n", Rule.F_OUTSIDE, "does not end with '}'");
        assertRefused(valid() + " ", Rule.F_OUTSIDE, "does not end with '}'");
        assertRefused(" " + valid(), Rule.F_OUTSIDE, "does not begin with '{'");
        assertRefused("\uFEFF" + valid(), Rule.F_OUTSIDE, "does not begin with '{'");
        assertRefused("not json", Rule.F_OUTSIDE, "does not begin");
        assertRefused("{\"v\":1,}", Rule.F_JSON, "not JSON");
        assertRefused("{\"v\":1,\u000b\"seq\":1}", Rule.F_JSON, "not JSON");
    }

    @Test
    void decode_invalidUtf8_isRefused() {
        assertRefused(withBytes(valid(), "o\"", (byte) 0xC3, (byte) '"'), Rule.F_UTF8, "not valid UTF-8 at byte");
        assertRefused(withBytes(valid(), "hello", (byte) 'h', (byte) 0xC0, (byte) 0xAF), Rule.F_UTF8, "overlong");
        assertRefused(withBytes(valid(), "hello", (byte) 0xED, (byte) 0xA0, (byte) 0x80), Rule.F_UTF8, "UTF-8");
        assertRefused(withBytes(valid(), "hello", (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80), Rule.F_UTF8, "UTF-8");
        assertRefused(withBytes(valid(), "hello", (byte) 0xFF), Rule.F_UTF8, "UTF-8");
    }

    @Test
    void decode_loneSurrogateEscape_isRefused_aPairIsRead() {
        assertRefused(valid().replace("hello", "\\uD800"), Rule.F_ESCAPE, "lone surrogate \\uD800");
        assertRefused(valid().replace("hello", "x\\uDC00y"), Rule.F_ESCAPE, "/body/freeText/text");
        assertRefused(valid().replace("hello", "\\uD83D\\u0041"), Rule.F_ESCAPE, "lone surrogate");
        assertRefused(valid().replace("\"lang\"", "\"\\uD800\""), Rule.F_ESCAPE, "key at");
        Entry e = EntryCodec.decode(valid().replace("hello", "\\uD83D\\uDE00 \\u3042").getBytes(StandardCharsets.UTF_8));
        assertThat(((MessageContent.FreeText) ((Body.Message) e.body()).content()).text()).isEqualTo("\uD83D\uDE00 \u3042");
    }

    @Test
    void decode_nesting_isAtMost64() {
        String template = valid().replace("\"freeText\":{\"lang\":\"en\",\"text\":\"hello\"}",
                "\"template\":{\"id\":\"ping\",\"version\":1,\"fields\":{\"x\":OPENCLOSE}}");
        // entry 1, body 2, template 3, fields 4: 60 arrays inside make 64.
        assertThat(EntryCodec.decode(template.replace("OPEN", "[".repeat(60)).replace("CLOSE", "]".repeat(60))
                .getBytes(StandardCharsets.UTF_8)).body()).isInstanceOf(Body.Message.class);
        assertRefused(template.replace("OPEN", "[".repeat(61)).replace("CLOSE", "]".repeat(61)), Rule.F_DEPTH,
                "65 deep");
    }

    @Test
    void decode_badTimes_areRefused() {
        for (String bad : new String[] {"2026-13-01T00:00:00.000Z", "2026-02-29T00:00:00.000Z", "2026-11-29T24:00:00.000Z",
            "2026-11-29T03:60:00.000Z", "2026-11-29T03:00:60.000Z", "2026-11-29T03:00:00Z", "2026-11-29T03:00:00.0000Z",
            "2026-11-29T03:00:00.000+00:00", "2026-11-29 03:00:00.000Z", "+12026-11-29T03:00:00.000Z",
            "2026-11-29t03:00:00.000z", "２026-11-29T03:00:00.000Z"}) {
            assertRefused(valid().replace("2026-11-29T03:00:00.000Z", bad), Rule.F_TIME, "must be a real UTC time");
        }
        assertThat(EntryCodec.decode(valid().replace("2026-11-29T03:00:00.000Z", "2024-02-29T23:59:59.999Z")
                .getBytes(StandardCharsets.UTF_8)).time()).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
    }

    @Test
    void decode_languageTag_hasTheDocumentedSyntax() {
        for (String good : new String[] {"en", "ja", "zh-Hans", "zh-Hans-CN", "yue", "sr-Latn-RS", "de-1996"}) {
            assertThat(EntryCodec.decode(valid().replace("\"en\"", "\"" + good + "\"").getBytes(StandardCharsets.UTF_8))
                    .kind()).isEqualTo(EntryKind.MESSAGE);
        }
        for (String bad : new String[] {"", "EN", "e", "engl", "en_US", "en-", "zh-Hans-", "x-private", "en-a", "en-abcdefghi"}) {
            assertRefused(valid().replace("\"en\"", "\"" + bad + "\""), Rule.F_LANG, "a language tag is");
        }
    }

    @Test
    void decode_blankOfficerOrText_isRefused() {
        assertRefused(valid().replace("hello", ""), Rule.F_BLANK, "'body.freeText.text' is empty");
        assertRefused(valid().replace("hello", " \\u3000\\u00a0\\n"), Rule.F_BLANK, "only white space");
        assertThat(EntryCodec.decode(valid().replace("hello", "\\u001c").getBytes(StandardCharsets.UTF_8)).kind())
                .isEqualTo(EntryKind.MESSAGE);
    }

    @Test
    void decode_headsAndMessageBodies_followTheirRules() {
        String zeros = "0".repeat(64);
        assertRefused(valid().replace("\"seq\":0,\"hash\":\"" + zeros, "\"seq\":0,\"hash\":\"1" + zeros.substring(1)),
                Rule.F_HEAD, "'peerHead' has seq 0");
        assertRefused(valid().replace("\"hash\":\"" + zeros, "\"hash\":\"" + zeros.toUpperCase(java.util.Locale.ROOT) + "A"),
                Rule.F_HASH, "64 lower-case hex");
        assertRefused(valid().replace("\"freeText\"", "\"template\":{\"id\":\"ping\",\"version\":1,\"fields\":{}},\"freeText\""),
                Rule.F_CONTENT, "has both");
        assertRefused(valid().replace(",\"freeText\":{\"lang\":\"en\",\"text\":\"hello\"}", ""), Rule.F_CONTENT, "neither");
        assertRefused(valid().replace("\"freeText\":{\"lang\":\"en\",\"text\":\"hello\"}",
                "\"template\":{\"id\":\"Ping\",\"version\":1,\"fields\":{}}"), Rule.F_TEMPLATE_ID, "'Ping'");
    }

    @Test
    void decode_oversizedEntry_isRefused() {
        assertRefused(valid().replace("hello", "x".repeat(EntryCodec.MAX_ENTRY_BYTES)), Rule.F_SIZE, "the limit is 65536");
    }

    @Test
    void firstEntry_withNonZeroPrev_isReadButBreaksTheChain() {
        byte[] bytes = valid().replace("\"prev\":\"00", "\"prev\":\"11").getBytes(StandardCharsets.UTF_8);
        assertThat(EntryCodec.decode(bytes).seq()).isEqualTo(1);
    }

    @Test
    void writer_refusesToSignWhatAReaderWouldRefuse() {
        assertThatThrownBy(() -> writer.next(Head.EMPTY, Head.EMPTY, TestLogs.text("half \uD800 a pair")))
                .isInstanceOf(MalformedEntryException.class).hasMessageStartingWith("[F-");
        ObjectNode deep = JsonNodeFactory.instance.objectNode();
        com.fasterxml.jackson.databind.node.ArrayNode a = deep.putArray("x");
        for (int i = 0; i < 70; i++) {
            a = a.addArray();
        }
        assertThatThrownBy(() -> writer.next(Head.EMPTY, Head.EMPTY,
                new Body.Message(Precedence.ROUTINE, new MessageContent.Template("ping", 1, deep))))
                .isInstanceOf(MalformedEntryException.class).hasMessageStartingWith("[F-DEPTH]");
    }

    @Test
    void writer_skipsTheReadBackOnlyWhereReadingCouldNotRefuse() {
        Head some = new Head(3, EntryHash.of(new byte[] {1}));
        java.util.List<Instant> times = java.util.List.of(Instant.parse("2026-11-29T03:00:00.123Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"));
        java.util.List<String> texts = java.util.List.of("hello", "漁船 第一丸", "tab\tquote\"back\\slash\u0001",
                "pair \uD83D\uDEA2", "half \uD800 a pair", "\uDC00");
        java.util.List<Body> bodies = new java.util.ArrayList<>();
        bodies.add(new Body.Receipt(some));
        bodies.add(new Body.Message(Precedence.FLASH, new MessageContent.Template("ping", 1,
                JsonNodeFactory.instance.objectNode().put("a", 1))));
        for (Instant t : times) {
            bodies.add(new Body.LinkTest(t, true));
        }
        for (String text : texts) {
            bodies.add(TestLogs.text(text));
            bodies.add(new Body.Acknowledgement(some, text, times.get(0), Optional.of(text)));
            bodies.add(new Body.Acknowledgement(some, "officer", times.get(0), Optional.of(text)));
        }
        int skipped = 0;
        for (int version : new int[] {1, 2}) {
            for (Instant t : times) {
                for (Body b : bodies) {
                    Entry e = new Entry(version, TestLogs.JP_LOG, 2, EntryHash.of(new byte[] {2}), t, some, b);
                    if (EntryCodec.readableAsWritten(e)) {
                        skipped++;
                        assertThat(EntryCodec.decode(EntryCodec.encode(e))).isEqualTo(e);
                    } else {
                        java.util.List<Instant> outside = times.subList(3, 5);
                        boolean expected = version != 1 || outside.contains(t)
                                || (b instanceof Body.LinkTest lt && outside.contains(lt.scheduled()))
                                || (b instanceof Body.Message m && m.content() instanceof MessageContent.Template)
                                || String.valueOf(b).chars().anyMatch(c -> Character.isSurrogate((char) c));
                        assertThat(expected).as("read back only for another version, a time outside 0000-9999, "
                                + "a template or a surrogate: %s", e).isTrue();
                    }
                }
            }
        }
        assertThat(skipped).isGreaterThan(20);
    }
}
