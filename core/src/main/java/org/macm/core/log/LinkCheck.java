package org.macm.core.log;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Checks that the two logs of one link tell one story, the "agree" rules of docs/PROTOCOL.md
 * §7: every {@code peerHead} (A-PEERHEAD), receipt (A-RECEIPT) and acknowledgement (A-ACK) in
 * either log names an entry that exists in the other log with exactly that hash, a receipt
 * or acknowledgement reaches no further than its own entry's {@code peerHead},
 * acknowledgements name messages or link tests (A-ACK-KIND), and no station's view of its
 * peer ever goes backwards (A-PEERHEAD-ORDER). Both logs must already have passed {@link LogVerifier}.
 *
 * <p>Each entry is judged by {@link AgreeRules}, the one implementation of these rules that a
 * station's intake also applies. Like the verifier it throws {@link ChainException} at the
 * first fault and returns counts when all is well.
 */
public final class LinkCheck {

    /** What a successful check covered. */
    public record Summary(int receipts, int acknowledgements, int peerHeads) {
    }

    private LinkCheck() {
    }

    public static Summary check(List<SignedEntry> one, List<SignedEntry> other) {
        if (!one.isEmpty() && !other.isEmpty()) {
            LogId a = one.get(0).log();
            LogId b = other.get(0).log();
            if (!a.opposite().equals(b)) {
                throw new ChainException(0, "the two logs are not the two directions of one link: " + a + " and " + b);
            }
        }
        Summary s1 = references(one, other);
        Summary s2 = references(other, one);
        return new Summary(s1.receipts + s2.receipts, s1.acknowledgements + s2.acknowledgements,
                s1.peerHeads + s2.peerHeads);
    }

    private static Summary references(List<SignedEntry> log, List<SignedEntry> peerLog) {
        int receipts = 0;
        int acks = 0;
        int peerHeads = 0;
        long lastPeerHead = 0;
        Head peerLogHead = peerLog.isEmpty() ? Head.EMPTY : peerLog.get(peerLog.size() - 1).head();
        LongFunction<Optional<SignedEntry>> peerEntry = seq -> seq >= 1 && seq <= peerLog.size()
                ? Optional.of(peerLog.get((int) (seq - 1))) : Optional.empty();
        for (SignedEntry e : log) {
            // The same rules, in the same words, as a station's intake applies to each peer entry.
            List<AgreeRules.Breach> breaches = AgreeRules.check(e, lastPeerHead, peerLogHead, peerEntry);
            if (!breaches.isEmpty()) {
                AgreeRules.Breach first = breaches.get(0);
                Rule rule = Rule.ofId(first.rule());
                throw new ChainException(rule, e.seq(), first.message().substring(rule.tag().length()));
            }
            Entry entry = e.entry();
            lastPeerHead = entry.peerHead().seq();
            peerHeads += entry.peerHead().isEmpty() ? 0 : 1;
            receipts += entry.body() instanceof Body.Receipt ? 1 : 0;
            acks += entry.body() instanceof Body.Acknowledgement ? 1 : 0;
        }
        return new Summary(receipts, acks, peerHeads);
    }
}
