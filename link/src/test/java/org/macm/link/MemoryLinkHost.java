package org.macm.link;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.macm.core.log.Body;
import org.macm.core.log.ChainException;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.LogVerifier;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MalformedEntryException;
import org.macm.core.log.RawEntry;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

/**
 * A station's side of one link kept in memory: its own log to the peer (written and signed
 * with its real Ed25519 key) and the part of the peer's log it holds, taken in strictly in
 * order with the real {@link LogVerifier}. An entry past a gap is held back (not stored) and
 * the gap reported, as the station does. It counts every entry offered to it, so a test can
 * say that nothing arrived twice.
 */
final class MemoryLinkHost implements LinkHost {
    static final String CATALOG = "catalog-of-the-link-tests";

    private final TestStation self;
    private final TestStation peer;
    private final LogWriter writer;
    private final LogId peerLog;
    private final List<SignedEntry> own = new ArrayList<>();
    private final List<SignedEntry> held = new ArrayList<>();
    /** How often each seq of the peer's log was offered to {@link #receive}. */
    private final Map<Long, Integer> offered = new TreeMap<>();
    private final List<Long> gapsReported = new ArrayList<>();
    private int duplicates;

    MemoryLinkHost(TestStation self, TestStation peer) {
        this.self = self;
        this.peer = peer;
        this.writer = new LogWriter(self.logTo(peer), self.signingKey(), Clock.systemUTC());
        this.peerLog = peer.logTo(self);
    }

    /** Appends a free-text message to this station's log for the peer (the caller tells its {@code Links}). */
    synchronized SignedEntry append(String text) {
        SignedEntry e = writer.next(head(own), head(held), new Body.Message(Precedence.ROUTINE,
                new MessageContent.FreeText("en", text)));
        own.add(e);
        return e;
    }

    /**
     * Appends a free-text message whose entry is exactly {@code bytes} long (at most the
     * 65,536-byte limit): the text is sized from a first signing of the same entry with one character.
     */
    synchronized SignedEntry appendOfSize(int bytes) {
        int overhead = writer.next(head(own), head(held), new Body.Message(Precedence.ROUTINE,
                new MessageContent.FreeText("en", "x"))).size() - 1;
        SignedEntry e = writer.next(head(own), head(held), new Body.Message(Precedence.ROUTINE,
                new MessageContent.FreeText("en", "x".repeat(bytes - overhead))));
        if (e.size() != bytes) {
            throw new AssertionError("made an entry of " + e.size() + " bytes, not " + bytes);
        }
        own.add(e);
        return e;
    }

    /** Forgets the peer's entries after {@code seq}, as a station restored from an older backup would. */
    synchronized void forgetPeerEntriesAfter(long seq) {
        held.subList((int) seq, held.size()).clear();
    }

    synchronized List<SignedEntry> own() {
        return List.copyOf(own);
    }

    synchronized List<SignedEntry> held() {
        return List.copyOf(held);
    }

    synchronized long heldSeq() {
        return held.size();
    }

    /** How often each seq was offered, in seq order. */
    synchronized Map<Long, Integer> offered() {
        return new TreeMap<>(offered);
    }

    synchronized int duplicates() {
        return duplicates;
    }

    synchronized List<Long> gapsReported() {
        return List.copyOf(gapsReported);
    }

    private void checkPeer(StationId p) {
        if (!p.equals(peer.id())) {
            throw new AssertionError(self.id() + " has no link to " + p);
        }
    }

    @Override
    public synchronized Head ownHead(StationId p) {
        checkPeer(p);
        return head(own);
    }

    @Override
    public synchronized Head heldPeerHead(StationId p) {
        checkPeer(p);
        return head(held);
    }

    @Override
    public synchronized List<SignedEntry> ownEntries(StationId p, long fromSeq, int max) {
        checkPeer(p);
        int from = (int) Math.max(0, fromSeq - 1);
        return from >= own.size() ? List.of() : List.copyOf(own.subList(from, Math.min(own.size(), from + max)));
    }

    @Override
    public synchronized Intake receive(StationId p, List<RawEntry> raw) {
        checkPeer(p);
        int stored = 0;
        int dups = 0;
        int refused = 0;
        long gapFrom = Intake.NO_GAP;
        for (RawEntry r : raw) {
            SignedEntry e;
            try {
                e = r.read();
            } catch (MalformedEntryException unreadable) {
                refused++;
                continue;
            }
            offered.merge(e.seq(), 1, Integer::sum);
            if (e.seq() <= held.size()) {
                dups++;
            } else if (e.seq() > held.size() + 1) {
                gapFrom = held.size() + 1L; // held back: stored only once the missing ones arrive
            } else {
                try {
                    new LogVerifier(peerLog, peer.signingKey().verifyingKey(), head(held)).append(e);
                    held.add(e);
                    stored++;
                } catch (ChainException refusedEntry) {
                    refused++;
                }
            }
        }
        duplicates += dups;
        if (gapFrom != Intake.NO_GAP) {
            gapsReported.add(gapFrom);
        }
        return new Intake(stored, dups, refused, gapFrom);
    }

    @Override
    public String catalogHash() {
        return CATALOG;
    }

    private static Head head(List<SignedEntry> log) {
        return log.isEmpty() ? Head.EMPTY : log.get(log.size() - 1).head();
    }
}
