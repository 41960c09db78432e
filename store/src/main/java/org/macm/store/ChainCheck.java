package org.macm.store;

import java.util.ArrayList;
import java.util.List;

import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.SignedEntry;

/**
 * The chain rules every store applies to what it takes in, free of any storage: where an
 * entry stands against its log's durable head decides whether it is stored, is a resend, is
 * evidence of equivocation, or must wait for the entries before it. The SQLite store's writer
 * applies them inside its transaction; a second store applies the same ones, so that both
 * answer a peer alike.
 */
public final class ChainCheck {
    private ChainCheck() {
    }

    /**
     * Looks up the hash of the entry held at a seq at or below the head; may throw what the
     * store's own lookups throw.
     */
    @FunctionalInterface
    public interface HeldHash<X extends Exception> {
        EntryHash at(long seq) throws X;
    }

    /** Whether an entry at {@code seq} naming {@code prev} is the one that follows {@code head}. */
    public static boolean follows(Head head, long seq, EntryHash prev) {
        return seq == head.seq() + 1 && prev.equals(head.hash());
    }

    /**
     * The entries of {@code entries}, offered in order to a log whose head is {@code head}, that
     * will be stored: each that follows the head so far, which it then becomes; resends, evidence
     * and entries beyond a gap are left out. The same rule as {@link #peerEntry}'s
     * {@link IntakeOutcome#STORED}, so a receipt laid out from them names exactly what its commit
     * stores.
     */
    public static List<SignedEntry> following(Head head, List<SignedEntry> entries) {
        List<SignedEntry> stored = new ArrayList<>(entries.size());
        Head h = head;
        for (SignedEntry e : entries) {
            if (follows(h, e.seq(), e.entry().prev())) {
                stored.add(e);
                h = e.head();
            }
        }
        return stored;
    }

    /** The head a log will have once {@code entries} are offered to it in order, from {@code head} (see {@link #following}). */
    public static Head headAfter(Head head, List<SignedEntry> entries) {
        List<SignedEntry> stored = following(head, entries);
        return stored.isEmpty() ? head : stored.get(stored.size() - 1).head();
    }

    /**
     * What to do with a peer's entry, given its log's durable head and, for a seq already
     * held, the hash held there: {@link IntakeOutcome#STORED} means "store it now", and
     * {@link IntakeOutcome#EQUIVOCATION} means "keep it as evidence". {@code held} is asked
     * only for a seq at or below the head.
     */
    public static <X extends Exception> IntakeOutcome peerEntry(SignedEntry e, Head head, HeldHash<X> held) throws X {
        if (e.seq() <= head.seq()) {
            return held.at(e.seq()).equals(e.hash()) ? IntakeOutcome.DUPLICATE : IntakeOutcome.EQUIVOCATION;
        }
        if (e.seq() > head.seq() + 1) {
            return IntakeOutcome.GAP;
        }
        if (!e.entry().prev().equals(head.hash())) {
            return IntakeOutcome.CHAIN_BROKEN;
        }
        return IntakeOutcome.STORED;
    }
}
