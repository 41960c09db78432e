package org.macm.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkCheckTest {
    private final LogWriter jp = TestLogs.writer(TestLogs.JP_LOG, TestLogs.key(1));
    private final LogWriter cn = TestLogs.writer(TestLogs.CN_LOG, TestLogs.key(2));

    @Test
    void receiptsAndAcksNamingExistingEntries_agree() {
        SignedEntry m = jp.next(Head.EMPTY, Head.EMPTY, TestLogs.text("hello"));
        SignedEntry r = cn.next(Head.EMPTY, m.head(), new Body.Receipt(m.head()));
        SignedEntry a = cn.next(r.head(), m.head(),
                new Body.Acknowledgement(m.head(), "Maj Li", Instant.parse("2026-11-29T03:00:00Z"), Optional.empty()));
        LinkCheck.Summary s = LinkCheck.check(List.of(m), List.of(r, a));
        assertThat(s.receipts()).isEqualTo(1);
        assertThat(s.acknowledgements()).isEqualTo(1);
    }

    @Test
    void receiptNamingAnEntryWithAnotherHash_isNamed() {
        SignedEntry m = jp.next(Head.EMPTY, Head.EMPTY, TestLogs.text("what was sent"));
        SignedEntry other = jp.next(Head.EMPTY, Head.EMPTY, TestLogs.text("what the receipt claims"));
        SignedEntry r = cn.next(Head.EMPTY, Head.EMPTY, new Body.Receipt(other.head()));
        assertThatThrownBy(() -> LinkCheck.check(List.of(m), List.of(r))).isInstanceOf(ChainException.class)
                .hasMessage("[A-RECEIPT] cn-mnd seq 1 receipts jp-mod seq 1 with hash " + other.hash().shortHex()
                        + ", but that entry's hash is " + m.hash().shortHex());
    }

    @Test
    void ackOfAReceipt_isRefused() {
        SignedEntry m = jp.next(Head.EMPTY, Head.EMPTY, TestLogs.text("hello"));
        SignedEntry r = cn.next(Head.EMPTY, m.head(), new Body.Receipt(m.head()));
        SignedEntry a = jp.next(m.head(), r.head(),
                new Body.Acknowledgement(r.head(), "Cdr Sato", Instant.parse("2026-11-29T03:00:00Z"), Optional.empty()));
        assertThatThrownBy(() -> LinkCheck.check(List.of(m, a), List.of(r)))
                .hasMessage("[A-ACK-KIND] jp-mod seq 2 acknowledges cn-mnd seq 1, which is a RECEIPT");
    }

    @Test
    void peerHeadGoingBackwards_isNamed() {
        List<SignedEntry> jpLog = TestLogs.log(jp, 2);
        SignedEntry c1 = cn.next(Head.EMPTY, jpLog.get(1).head(), TestLogs.text("saw two"));
        SignedEntry c2 = cn.next(c1.head(), jpLog.get(0).head(), TestLogs.text("now claims one"));
        assertThatThrownBy(() -> LinkCheck.check(new ArrayList<>(jpLog), List.of(c1, c2)))
                .hasMessage("[A-PEERHEAD-ORDER] cn-mnd seq 2 says it holds jp-mod's log to seq 1, after saying seq 2 in its entry before");
    }

    @Test
    void logsOfDifferentLinks_areRefused() {
        SignedEntry m = jp.next(Head.EMPTY, Head.EMPTY, TestLogs.text("hello"));
        assertThatThrownBy(() -> LinkCheck.check(List.of(m), List.of(m)))
                .hasMessageContaining("are not the two directions of one link");
    }
}
