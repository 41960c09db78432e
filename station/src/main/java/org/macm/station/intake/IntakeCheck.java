package org.macm.station.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.macm.core.crypto.SignatureException;
import org.macm.core.crypto.VerifyingKey;
import org.macm.core.log.AgreeRules;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.MalformedEntryException;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;
import org.macm.store.IntakeFinding;
import org.macm.store.IntakeOutcome;
import org.macm.store.LogStore;

/**
 * One intake batch's checks beyond signatures and the chain (docs/PROTOCOL.md §10 step 3). It
 * follows the chain the store is about to extend, so that the agree rules are applied exactly
 * to the entries it will store, each with the peerHead of the entry before it; and it keeps
 * the hold behind an unreadable entry. What it finds is handed to the store with the batch.
 */
public final class IntakeCheck {

    private final LogStore store;
    private final IntakeFindings known;
    private final Clock clock;
    private final LogId log;
    private final Head ownHead;
    private final List<IntakeFinding> findings = new ArrayList<>();
    private long next;
    private EntryHash last;
    private long lastPeerHead;

    /** Checks entries of the peer's {@code log} following {@code held}, the head of it stored here. */
    public IntakeCheck(LogStore store, IntakeFindings known, Clock clock, LogId log, Head held) {
        this.store = store;
        this.known = known;
        this.clock = clock;
        this.log = log;
        this.ownHead = store.head(log.opposite());
        this.next = held.seq() + 1;
        this.last = held.hash();
        this.lastPeerHead = held.isEmpty() ? 0
                : store.get(log, held.seq()).map(e -> e.entry().peerHead().seq()).orElse(0L);
    }

    /** What this batch found, in the order found. */
    public List<IntakeFinding> findings() {
        return List.copyOf(findings);
    }

    /** Whether the log is held behind an unreadable entry at the next position and {@code e} lies beyond it. */
    public boolean heldBehindUnreadable(SignedEntry e) {
        return e.seq() > next && !unreadableAtNext().isEmpty();
    }

    private List<IntakeFinding> unreadableAtNext() {
        List<IntakeFinding> found = new ArrayList<>(known.unreadableAt(log, next));
        findings.stream().filter(f -> f.isUnreadable() && f.seq() == next).forEach(found::add);
        return found;
    }

    /**
     * Refuses bytes that cannot be read ({@code why}); keeps them as evidence, once, if the
     * pinned {@code key} signed them, and then the log is held where it stands.
     */
    public IntakeOutcome unreadable(RawEntry raw, MalformedEntryException why, VerifyingKey key) {
        try {
            raw.verify(key);
        } catch (SignatureException ex) {
            // The station logs the refusal, one structured line per refused entry (event=entry.refused).
            return IntakeOutcome.BAD_SIGNATURE;
        }
        EntryHash hash = raw.hash();
        if (unreadableAtNext().stream().noneMatch(f -> f.hash().equals(hash))) {
            String rule = FormatRule.of(why);
            findings.add(new IntakeFinding(log, next, hash, rule, FormatRule.message(rule, why) + " (" + log.author()
                    + "'s entry after seq " + (next - 1) + ")", clock.instant(), Optional.of(raw)));
        }
        return IntakeOutcome.UNREADABLE;
    }

    /** Applies the agree rules to {@code e} (validly signed) if the store will take it as the next entry. */
    public void agree(SignedEntry e) {
        if (e.seq() != next || !e.entry().prev().equals(last)) {
            return; // a resend, a gap or a broken chain: the store decides, and nothing is stored
        }
        Instant now = clock.instant();
        for (AgreeRules.Breach b : AgreeRules.check(e, lastPeerHead, ownHead, seq -> store.get(log.opposite(), seq))) {
            findings.add(new IntakeFinding(log, e.seq(), e.hash(), b.rule(), b.message(), now, Optional.empty()));
        }
        next++;
        last = e.hash();
        lastPeerHead = e.entry().peerHead().seq();
    }
}
