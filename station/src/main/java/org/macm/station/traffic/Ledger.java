package org.macm.station.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.macm.core.log.Body;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.intake.AgreeRules;
import org.macm.station.intake.IntakeFindings;

/**
 * One link's running account of what still awaits a human answer, kept up to date entry by
 * entry as the station writes and receives them, so that the scheduler's tick costs what
 * changed rather than the length of the logs. Adding an entry twice changes nothing, which
 * lets the account be seeded from the store while new entries are already arriving.
 */
final class Ledger {
    private final StationId self;
    private final Function<SignedEntry, Optional<Instant>> deadlineOf;
    private final IntakeFindings findings;
    private final Side ours;
    private final Side theirs;

    /** Entries awaiting a human answer, in deadline order. */
    private record Awaiting(Instant deadline, long seq) {
    }

    /** The entries one station wrote, and what the other station answered about them. */
    private static final class Side {
        /** Reads one of this side's entries back: only seqs are kept while they await an answer. */
        final LongFunction<SignedEntry> read;
        long receipted;
        /** Per acknowledged seq: its acknowledgements by their entry's seq, so adding one twice changes nothing. */
        final Map<Long, TreeMap<Long, Acknowledged>> acks = new HashMap<>();
        final Set<Long> awaiting = new HashSet<>();
        final PriorityQueue<Awaiting> byDeadline = new PriorityQueue<>(Comparator.comparing(Awaiting::deadline));
        final TreeMap<Long, SignedEntry> overdue = new TreeMap<>();
        final TreeMap<Long, SignedEntry> tests = new TreeMap<>();

        Side(LongFunction<SignedEntry> read) {
            this.read = read;
        }
    }

    /** What one side's entries look like now: the entries asked for, with the answers that decide their state. */
    record Answered(List<SignedEntry> entries, long receipted, Map<Long, List<Acknowledged>> acks) {
    }

    Ledger(StationId self, Function<SignedEntry, Optional<Instant>> deadlineOf, IntakeFindings findings,
            LongFunction<SignedEntry> readOurs, LongFunction<SignedEntry> readTheirs) {
        this.self = self;
        this.deadlineOf = deadlineOf;
        this.findings = findings;
        this.ours = new Side(readOurs);
        this.theirs = new Side(readTheirs);
    }

    synchronized void add(SignedEntry e) {
        boolean byUs = e.log().author().equals(self);
        Side author = byUs ? ours : theirs;
        Side answered = byUs ? theirs : ours;
        // Every entry says how much of the other log its author held; a receipt says it outright.
        // A statement the peer made that is not true of our log is void: it changes nothing here.
        Set<AgreeRules.Part> voided = byUs ? Set.of() : findings.voided(e);
        if (!voided.contains(AgreeRules.Part.PEER_HEAD)) {
            answered.receipted = Math.max(answered.receipted, e.entry().peerHead().seq());
        }
        boolean referenceVoid = voided.contains(AgreeRules.Part.REFERENCE);
        switch (e.entry().body()) {
            case Body.Receipt r when referenceVoid -> {
                // Receipts nothing.
            }
            case Body.Acknowledgement ack when referenceVoid -> {
                // Acknowledges nothing.
            }
            case Body.Receipt r -> answered.receipted = Math.max(answered.receipted, r.upTo().seq());
            case Body.Acknowledgement ack -> {
                long seq = ack.message().seq();
                answered.acks.computeIfAbsent(seq, s -> new TreeMap<>()).put(e.seq(), new Acknowledged(ack.officer(),
                        ack.time(), ack.remark(), e.log().author() + "/" + e.seq()));
                answered.awaiting.remove(seq);
                answered.overdue.remove(seq);
            }
            case Body.Message m -> await(author, e);
            case Body.LinkTest t -> {
                if (byUs) {
                    author.tests.put(e.seq(), e);
                }
                await(author, e);
            }
        }
    }

    private void await(Side side, SignedEntry e) {
        if (side.acks.containsKey(e.seq()) || side.overdue.containsKey(e.seq())) {
            return;
        }
        deadlineOf.apply(e).ifPresent(deadline -> {
            if (side.awaiting.add(e.seq())) {
                side.byDeadline.add(new Awaiting(deadline, e.seq()));
            }
        });
    }

    /** Entries of ours ({@code byUs}) or theirs past their deadline and not acknowledged, oldest first. */
    synchronized Answered overdue(boolean byUs, Instant now) {
        Side side = byUs ? ours : theirs;
        Awaiting next;
        while ((next = side.byDeadline.peek()) != null && now.isAfter(next.deadline())) {
            side.byDeadline.poll();
            if (side.awaiting.remove(next.seq())) {
                side.overdue.put(next.seq(), side.read.apply(next.seq()));
            }
        }
        return answered(side, side.overdue);
    }

    /** What decides the state of any entry of ours ({@code byUs}) or theirs: no entries listed. */
    synchronized Answered answers(boolean byUs) {
        Side side = byUs ? ours : theirs;
        return new Answered(List.of(), side.receipted, copy(side.acks));
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
