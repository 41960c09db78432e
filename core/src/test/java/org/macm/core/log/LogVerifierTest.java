package org.macm.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.macm.core.crypto.SigningKey;

class LogVerifierTest {
    private final SigningKey key = TestLogs.key(1);
    private final List<SignedEntry> log = TestLogs.log(TestLogs.writer(TestLogs.JP_LOG, key), 5);

    private void verifyAll(List<SignedEntry> entries) {
        LogVerifier v = new LogVerifier(TestLogs.JP_LOG, key.verifyingKey());
        entries.forEach(v::append);
    }

    @Test
    void verify_intactLog_passesAndEndsAtItsHead() {
        LogVerifier v = new LogVerifier(TestLogs.JP_LOG, key.verifyingKey());
        log.forEach(v::append);
        assertThat(v.head()).isEqualTo(log.get(4).head());
    }

    @Test
    void verify_otherKey_throwsNamingTheEntry() {
        LogVerifier v = new LogVerifier(TestLogs.JP_LOG, TestLogs.key(2).verifyingKey());
        assertThatThrownBy(() -> v.append(log.get(0))).isInstanceOf(ChainException.class)
                .hasMessageContaining("entry seq 1: signature does not verify");
    }

    @Test
    void verify_droppedEntry_throwsNamingTheMissingSeq() {
        List<SignedEntry> dropped = new ArrayList<>(log);
        dropped.remove(2);
        assertThatThrownBy(() -> verifyAll(dropped)).isInstanceOf(ChainException.class)
                .hasMessage("[C-SEQ] entry seq 4 follows seq 2: entry 3 is missing");
    }

    @Test
    void verify_duplicatedEntry_throwsNamingIt() {
        List<SignedEntry> dup = new ArrayList<>(log);
        dup.add(3, log.get(2));
        assertThatThrownBy(() -> verifyAll(dup)).isInstanceOf(ChainException.class)
                .hasMessageStartingWith("[C-SEQ] entry seq 3 appears again after seq 3");
    }

    @Test
    void verify_swappedEntries_throwsAtTheFirstOutOfPlace() {
        List<SignedEntry> swapped = new ArrayList<>(log);
        swapped.set(1, log.get(2));
        swapped.set(2, log.get(1));
        assertThatThrownBy(() -> verifyAll(swapped)).isInstanceOf(ChainException.class)
                .hasMessage("[C-SEQ] entry seq 3 follows seq 1: entry 2 is missing");
    }

    @Test
    void verify_entryFromAnotherLog_throws() {
        SignedEntry foreign = TestLogs.writer(TestLogs.CN_LOG, key).next(Head.EMPTY, Head.EMPTY, TestLogs.text("x"));
        LogVerifier v = new LogVerifier(TestLogs.JP_LOG, key.verifyingKey());
        assertThatThrownBy(() -> v.append(foreign)).hasMessageContaining("belongs to log cn-mnd~jp-mod/cn-mnd");
    }

    @Test
    void verify_validlySignedButForkedChain_throwsChainBroken() {
        LogWriter w = TestLogs.writer(TestLogs.JP_LOG, key);
        // seq 3 signed by the right key but chained onto a different seq 2.
        SignedEntry otherTwo = w.next(log.get(0).head(), Head.EMPTY, TestLogs.text("another 2"));
        SignedEntry forkThree = w.next(otherTwo.head(), Head.EMPTY, TestLogs.text("3 on the fork"));
        List<SignedEntry> forked = new ArrayList<>(log.subList(0, 2));
        forked.add(forkThree);
        assertThatThrownBy(() -> verifyAll(forked)).isInstanceOf(ChainException.class)
                .hasMessageContaining("entry seq 3: its prev hash")
                .hasMessageContaining("the chain is broken");
    }
}
