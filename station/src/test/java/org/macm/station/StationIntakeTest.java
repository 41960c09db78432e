package org.macm.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.identity.KeyFiles;
import org.macm.store.IntakeOutcome;

/** What a station accepts from its peer: only entries of the peer's log, signed by the pinned key. */
class StationIntakeTest {
    @TempDir
    Path tmp;

    private StationPair.Opened pair;
    private Station jp;
    private Station cn;
    private StationLayout cnLayout;

    @BeforeEach
    void twoPinnedStations() {
        StationPair created = StationPair.create(tmp);
        pair = created.open(Clock.systemUTC());
        jp = pair.jp();
        cn = pair.cn();
        cnLayout = created.cn();
    }

    @AfterEach
    void close() {
        pair.close();
    }

    private static Body text(String s) {
        return new Body.Message(Precedence.PRIORITY, new MessageContent.FreeText("en", s));
    }

    private List<SignedEntry> cnLog() {
        return cn.store().read(cn.ownLog(JP), 1, 1000);
    }

    @Test
    void receive_validEntries_areStoredOnce_andResendsAreDuplicates() {
        cn.write(JP, text("one"));
        cn.write(JP, text("two"));
        assertThat(jp.receive(CN, cnLog())).containsExactly(IntakeOutcome.STORED, IntakeOutcome.STORED);
        assertThat(jp.receive(CN, cnLog())).containsExactly(IntakeOutcome.DUPLICATE, IntakeOutcome.DUPLICATE);
        assertThat(jp.store().read(jp.peerLog(CN), 1, 10)).isEqualTo(cnLog());
    }

    @Test
    void receive_entrySignedByAnotherKey_isRefusedAndNotStored() {
        SigningKey impostor = SigningKey.generate(new SecureRandom());
        SignedEntry forged = new LogWriter(cn.ownLog(JP), impostor, Clock.systemUTC()).next(Head.EMPTY, Head.EMPTY,
                text("I am cn-mnd, honestly"));
        assertThat(jp.receive(CN, List.of(forged))).containsExactly(IntakeOutcome.BAD_SIGNATURE);
        assertThat(jp.store().head(jp.peerLog(CN))).isEqualTo(Head.EMPTY);
        // The link stays usable for valid traffic.
        cn.write(JP, text("the real one"));
        assertThat(jp.receive(CN, cnLog())).containsExactly(IntakeOutcome.STORED);
    }

    @Test
    void receive_entryOfAnotherLog_isRefused() {
        SignedEntry own = jp.write(CN, text("jp's own entry replayed back at it"));
        assertThat(jp.receive(CN, List.of(own))).containsExactly(IntakeOutcome.WRONG_LOG);
    }

    @Test
    void receive_secondValidlySignedEntryAtSameSeq_isKeptAsEquivocationEvidence() {
        cn.write(JP, text("what cn-mnd said first"));
        jp.receive(CN, cnLog());
        SigningKey cnKey = KeyFiles.readSigningKey(cnLayout.signingKey());
        SignedEntry denial = new LogWriter(cn.ownLog(JP), cnKey, Clock.systemUTC()).next(Head.EMPTY, Head.EMPTY,
                text("what cn-mnd later claims it said"));
        assertThat(jp.receive(CN, List.of(denial))).containsExactly(IntakeOutcome.EQUIVOCATION);
        assertThat(jp.store().get(jp.peerLog(CN), 1)).contains(cnLog().get(0));
        assertThat(jp.store().equivocations(jp.peerLog(CN))).singleElement()
                .satisfies(ev -> assertThat(ev.conflicting()).isEqualTo(denial));
    }

    @Test
    void receipts_areWrittenInTheCommitThatStoresWhatTheyCover_andAreNotThemselvesReceipted() {
        cn.write(JP, text("hello"));
        List<SignedEntry> verified = new ArrayList<>();
        jp.onVerified((peer, entries) -> verified.addAll(entries));
        List<SignedEntry> written = new ArrayList<>();
        jp.onWrite((peer, e) -> written.add(e));
        jp.receive(CN, cnLog());
        assertThat(verified).as("told before it is stored").containsExactlyElementsOf(cnLog());
        SignedEntry receipt = jp.store().get(jp.ownLog(CN), 1).orElseThrow();
        assertThat(((Body.Receipt) receipt.entry().body()).upTo()).isEqualTo(cnLog().get(0).head());
        assertThat(receipt.entry().peerHead()).isEqualTo(cnLog().get(0).head());
        assertThat(written).as("the link is woken for the receipt").containsExactly(receipt);
        assertThat(jp.writeOwedReceipt(CN)).as("nothing is owed").isEmpty();
        jp.receive(CN, cnLog());
        assertThat(jp.store().head(jp.ownLog(CN)).seq()).as("a resend is not receipted again").isEqualTo(1);
        cn.receive(JP, jp.store().read(jp.ownLog(CN), 1, 10));
        assertThat(cn.store().head(cn.ownLog(JP)).seq()).as("a receipt alone needs no receipt").isEqualTo(1);
    }

    @Test
    void acknowledge_aMessageNeverReceived_isRefused() {
        assertThatThrownBy(() -> jp.acknowledge(CN, 7, "Cdr Sato", Optional.empty()))
                .isInstanceOf(StationException.class)
                .hasMessage("no message cn-mnd/7 is held here; see the inbox for what has arrived");
    }

    @Test
    void write_toAPeerNotPinned_isRefused() {
        assertThatThrownBy(() -> jp.write(StationId.of("us-dod"), text("hi")))
                .hasMessageContaining("station us-dod is not a pinned peer: pin its identity first");
    }
}
