package org.macm.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.macm.core.crypto.SigningKey;

/**
 * The test vectors of docs/PROTOCOL.md, read from the document itself so that it cannot drift
 * from the code: this implementation must write exactly those bytes, hashes and signatures,
 * and must accept them.
 */
class ProtocolVectorsTest {
    private static final Pattern BLOCK = Pattern.compile("```(vector-entry|vector-hash|vector-signature)\\n(.*?)\\n```",
            Pattern.DOTALL);

    private record Vector(String entry, String hash, String signature) {
    }

    private static List<Vector> vectors() throws Exception {
        Path doc = Path.of(System.getProperty("macm.root", "..")).resolve("docs/PROTOCOL.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(text);
        List<String> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(m.group(2).strip());
        }
        assertThat(parts).as("vectors in %s", doc).hasSize(6);
        List<Vector> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i += 3) {
            out.add(new Vector(parts.get(i), parts.get(i + 1), parts.get(i + 2)));
        }
        return out;
    }

    private static SigningKey vectorKey() {
        return SigningKey.fromSeed(HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"));
    }

    @Test
    void vectors_verifyAndHashAsDocumented() throws Exception {
        SigningKey key = vectorKey();
        assertThat(key.verifyingKey().toBase64()).isEqualTo("ebVWLo/mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ=");
        LogVerifier verifier = null;
        for (Vector v : vectors()) {
            SignedEntry e = SignedEntry.parse(v.entry().getBytes(StandardCharsets.UTF_8),
                    HexFormat.of().parseHex(v.signature()));
            assertThat(e.hash().hex()).isEqualTo(v.hash());
            if (verifier == null) {
                verifier = new LogVerifier(e.log(), key.verifyingKey());
            }
            verifier.append(e);
        }
    }

    @Test
    void writer_producesExactlyTheDocumentedBytesAndSignatures() throws Exception {
        List<Vector> vectors = vectors();
        LinkId link = LinkId.between(StationId.of("jp-mod"), StationId.of("cn-mnd"));
        LogWriter w = new LogWriter(new LogId(link, StationId.of("jp-mod")), vectorKey(),
                Clock.fixed(Instant.parse("2023-05-16T01:02:03.456Z"), ZoneOffset.UTC));
        Head x = new Head(3, EntryHash.of("x".getBytes(StandardCharsets.UTF_8)));
        SignedEntry e1 = w.next(Head.EMPTY, Head.EMPTY,
                new Body.Message(Precedence.FLASH, new MessageContent.FreeText("ja", "貴艦の意図を知らせよ。")));
        SignedEntry e2 = w.next(e1.head(), x, new Body.Receipt(x));
        List<SignedEntry> written = List.of(e1, e2);
        for (int i = 0; i < 2; i++) {
            assertThat(new String(written.get(i).bytes(), StandardCharsets.UTF_8)).isEqualTo(vectors.get(i).entry());
            assertThat(HexFormat.of().formatHex(written.get(i).signature())).isEqualTo(vectors.get(i).signature());
        }
    }
}
