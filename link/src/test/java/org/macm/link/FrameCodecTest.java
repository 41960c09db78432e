package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.Body;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

class FrameCodecTest {
    private static final StationId JP = StationId.of("jp-mod");
    private static final StationId CN = StationId.of("cn-mnd");

    private static byte[] bytes(Frame f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec.write(out, f);
        return out.toByteArray();
    }

    private static Frame read(byte[] b) throws Exception {
        return FrameCodec.read(new DataInputStream(new ByteArrayInputStream(b)));
    }

    private static String vector(String name) throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("macm.root", "..")).resolve("docs/PROTOCOL.md"),
                StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```" + name + "\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("vector %s in docs/PROTOCOL.md", name).isTrue();
        return m.group(1).strip();
    }

    @Test
    void frames_matchTheDocumentedVectors() throws Exception {
        Head h2 = new Head(2, EntryHash.fromHex("465b508d14133cd59a679e6fda6471f4e1bc5dc5e8ca48038ea723097fa79fc5"));
        Head h3 = new Head(3, EntryHash.of("x".getBytes(StandardCharsets.UTF_8)));
        assertThat(HexFormat.of().formatHex(bytes(new Frame.Heartbeat(h2, h3)))).isEqualTo(vector("vector-frame-heartbeat"));
        assertThat(HexFormat.of().formatHex(bytes(new Frame.Resend(5)))).isEqualTo(vector("vector-frame-resend"));
        assertThat(read(HexFormat.of().parseHex(vector("vector-frame-heartbeat")))).isEqualTo(new Frame.Heartbeat(h2, h3));
    }

    @Test
    void hello_matchesTheDocumentedVector_andTheRefusedResendIsRefused() throws Exception {
        Head h2 = new Head(2, EntryHash.fromHex("465b508d14133cd59a679e6fda6471f4e1bc5dc5e8ca48038ea723097fa79fc5"));
        Head h3 = new Head(3, EntryHash.of("x".getBytes(StandardCharsets.UTF_8)));
        // The catalog hash of docs/TEMPLATES.md's test vector (template's CatalogHashVectorTest).
        Frame.Hello hello = new Frame.Hello(1, JP, LinkId.between(JP, CN), h2, h3,
                "43a1a93dba8b2529872a1ea6a1f21a529bfcb1cd234233e5fe6e237ce880c7af");
        byte[] payload = vector("vector-frame-hello-payload").getBytes(StandardCharsets.UTF_8);
        byte[] framed = bytes(hello);
        assertThat(HexFormat.of().formatHex(framed, 0, 5)).isEqualTo("0000014001");
        assertThat(new String(framed, 5, framed.length - 5, StandardCharsets.UTF_8)).isEqualTo(vector("vector-frame-hello-payload"));
        assertThat(framed.length).isEqualTo(5 + payload.length);
        assertThat(read(framed)).isEqualTo(hello);
        assertThatThrownBy(() -> read(HexFormat.of().parseHex(vector("vector-frame-resend-refused"))))
                .isInstanceOf(LinkException.class).hasMessage("MALFORMED_FRAME: RESEND from seq 0: a log's seqs run from 1 to 2^63-1");
    }

    @Test
    void error_withAnUnknownCode_readsAsInternal_andIgnoresOtherKeys() throws Exception {
        byte[] payload = "{\"code\":\"NOT_YET_INVENTED\",\"message\":\"m\",\"extra\":[1]}".getBytes(StandardCharsets.UTF_8);
        assertThat(read(LinkFixtures.rawFrame(FrameCodec.ERROR, payload)))
                .isEqualTo(new Frame.Failure(ErrorCode.INTERNAL, Optional.of("m")));
    }

    @Test
    void hello_ofAnotherProtocol_isUnsupported_whateverElseItHolds() {
        byte[] payload = "{\"protocol\":2,\"greeting\":\"a new shape\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(LinkFixtures.rawFrame(FrameCodec.HELLO, payload))).isInstanceOf(LinkException.class)
                .hasMessage("UNSUPPORTED_VERSION: peer speaks protocol 2, this station speaks 1");
    }

    @Test
    void hello_withInvalidUtf8_orADuplicateKey_isMalformed() {
        byte[] bad = {'{', '"', 'p', '"', ':', (byte) 0xC0, (byte) 0xAF, '}'};
        assertThatThrownBy(() -> read(LinkFixtures.rawFrame(FrameCodec.HELLO, bad))).hasMessage(
                "MALFORMED_FRAME: HELLO is not valid UTF-8");
        byte[] twice = "{\"protocol\":1,\"protocol\":1}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(LinkFixtures.rawFrame(FrameCodec.HELLO, twice))).hasMessageStartingWith(
                "MALFORMED_FRAME: HELLO is not one JSON object: Duplicate field 'protocol'");
    }

    @Test
    void everyFrameType_roundTrips() throws Exception {
        LogWriter w = new LogWriter(new LogId(LinkId.between(JP, CN), JP), SigningKey.fromSeed(new byte[32]),
                Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC));
        SignedEntry e1 = w.next(Head.EMPTY, Head.EMPTY, new Body.Message(Precedence.FLASH,
                new MessageContent.FreeText("ja", "貴艦の意図を知らせよ。")));
        SignedEntry e2 = w.next(e1.head(), Head.EMPTY, new Body.Receipt(e1.head()));
        List<Frame> frames = List.of(
                new Frame.Hello(1, JP, LinkId.between(JP, CN), e2.head(), Head.EMPTY, "abc"),
                Frame.Entries.of(List.of(e1, e2)),
                new Frame.Heartbeat(e2.head(), Head.EMPTY),
                new Frame.Resend(42),
                new Frame.Failure(ErrorCode.PEER_SILENT, Optional.of("nothing heard")));
        for (Frame f : frames) {
            assertThat(read(bytes(f))).isEqualTo(f);
        }
    }

    @Test
    void oversizedLength_isRefusedBeforeAnythingIsAllocated() {
        byte[] b = HexFormat.of().parseHex("7fffffff02");
        assertThatThrownBy(() -> read(b)).isInstanceOf(LinkException.class)
                .satisfies(e -> assertThat(((LinkException) e).code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE));
    }

    @Test
    void unknownType_andTrailingBytes_areMalformed() {
        assertThatThrownBy(() -> read(HexFormat.of().parseHex("000000017f"))).hasMessageContaining("unknown frame type 127");
        assertThatThrownBy(() -> read(HexFormat.of().parseHex("0000000a04000000000000000500")))
                .hasMessageContaining("bytes after its payload");
    }

    @Property(tries = 2000)
    void anyBytes_eitherParseOrAreRefusedWithALinkException_neverAnythingElse(@ForAll byte[] junk) {
        byte[] framed = new byte[junk.length + 4];
        int len = junk.length;
        framed[0] = (byte) (len >>> 24);
        framed[1] = (byte) (len >>> 16);
        framed[2] = (byte) (len >>> 8);
        framed[3] = (byte) len;
        System.arraycopy(junk, 0, framed, 4, junk.length);
        try {
            read(framed);
        } catch (LinkException expected) {
            // Refused with a code: fine.
        } catch (java.io.EOFException expected) {
            // An empty frame: the reader waits for more; fine.
        } catch (Exception other) {
            throw new AssertionError("unexpected " + other, other);
        }
    }
}
