package org.macm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.LogWriter;
import org.macm.core.log.SignedEntry;

/** The intake rules on their own, with no store behind them: what any store must answer. */
class ChainCheckTest {
    private final LogWriter cn = StoreFixtures.fixedWriter(StoreFixtures.CN_LOG, StoreFixtures.key(2));
    private final List<SignedEntry> log = StoreFixtures.chain(cn, 3);

    private static ChainCheck.HeldHash<RuntimeException> holding(List<SignedEntry> held) {
        return seq -> held.get((int) seq - 1).hash();
    }

    private static ChainCheck.HeldHash<RuntimeException> notAsked() {
        return seq -> {
            throw new AssertionError("a seq above the head needs no held hash");
        };
    }

    @Test
    void nextEntry_onTheHead_isStored() {
        assertThat(ChainCheck.peerEntry(log.get(1), log.get(0).head(), notAsked())).isEqualTo(IntakeOutcome.STORED);
        assertThat(ChainCheck.peerEntry(log.get(0), Head.EMPTY, notAsked())).isEqualTo(IntakeOutcome.STORED);
    }

    @Test
    void sameBytesAtAHeldSeq_isADuplicate_otherBytesAreEquivocation() {
        Head head = log.get(2).head();
        assertThat(ChainCheck.peerEntry(log.get(1), head, holding(log))).isEqualTo(IntakeOutcome.DUPLICATE);
        SignedEntry other = StoreFixtures.message(cn, "said otherwise").next(log.get(0).head()).sign();
        assertThat(ChainCheck.peerEntry(other, head, holding(log))).isEqualTo(IntakeOutcome.EQUIVOCATION);
    }

    @Test
    void entryBeyondTheNext_isAGap_andOneNamingAnotherPrev_breaksTheChain() {
        assertThat(ChainCheck.peerEntry(log.get(2), log.get(0).head(), notAsked())).isEqualTo(IntakeOutcome.GAP);
        Head otherHead = new Head(1, EntryHash.of(new byte[] {1}));
        assertThat(ChainCheck.peerEntry(log.get(1), otherHead, notAsked())).isEqualTo(IntakeOutcome.CHAIN_BROKEN);
    }

    @Test
    void follows_onlyTheNextSeqNamingTheHeadsHash() {
        Head head = log.get(0).head();
        assertThat(ChainCheck.follows(head, 2, head.hash())).isTrue();
        assertThat(ChainCheck.follows(head, 3, head.hash())).isFalse();
        assertThat(ChainCheck.follows(head, 2, log.get(1).hash())).isFalse();
    }
}
