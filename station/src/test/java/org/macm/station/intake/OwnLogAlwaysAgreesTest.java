package org.macm.station.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.macm.core.log.Body;
import org.macm.core.log.ChainException;
import org.macm.core.log.EntryHash;
import org.macm.core.log.EntryKind;
import org.macm.core.log.Head;
import org.macm.core.log.LinkCheck;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.LogVerifier;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.station.export.ExportVerifier;
import org.macm.station.export.ExportFile;
import org.macm.station.export.KeyRing;
import org.macm.station.identity.KeyFiles;
import org.macm.store.IntakeFinding;
import org.macm.store.IntakeOutcome;

/**
 * Whatever a peer sends, this station's own log stays true (docs/PROTOCOL.md §3): a peer that
 * states random things about cn-mnd's log (true, false, beyond it, going back) in random kinds
 * of entries, while cn-mnd writes messages, receipts and acknowledgements, never makes
 * cn-mnd's own export fail `macm verify`; checking cn-mnd's log against its copy of jp-mod's
 * fails only at an entry of jp-mod's, and only at one intake recorded.
 */
class OwnLogAlwaysAgreesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void ownExportVerifies_whateverThePeerSent(long seed) throws Exception {
        Random random = new Random(seed);
        StationPair stations = StationPair.create(tmp);
        LogWriter liar = new LogWriter(new LogId(LinkId.between(JP, CN), JP),
                KeyFiles.readSigningKey(stations.jp().signingKey()), Clock.systemUTC());
        try (Station cn = Station.open(stations.cn(), Clock.systemUTC())) {
            Head jpHead = Head.EMPTY;
            for (int step = 0; step < 120; step++) {
                Head cnHead = cn.store().head(cn.ownLog(JP));
                Head heldJp = cn.store().head(cn.peerLog(JP));
                switch (random.nextInt(5)) {
                    case 0 -> cn.write(JP, new Body.Message(Precedence.ROUTINE,
                            new MessageContent.FreeText("en", "cn-mnd step " + step)));
                    case 1 -> {
                        if (!heldJp.isEmpty()) {
                            cn.write(JP, new Body.Receipt(heldJp));
                        }
                    }
                    case 2 -> firstMessage(cn).ifPresent(seq -> cn.acknowledge(JP, seq, "Lt. Li", Optional.empty()));
                    default -> {
                        SignedEntry e = liar.next(jpHead, reference(random, cn, cnHead), body(random, cn, cnHead));
                        assertThat(cn.receive(JP, List.of(e))).containsExactly(IntakeOutcome.STORED);
                        jpHead = e.head();
                    }
                }
            }
            List<SignedEntry> own = cn.store().read(cn.ownLog(JP), 1, 10_000);
            List<SignedEntry> copy = cn.store().read(cn.peerLog(JP), 1, 10_000);
            // cn-mnd's own export verifies on its own ...
            Path export = tmp.resolve("cn-own.jsonl");
            ExportFile.write(export, own);
            assertThat(ExportVerifier.verify(List.of(export), new KeyRing().add(stations.cn().identity().toString()))
                    .verified()).isTrue();
            LogVerifier verifier = new LogVerifier(cn.ownLog(JP), cn.identity().signingKey());
            own.forEach(verifier::append);
            // ... and against its copy of jp-mod's log, a failure names jp-mod's entry that intake recorded.
            List<Long> recorded = cn.intake().findings(cn.peerLog(JP)).stream().map(IntakeFinding::seq).toList();
            try {
                LinkCheck.check(own, copy);
                assertThat(recorded).as("a pair that verifies has nothing recorded").isEmpty();
            } catch (ChainException e) {
                assertThat(e.rule()).hasValueSatisfying(r -> {
                    assertThat(r.id()).startsWith("A-");
                    assertThat(e.getMessage()).startsWith(r.tag() + "jp-mod seq ");
                });
                assertThat(recorded).contains(e.seq());
            }
        }
    }

    /** The seq of a jp-mod message cn-mnd holds and may acknowledge, if any. */
    private static Optional<Long> firstMessage(Station cn) {
        return cn.store().read(cn.peerLog(JP), 1, 10_000).stream()
                .filter(e -> e.entry().kind() == EntryKind.MESSAGE).map(SignedEntry::seq).findFirst();
    }

    /** A head of cn-mnd's log as the liar might state it: true, a wrong hash, beyond the log, empty. */
    private static Head reference(Random random, Station cn, Head cnHead) {
        int pick = random.nextInt(6);
        if (cnHead.isEmpty() || pick == 0) {
            return pick == 1 ? new Head(1L + random.nextInt(5), fake(random)) : Head.EMPTY;
        }
        long seq = 1L + random.nextInt((int) cnHead.seq());
        return switch (pick) {
            case 1 -> new Head(seq, fake(random));
            case 2 -> new Head(cnHead.seq() + 1 + random.nextInt(50), fake(random));
            default -> cn.store().get(cn.ownLog(JP), random.nextBoolean() ? seq : cnHead.seq()).orElseThrow().head();
        };
    }

    private static Body body(Random random, Station cn, Head cnHead) {
        return switch (random.nextInt(4)) {
            case 0 -> {
                Head upTo = reference(random, cn, cnHead);
                // The reader refuses a receipt of nothing (a format rule, not an agree rule).
                yield new Body.Receipt(upTo.isEmpty() ? new Head(1, fake(random)) : upTo);
            }
            case 1 -> {
                Head message = reference(random, cn, cnHead);
                // Nor does it read an acknowledgement of nothing.
                yield new Body.Acknowledgement(message.isEmpty() ? new Head(1, fake(random)) : message, "Lt. Sato",
                        java.time.Instant.parse("2026-11-30T10:00:00Z"), Optional.empty());
            }
            case 2 -> new Body.LinkTest(java.time.Instant.parse("2026-11-30T10:00:00Z"), random.nextBoolean());
            default -> new Body.Message(random.nextBoolean() ? Precedence.FLASH : Precedence.ROUTINE,
                    new MessageContent.FreeText("en", "jp-mod says " + random.nextInt()));
        };
    }

    private static EntryHash fake(Random random) {
        return EntryHash.of(("fake " + random.nextLong()).getBytes(StandardCharsets.UTF_8));
    }
}
