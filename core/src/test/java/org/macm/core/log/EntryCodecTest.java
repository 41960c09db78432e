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

    private static void assertRefused(String json, String expectedMessagePart) {
        assertThatThrownBy(() -> EntryCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining(expectedMessagePart);
    }

    @Test
    void decode_validEntry_isAccepted() {
        assertThat(EntryCodec.decode(valid().getBytes(StandardCharsets.UTF_8)).seq()).isEqualTo(1);
    }

    @Test
    void decode_duplicateKey_isRefused() {
        assertRefused(valid().replace("\"seq\":1,", "\"seq\":1,\"seq\":2,"), "Duplicate field 'seq'");
    }

    @Test
    void decode_unknownField_isRefusedNamingIt() {
        assertRefused(valid().replace("\"v\":1,", "\"v\":1,\"extra\":true,"), "unknown field 'extra'");
        assertRefused(valid().replace("\"lang\":\"en\",", "\"lang\":\"en\",\"font\":\"x\","),
                "unknown field 'body.freeText.font'");
    }

    @Test
    void decode_missingOrWronglyTypedField_isRefusedNamingIt() {
        assertRefused(valid().replace("\"seq\":1,", ""), "lacks field 'seq'");
        assertRefused(valid().replace("\"seq\":1,", "\"seq\":\"1\","), "'seq' must be a whole number");
        assertRefused(valid().replace("\"seq\":1,", "\"seq\":1.5,"), "'seq' must be a whole number");
        assertRefused(valid().replace("\"seq\":1,", "\"seq\":-1,"), "'seq' must be a whole number");
        assertRefused(valid().replace("ROUTINE", "URGENT"), "must be FLASH, IMMEDIATE, PRIORITY or ROUTINE");
        assertRefused(valid().replace("03:00:00.000Z", "03:00:00Z"), "must be a UTC time");
        assertRefused(valid().replace("\"kind\":\"MESSAGE\"", "\"kind\":\"CHAT\""), "kind 'CHAT'");
    }

    @Test
    void decode_otherVersion_isRefused() {
        assertRefused(valid().replace("\"v\":1", "\"v\":2"), "version 2 is not supported");
    }

    @Test
    void decode_authorNotOnLink_isRefused() {
        assertRefused(valid().replace("\"author\":\"jp-mod\"", "\"author\":\"us-dod\""), "not a party to link");
    }

    @Test
    void decode_trailingBytesOrGarbage_isRefused() {
        assertRefused(valid() + " {}", "bytes after");
        assertRefused("not json", "not valid UTF-8 JSON");
        assertRefused("[1,2]", "not a JSON object");
    }

    @Test
    void decode_invalidUtf8_isRefused() {
        byte[] bytes = valid().replace("hello", "hell?").getBytes(StandardCharsets.UTF_8);
        int at = valid().indexOf("hell") + 4;
        bytes[at] = (byte) 0xC3;
        assertThatThrownBy(() -> EntryCodec.decode(bytes)).isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void decode_oversizedEntry_isRefused() {
        assertRefused(valid().replace("hello", "x".repeat(EntryCodec.MAX_ENTRY_BYTES)), "the limit is 65536");
    }

    @Test
    void firstEntry_withNonZeroPrev_isRefused() {
        assertRefused(valid().replace("\"prev\":\"00", "\"prev\":\"11"), "all-zero prev");
    }
}
