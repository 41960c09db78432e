package org.macm.station.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;
import org.macm.core.log.Body;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.MalformedEntryException;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.core.log.AgreeRules;
import org.macm.station.intake.IntakeFindings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One link's running account of what still awaits a human answer, kept up to date entry by
 * entry as the station writes and receives them, so that the scheduler's tick costs what
 * changed rather than the length of the logs. Adding an entry twice changes nothing, which
 * lets the account be seeded from the store while new entries are already arriving.
 *
 * <p>A deadline runs from the entry's time of receipt (docs/PROTOCOL.md §14): the time of the
 * other station's first entry whose {@code peerHead.seq} reaches it. Until that entry is
 * known, it runs provisionally from the time this station stored the peer's entry, or from
 * our own entry's time; when the receipt becomes known, the deadline moves. The length is the
 * one the author announced in its own log before the entry ({@link LinkParameters}).
 */
final class Ledger {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    private final StationId self;
    private final IntakeFindings findings;
    private final Side ours;
    private final Side theirs;

    /** An entry awaiting a human answer, by deadline; stale once {@link Side#deadlines} holds another. */
    private record Awaiting(Instant deadline, long seq) {
    }

    /**
     * An entry of one side whose time of receipt is not known yet: its own time for the clock
     * check and, if it awaits a human answer, how long its author allows.
     */
    private record Unreceived(Instant written, Optional<Duration> allowed) {
    }

    /** The first entry of the other side whose peerHead reached a seq of this side. */
    private record Step(long seq, Instant time) {
    }

    /** The entries one station wrote, and what the other station answered about them. */
    private static final class Side {
        final StationId author;
        /** Reads one of this side's entries back: only seqs are kept while they await an answer. */
        final LongFunction<SignedEntry> read;
        /** When this station stored one of this side's entries, if that is its provisional time of receipt. */
        final LongFunction<Optional<Instant>> storedHere;
        long receipted;
        /** Per acknowledged seq: its acknowledgements by their entry's seq, so adding one twice changes nothing. */
        final Map<Long, TreeMap<Long, Acknowledged>> acks = new HashMap<>();
        /** Awaiting seqs and their current deadline; the queue may hold older deadlines of the same seq. */
        final Map<Long, Instant> deadlines = new HashMap<>();
        /** The precedence of each entry awaiting a human answer (link tests: ROUTINE), so counting them reads nothing. */
        final Map<Long, Precedence> precedences = new HashMap<>();
        final PriorityQueue<Awaiting> byDeadline = new PriorityQueue<>(Comparator.comparing(Awaiting::deadline));
        final TreeMap<Long, SignedEntry> overdue = new TreeMap<>();
        final TreeMap<Long, SignedEntry> tests = new TreeMap<>();
        /** This side's announcements by seq: the one in force for seq s is the latest below s. */
        final TreeMap<Long, LinkParameters> announcements = new TreeMap<>();
        /** Messages and tests: their time of receipt, once the other side's log says it. */
        final Map<Long, Instant> receivedAt = new HashMap<>();
        /** Peer entries taken in here, awaiting our receipt: when they were stored (the provisional time). */
        final Map<Long, Instant> storedAt = new HashMap<>();
        /**
         * Receipt times of seqs not added yet (the other log was read first), keyed by the
         * peerHead that covered them; pruned as this side's entries arrive.
         */
        final TreeMap<Long, Step> steps = new TreeMap<>();
        /** Entries added whose receipt is not known: messages and tests, and the latest other entry. */
        final TreeMap<Long, Unreceived> unreceived = new TreeMap<>();
        long lastOther;
        /** Every seq up to here was added; those beyond, out of order, are listed. */
        long contiguous;
        final TreeSet<Long> beyond = new TreeSet<>();
        ClockCheck clock = ClockCheck.NONE;

        Side(StationId author, LongFunction<SignedEntry> read, LongFunction<Optional<Instant>> storedHere) {
            this.author = author;
            this.read = read;
            this.storedHere = storedHere;
        }

        /** Notes {@code seq} as added; false if it was added before. */
        boolean firstTime(long seq) {
            if (seq <= contiguous || !beyond.add(seq)) {
                return false;
            }
            while (beyond.remove(contiguous + 1)) {
                contiguous++;
            }
            return true;
        }

        LinkParameters inForce(long seq) {
            Map.Entry<Long, LinkParameters> a = announcements.lowerEntry(seq);
            return a == null ? LinkParameters.DEFAULTS : a.getValue();
        }
    }

    /** What one side's entries look like now: the entries asked for, with the answers that decide their state. */
    record Answered(List<SignedEntry> entries, long receipted, Map<Long, List<Acknowledged>> acks) {
    }

    /**
     * @param findings     what intake found void in the peer's entries: a void statement changes nothing here
     * @param storedTheirs when this station stored an entry of the peer's log (the store's {@code stored_at})
     */
    Ledger(StationId self, StationId peer, IntakeFindings findings, LongFunction<SignedEntry> readOurs,
            LongFunction<SignedEntry> readTheirs, LongFunction<Optional<Instant>> storedTheirs) {
        this.self = self;
        this.findings = findings;
        this.ours = new Side(self, readOurs, seq -> Optional.empty());
        this.theirs = new Side(peer, readTheirs, storedTheirs);
    }

    /** Adds an entry read from the store or just written here. */
    synchronized void add(SignedEntry e) {
        add(e, Optional.empty());
    }

    /** Adds a peer entry this station has just stored durably, at {@code stored} by its clock. */
    synchronized void addReceived(SignedEntry e, Instant stored) {
        add(e, Optional.of(stored));
    }

    private void add(SignedEntry e, Optional<Instant> stored) {
        boolean byUs = e.log().author().equals(self);
        Side author = byUs ? ours : theirs;
        Side answered = byUs ? theirs : ours;
        if (!author.firstTime(e.seq())) {
            return;
        }
        // Every entry says how much of the other log its author held; a receipt says it outright.
        // A statement the peer made that is not true of our log is void: it changes nothing here.
        Set<AgreeRules.Part> voided = byUs ? Set.of() : findings.voided(e);
        if (!voided.contains(AgreeRules.Part.PEER_HEAD)) {
            long covers = e.entry().peerHead().seq();
            answered.receipted = Math.max(answered.receipted, covers);
            if (covers > 0) {
                covered(answered, covers, e.seq(), e.entry().time());
            }
        }
        boolean referenceVoid = voided.contains(AgreeRules.Part.REFERENCE);
        switch (e.entry().body()) {
            case Body.Receipt r when referenceVoid -> {
                // Receipts nothing.
            }
            case Body.Acknowledgement ack when referenceVoid -> {
                // Acknowledges nothing; its own time is still clock-checked.
                noted(author, e, Optional.empty(), stored);
            }
            case Body.Receipt r -> {
                // Not clock-checked: nobody receipts a receipt, so its time of receipt is only when
                // the other station next wrote, which may be hours later.
                answered.receipted = Math.max(answered.receipted, r.upTo().seq());
            }
            case Body.Acknowledgement ack -> {
                long seq = ack.message().seq();
                answered.acks.computeIfAbsent(seq, s -> new TreeMap<>()).put(e.seq(), new Acknowledged(ack.officer(),
                        ack.time(), ack.remark(), e.log().author() + "/" + e.seq()));
                answered.deadlines.remove(seq);
                answered.overdue.remove(seq);
                answered.precedences.remove(seq);
                noted(author, e, Optional.empty(), stored);
            }
            case Body.Message m -> {
                if (LinkParameters.isAnnouncement(e.entry())) {
                    announced(author, e);
                    noted(author, e, Optional.empty(), stored);
                } else {
                    noted(author, e, Optional.of(author.inForce(e.seq()).deadline(m.precedence())), stored);
                }
            }
            case Body.LinkTest t -> {
                if (byUs) {
                    author.tests.put(e.seq(), e);
                }
                noted(author, e, t.humanAck() ? Optional.of(author.inForce(e.seq()).testDeadline()) : Optional.empty(),
                        stored);
            }
        }
        // Receipt times kept for seqs not yet added are needed only beyond what has been added.
        author.steps.headMap(author.contiguous, true).clear();
    }

    private void announced(Side author, SignedEntry e) {
        try {
            LinkParameters.of(e.entry()).ifPresent(p -> author.announcements.put(e.seq(), p));
        } catch (MalformedEntryException ex) {
            // Not in force: the deadlines before it still apply. The entry stays evidence of what was sent.
            LOG.warn("{}/{} announces link parameters this station cannot read, so they do not apply: {}",
                    e.log().author(), e.seq(), ex.getMessage());
        }
    }

    /** An entry of {@code side}: its receipt known already (the other log was read first) or awaited. */
    private void noted(Side side, SignedEntry e, Optional<Duration> allowed, Optional<Instant> stored) {
        if (allowed.isPresent() && !side.acks.containsKey(e.seq())) {
            side.precedences.put(e.seq(), e.entry().body() instanceof Body.Message m ? m.precedence() : Precedence.ROUTINE);
        }
        Map.Entry<Long, Step> known = side.steps.ceilingEntry(e.seq());
        if (known != null) {
            received(side, e.seq(), e.entry().time(), known.getValue().time(), allowed);
            return;
        }
        if (allowed.isEmpty()) {
            // Only the latest such entry is kept for the clock check, so this map stays small.
            Unreceived previous = side.unreceived.get(side.lastOther);
            if (previous != null && previous.allowed().isEmpty()) {
                side.unreceived.remove(side.lastOther);
            }
            side.lastOther = e.seq();
            side.unreceived.put(e.seq(), new Unreceived(e.entry().time(), allowed));
            return;
        }
        side.unreceived.put(e.seq(), new Unreceived(e.entry().time(), allowed));
        Instant from = e.entry().time();
        if (side != ours) {
            from = stored.or(() -> side.storedHere.apply(e.seq())).orElse(from);
            side.storedAt.put(e.seq(), from);
        }
        if (!side.acks.containsKey(e.seq())) {
            schedule(side, e.seq(), from.plus(allowed.get()));
        }
    }

    /** The other side's entry {@code bySeq}, at {@code time}, states it holds {@code side}'s log up to {@code upTo}. */
    private void covered(Side side, long upTo, long bySeq, Instant time) {
        Map<Long, Unreceived> now = side.unreceived.headMap(upTo, true);
        for (Map.Entry<Long, Unreceived> u : now.entrySet()) {
            received(side, u.getKey(), u.getValue().written(), time, u.getValue().allowed());
        }
        now.clear();
        if (upTo > side.contiguous) {
            side.steps.merge(upTo, new Step(bySeq, time), (a, b) -> a.seq() <= b.seq() ? a : b);
        }
    }

    private void received(Side side, long seq, Instant written, Instant at, Optional<Duration> allowed) {
        side.clock = side.clock.with(new ClockReading(side.author + "/" + seq, written, at));
        if (allowed.isEmpty()) {
            return;
        }
        side.receivedAt.put(seq, at);
        side.storedAt.remove(seq);
        if (!side.acks.containsKey(seq)) {
            // The deadline moves: an entry overdue by its provisional deadline waits again if the receipt says so.
            side.overdue.remove(seq);
            schedule(side, seq, at.plus(allowed.get()));
        }
    }

    private static void schedule(Side side, long seq, Instant deadline) {
        side.deadlines.put(seq, deadline);
        side.byDeadline.add(new Awaiting(deadline, seq));
    }

    /** Entries of ours ({@code byUs}) or theirs past their deadline and not acknowledged, oldest first. */
    synchronized Answered overdue(boolean byUs, Instant now) {
        Side side = byUs ? ours : theirs;
        Awaiting next;
        while ((next = side.byDeadline.peek()) != null && now.isAfter(next.deadline())) {
            side.byDeadline.poll();
            if (next.deadline().equals(side.deadlines.get(next.seq()))) {
                side.deadlines.remove(next.seq());
                side.overdue.put(next.seq(), side.read.apply(next.seq()));
            }
        }
        return answered(side, side.overdue);
    }

    /**
     * When a human answer to {@code e} (an entry of ours, {@code byUs}, or theirs) is due, if
     * one is expected: its time of receipt, as far as it is known, plus what its author allows.
     */
    synchronized Optional<Instant> deadline(boolean byUs, SignedEntry e) {
        Side side = byUs ? ours : theirs;
        Optional<Duration> allowed = switch (e.entry().body()) {
            case Body.Message m -> LinkParameters.isAnnouncement(e.entry()) ? Optional.empty()
                    : Optional.of(side.inForce(e.seq()).deadline(m.precedence()));
            case Body.LinkTest t -> t.humanAck() ? Optional.of(side.inForce(e.seq()).testDeadline()) : Optional.empty();
            default -> Optional.empty();
        };
        return allowed.map(d -> receivedAt(side, e).plus(d));
    }

    private Instant receivedAt(Side side, SignedEntry e) {
        Instant at = side.receivedAt.get(e.seq());
        if (at != null) {
            return at;
        }
        Map.Entry<Long, Step> step = side.steps.ceilingEntry(e.seq());
        if (step != null) {
            return step.getValue().time();
        }
        if (side == ours) {
            return e.entry().time();
        }
        Instant stored = side.storedAt.get(e.seq());
        return stored != null ? stored : side.storedHere.apply(e.seq()).orElse(e.entry().time());
    }

    /** The deadlines each side announced and the clock check of each side's entries. */
    synchronized LinkTerms terms() {
        return new LinkTerms(self, theirs.author, Optional.ofNullable(ours.announcements.lastEntry()).map(Map.Entry::getValue),
                Optional.ofNullable(theirs.announcements.lastEntry()).map(Map.Entry::getValue), ours.clock, theirs.clock);
    }

    /**
     * Notes what a peer entry that intake has verified, and is about to store, says of our log:
     * the messages it covers are receipted from this moment (docs/PROTOCOL.md §10 step 4), since
     * the peer holds them durably and has signed that it does. The entry itself is added once it
     * is stored; intake passes only entries with nothing found void.
     */
    synchronized void verified(SignedEntry e) {
        long covers = e.entry().peerHead().seq();
        if (e.entry().body() instanceof Body.Receipt r) {
            covers = Math.max(covers, r.upTo().seq());
        }
        ours.receipted = Math.max(ours.receipted, covers);
    }

    /** How far the peer has receipted our log ({@code byUs}), or we theirs. */
    synchronized long receipted(boolean byUs) {
        return (byUs ? ours : theirs).receipted;
    }

    /** What decides the state of any entry of ours ({@code byUs}) or theirs: no entries listed. */
    synchronized Answered answers(boolean byUs) {
        Side side = byUs ? ours : theirs;
        return new Answered(List.of(), side.receipted, copy(side.acks));
    }

    /**
     * What awaits an answer among the entries of ours ({@code byUs}) or theirs, costing the
     * number of such entries, not the log's length: each entry awaiting a human acknowledgement
     * (with whether its deadline has passed at {@code now}), and how many messages and link
     * tests the other side has not receipted yet.
     */
    synchronized Unanswered unanswered(boolean byUs, Instant now) {
        Side side = byUs ? ours : theirs;
        TreeMap<Long, Boolean> awaiting = new TreeMap<>();
        side.deadlines.forEach((seq, deadline) -> awaiting.put(seq, now.isAfter(deadline)));
        side.overdue.keySet().forEach(seq -> awaiting.put(seq, true));
        List<Unanswered.Awaited> acks = new ArrayList<>(awaiting.size());
        awaiting.forEach((seq, late) -> acks.add(new Unanswered.Awaited(
                side.precedences.getOrDefault(seq, Precedence.ROUTINE), late)));
        TreeSet<Long> unreceipted = new TreeSet<>(awaiting.tailMap(side.receipted, false).keySet());
        unreceipted.addAll(side.tests.tailMap(side.receipted, false).keySet());
        return new Unanswered(acks, unreceipted.size());
    }

    /**
     * Entries awaiting an answer, as {@link #unanswered} finds them.
     *
     * @param acks        every entry awaiting a human acknowledgement, and whether it is overdue
     * @param unreceipted messages and link tests not yet receipted by the other side
     */
    record Unanswered(List<Awaited> acks, int unreceipted) {
        /** One entry awaiting a human acknowledgement: its precedence, and whether its deadline passed. */
        record Awaited(Precedence precedence, boolean overdue) {
        }
    }

    /** When the newest link test this station sent was scheduled, if it sent one. */
    synchronized Optional<Instant> lastTestScheduled() {
        return Optional.ofNullable(ours.tests.lastEntry())
                .map(e -> ((Body.LinkTest) e.getValue().entry().body()).scheduled());
    }

    /** The link tests this station sent, oldest first. */
    synchronized Answered tests() {
        return answered(ours, ours.tests);
    }

    private static Answered answered(Side side, Map<Long, SignedEntry> entries) {
        return new Answered(new ArrayList<>(entries.values()), side.receipted, copy(side.acks));
    }

    private static Map<Long, List<Acknowledged>> copy(Map<Long, ? extends Map<Long, Acknowledged>> acks) {
        Map<Long, List<Acknowledged>> out = new HashMap<>();
        acks.forEach((seq, bySeq) -> out.put(seq, List.copyOf(bySeq.values())));
        return out;
    }
}
