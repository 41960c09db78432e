package org.macm.core.log;

import java.util.List;

/**
 * Checks that the two logs of one link tell one story: every {@code peerHead}, receipt and
 * acknowledgement in either log names an entry that exists in the other log with exactly
 * that hash, acknowledgements name messages or link tests, and no station's view of its
 * peer ever goes backwards. Both logs must already have passed {@link LogVerifier}.
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
                throw new ChainException(e.seq(), where(e) + ": peerHead went back from seq " + lastPeerHead
                        + " to seq " + peerHead.seq());
            }
            lastPeerHead = peerHead.seq();
            if (!peerHead.isEmpty()) {
                requireExists(e, "peerHead", peerHead, peerLog, peerName);
                peerHeads++;
            }
            switch (entry.body()) {
                case Body.Receipt r -> {
                    requireExists(e, "receipt", r.upTo(), peerLog, peerName);
                    receipts++;
                }
                case Body.Acknowledgement a -> {
                    SignedEntry acked = requireExists(e, "acknowledgement", a.message(), peerLog, peerName);
                    if (acked.entry().kind() != EntryKind.MESSAGE && acked.entry().kind() != EntryKind.TEST) {
                        throw new ChainException(e.seq(), where(e) + ": acknowledges " + peerName + " seq "
                                + a.message().seq() + ", which is a " + acked.entry().kind() + ", not a message or test");
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

    private static SignedEntry requireExists(SignedEntry e, String what, Head target, List<SignedEntry> peerLog,
            String peerName) {
        long index = target.seq() - 1;
        if (index >= peerLog.size()) {
            throw new ChainException(e.seq(), where(e) + ": its " + what + " names " + peerName + " seq " + target.seq()
                    + ", but that log ends at seq " + peerLog.size()
                    + " (an entry is missing, or that export is older than this one)");
        }
        SignedEntry found = peerLog.get((int) index);
        if (!found.hash().equals(target.hash())) {
            throw new ChainException(e.seq(), where(e) + ": its " + what + " names " + peerName + " seq " + target.seq()
                    + " with hash " + target.hash().shortHex() + ", but that entry's hash is " + found.hash().shortHex());
        }
        return found;
    }

    private static String where(SignedEntry e) {
        return e.log().author() + " seq " + e.seq();
    }
}
