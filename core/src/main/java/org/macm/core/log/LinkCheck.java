package org.macm.core.log;

import java.util.List;

/**
 * Checks that the two logs of one link tell one story, the "agree" rules of docs/PROTOCOL.md
 * §7: every {@code peerHead} (A-PEERHEAD), receipt (A-RECEIPT) and acknowledgement (A-ACK) in
 * either log names an entry that exists in the other log with exactly that hash, a receipt
 * or acknowledgement reaches no further than its own entry's {@code peerHead},
 * acknowledgements name messages or link tests (A-ACK-KIND), and no station's view of its
 * peer ever goes backwards (A-PEERHEAD-ORDER). Both logs must already have passed {@link LogVerifier}.
 *
 * <p>Like the verifier it throws {@link ChainException} at the first fault and returns
 * counts when all is well.
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
        String peerName = peerLog.isEmpty() ? "the peer" : peerLog.get(0).log().author().toString();
        for (SignedEntry e : log) {
            Entry entry = e.entry();
            Head peerHead = entry.peerHead();
            if (peerHead.seq() < lastPeerHead) {
                throw new ChainException(Rule.A_PEERHEAD_ORDER, e.seq(), where(e) + ": peerHead went back from seq "
                        + lastPeerHead + " to seq " + peerHead.seq());
            }
            lastPeerHead = peerHead.seq();
            if (!peerHead.isEmpty()) {
                requireExists(Rule.A_PEERHEAD, e, "peerHead", peerHead, peerLog, peerName);
                peerHeads++;
            }
            switch (entry.body()) {
                case Body.Receipt r -> {
                    requireExists(Rule.A_RECEIPT, e, "receipt", r.upTo(), peerLog, peerName);
                    requireWithinPeerHead(Rule.A_RECEIPT, e, "receipt covers", r.upTo(), peerName);
                    receipts++;
                }
                case Body.Acknowledgement a -> {
                    SignedEntry acked = requireExists(Rule.A_ACK, e, "acknowledgement", a.message(), peerLog, peerName);
                    requireWithinPeerHead(Rule.A_ACK, e, "acknowledgement names", a.message(), peerName);
                    Entry target = acked.entry();
                    if (target.kind() != EntryKind.MESSAGE && target.kind() != EntryKind.TEST) {
                        throw new ChainException(Rule.A_ACK_KIND, e.seq(), where(e) + " acknowledges " + peerName + " seq "
                                + a.message().seq() + ", which is a " + target.kind() + ", not a message or test");
                    }
                    if (LinkParameters.isAnnouncement(target)) {
                        throw new ChainException(Rule.A_ACK_KIND, e.seq(), where(e) + " acknowledges " + peerName + " seq "
                                + a.message().seq() + ", which is a link-parameters announcement, not a message or test");
                    }
                    acks++;
                }
                case Body.Message m -> {
                    // A message stands on its own; nothing to cross-check.
                }
                case Body.LinkTest t -> {
                    // Nor does a link test.
                }
            }
        }
        return new Summary(receipts, acks, peerHeads);
    }

    /** A receipt or acknowledgement may not reach past what its own entry says its author held. */
    private static void requireWithinPeerHead(Rule rule, SignedEntry e, String what, Head target, String peerName) {
        Head peerHead = e.entry().peerHead();
        if (target.seq() > peerHead.seq()) {
            throw new ChainException(rule, e.seq(), where(e) + ": its " + what + " " + peerName + " seq " + target.seq()
                    + ", beyond its own peerHead (seq " + peerHead.seq() + "): an author receipts and acknowledges only "
                    + "what it holds");
        }
    }

    private static SignedEntry requireExists(Rule rule, SignedEntry e, String what, Head target,
            List<SignedEntry> peerLog, String peerName) {
        long index = target.seq() - 1;
        if (index >= peerLog.size()) {
            throw new ChainException(rule, e.seq(), where(e) + ": its " + what + " names " + peerName + " seq "
                    + target.seq() + ", but that log ends at seq " + peerLog.size()
                    + " (an entry is missing, or that export is older than this one)");
        }
        SignedEntry found = peerLog.get((int) index);
        if (!found.hash().equals(target.hash())) {
            throw new ChainException(rule, e.seq(), where(e) + ": its " + what + " names " + peerName + " seq "
                    + target.seq() + " with hash " + target.hash().shortHex() + ", but that entry's hash is "
                    + found.hash().shortHex());
        }
        return found;
    }

    private static String where(SignedEntry e) {
        return e.log().author() + " seq " + e.seq();
    }
}
