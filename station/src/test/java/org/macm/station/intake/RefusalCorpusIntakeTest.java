package org.macm.station.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.identity.Identity;
import org.macm.station.identity.KeyFiles;
import org.macm.store.IntakeFinding;
import org.macm.store.IntakeOutcome;
import org.macm.testkit.RefusalCorpus;

/**
 * The refusal corpus (docs/vectors/refusals.jsonl) sent to a real station's intake, the path a
 * peer's entries take off the link: every case the wire can carry is refused or voided under
 * the case's own rule, what came before it is stored, and a refusal of signed bytes is recorded
 * with that rule id. {@code RefusalCorpusVerifyTest} runs the same cases through {@code macm
 * verify}; together they show that intake and verify apply one set of rules.
 */
class RefusalCorpusIntakeTest {
    /** docs/PROTOCOL.md §6: the seed that signed every entry of the corpus, so both stations get it here. */
    private static final byte[] SEED = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
    private static final Pattern AUTHOR = Pattern.compile("\"author\":\"([a-z][a-z0-9-]{1,31})\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What intake does with the entry that breaks a chain rule: it is never stored. */
    private static final Map<String, Set<IntakeOutcome>> CHAIN = Map.of(
            "C-SIGNATURE", Set.of(IntakeOutcome.BAD_SIGNATURE),
            "C-LOG", Set.of(IntakeOutcome.WRONG_LOG),
            // A second copy of seq 1 is a resend on the wire (a no-op), a fault only in an export.
            "C-SEQ", Set.of(IntakeOutcome.GAP, IntakeOutcome.DUPLICATE),
            "C-PREV", Set.of(IntakeOutcome.CHAIN_BROKEN));

    @TempDir
    static Path pairs;

    private static Path template;

    /** One pair, made once, both stations signing with the §6 key; each case gets a copy with empty stores. */
    @BeforeAll
    static void pairWithTheCorpusKey() {
        template = pairs.resolve("template");
        StationPair.create(template, new SecureRandom(), Clock.systemUTC(), (id, layout) -> {
            try {
                SigningKey key = SigningKey.fromSeed(SEED);
                Files.delete(layout.signingKey());
                KeyFiles.writeSigningKey(layout.signingKey(), key);
                Identity made = Identity.read(layout.identity());
                new Identity(id, key.verifyingKey(), made.tlsCertificate()).write(layout.identity());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void everyCaseTheWireCanCarry_isRefusedOrVoidedUnderItsRule_atIntake() throws IOException {
        List<String> exportOnly = new ArrayList<>();
        int run = 0;
        for (RefusalCorpus.Case c : RefusalCorpus.cases()) {
            if (c.rule().startsWith("F-EXPORT-")) {
                exportOnly.add(c.rule());
                continue; // the layout of an export file; the link carries entry bytes, not lines
            }
            List<RawEntry> raws = new ArrayList<>();
            List<byte[][]> lines = c.lines().stream().limit(c.line()).map(RefusalCorpusIntakeTest::decode).toList();
            lines.forEach(l -> raws.add(RawEntry.of(l[0], l[1])));
            check(c, raws, run++);
        }
        assertThat(exportOnly).as("only the export-file rules are left to macm verify").isNotEmpty()
                .allMatch(r -> r.equals("F-EXPORT-LINE") || r.equals("F-EXPORT-BASE64"));
        assertThat(run).isEqualTo(RefusalCorpus.cases().size() - exportOnly.size());
    }

    private static void check(RefusalCorpus.Case c, List<RawEntry> raws, int n) throws IOException {
        StationId author = authorOf(raws.get(0));
        StationId receiver = StationPair.peerOf(author);
        Path dir = pairs.resolve("case-" + n);
        copy(template, dir);
        try (Station station = Station.open(new StationLayout(dir.resolve(receiver.value())), Clock.systemUTC())) {
            c.other().ifPresent(other -> {
                // The receiver's own log, exactly the corpus's: stored as it is, since only its author could write it anew.
                List<SignedEntry> own = other.lines().map(RefusalCorpusIntakeTest::decode)
                        .map(l -> SignedEntry.parse(l[0], l[1])).toList();
                assertThat(station.store().storePeer(own)).as(c + ": the other log").containsOnly(IntakeOutcome.STORED);
            });
            List<IntakeOutcome> outcomes = station.receiveRaw(author, raws);
            String what = c + " at line " + c.line();
            assertThat(outcomes.subList(0, outcomes.size() - 1)).as(what + ": the lines before it")
                    .allMatch(o -> o == IntakeOutcome.STORED);
            IntakeOutcome outcome = outcomes.get(outcomes.size() - 1);
            List<IntakeFinding> findings = station.intake().findings(station.peerLog(author));
            if (c.rule().startsWith("A-")) {
                // Stored, since the chain goes on through it, but void and recorded under its rule.
                assertThat(outcome).as(what).isEqualTo(IntakeOutcome.STORED);
                assertThat(findings).as(what).anyMatch(f -> f.rule().equals(c.rule()) && f.seq() == c.line()
                        && f.message().startsWith("[" + c.rule() + "]"));
            } else if (c.rule().startsWith("F-")) {
                assertThat(outcome).as(what).isEqualTo(IntakeOutcome.UNREADABLE);
                assertThat(findings).as(what).singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo(c.rule());
                    assertThat(f.message()).startsWith("[" + c.rule() + "]");
                    assertThat(f.unreadable()).isPresent();
                });
                assertThat(station.store().head(station.peerLog(author)).seq()).as(what).isEqualTo(c.line() - 1L);
            } else {
                assertThat(outcome).as(what).isIn(CHAIN.get(c.rule()));
                assertThat(station.store().head(station.peerLog(author)).seq()).as(what).isLessThan(c.line());
                assertThat(findings).as(what + ": a refusal that signs nothing new is no evidence").isEmpty();
            }
        }
    }

    /** A line's entry bytes and signature, read as leniently as base64 allows: the wire has no lines. */
    private static byte[][] decode(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return new byte[][] {Base64.getMimeDecoder().decode(n.path("entry").asText()),
                    Base64.getMimeDecoder().decode(n.path("signature").asText())};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StationId authorOf(RawEntry first) {
        Matcher m = AUTHOR.matcher(new String(first.bytes(), StandardCharsets.ISO_8859_1));
        // jp-mod's log unless the bytes say cn-mnd wrote it (a case may name a station of no link here).
        return m.find() && m.group(1).equals(StationPair.CN.value()) ? StationPair.CN : StationPair.JP;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                // Attributes too: a key file readable by others is refused.
                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
