package org.macm.station.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.macm.core.log.AgreeRules;
import org.macm.core.log.EntryHash;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;
import org.macm.store.Equivocation;
import org.macm.store.IntakeFinding;
import org.macm.store.LogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * What intake found wrong with the peers' validly signed entries, kept in memory beside the
 * store's record of it: which statements of held entries are void (and so must change nothing
 * in the traffic picture), whether a peer's log is held behind an entry that cannot be read,
 * and the peer's equivocations. Read from the store the first time a log is asked about, so a
 * restart forgets nothing; each new finding is logged at WARN once and told to the listeners
 * (the console's alarms).
 */
public final class IntakeFindings {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeFindings.class);

    private final LogStore store;
    private final Map<LogId, Tally> tallies = new ConcurrentHashMap<>();
    private final List<Consumer<IntakeFinding>> listeners = new CopyOnWriteArrayList<>();
    /** Log and rule of the findings logged at WARN already. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** The first equivocation seen on a log: the seq at which two signed entries differ, and when. */
    public record FirstEquivocation(long seq, Instant seen) {
    }

    /**
     * One peer log's findings as status and the console show them: how many held entries break
     * an agree rule and the latest such finding, the unreadable entry the log is held behind (if
     * it is), and how many equivocations were seen and the first.
     */
    public record Report(int voidEntries, Optional<IntakeFinding> lastVoid, Optional<IntakeFinding> held,
            int equivocations, Optional<FirstEquivocation> firstEquivocation) {
    }

    /** One log's findings; guarded by its own monitor. */
    private static final class Tally {
        final List<IntakeFinding> all = new ArrayList<>();
        /** Seq, hash and rule of every finding: an entry found again (resent after a failed commit) is not counted twice. */
        final Set<String> keys = new HashSet<>();
        /** Per seq of a held entry found void: its hash and which statements are void. */
        final Map<Long, Map<EntryHash, Set<AgreeRules.Part>>> voids = new HashMap<>();
        final Map<Long, List<IntakeFinding>> unreadable = new HashMap<>();
        /** The findings about held entries, by seq. */
        final Map<Long, List<IntakeFinding>> bySeq = new HashMap<>();
        int voidEntries;
        IntakeFinding lastVoid;
        /** The conflicting entries seen, by seq and hash: a resent one is not counted again. */
        final Set<String> equivocations = new HashSet<>();
        FirstEquivocation firstEquivocation;
    }

    public IntakeFindings(LogStore store) {
        this.store = store;
    }

    /** Called with each finding once it is durable, on the intake's thread: a listener must be quick. */
    public void onFinding(Consumer<IntakeFinding> listener) {
        listeners.add(listener);
    }

    /**
     * Reads {@code log}'s findings and equivocations from the store, if not yet read: called
     * before a batch is stored, so that what the batch adds is not mistaken for what was held.
     */
    public void follow(LogId log) {
        tally(log);
    }

    private Tally tally(LogId log) {
        return tallies.computeIfAbsent(log, l -> {
            Tally t = new Tally();
            store.findings(l).forEach(f -> add(t, f));
            List<Equivocation> seen = store.equivocations(l);
            seen.forEach(q -> t.equivocations.add(q.conflicting().seq() + " " + q.conflicting().hash().hex()));
            if (!seen.isEmpty()) {
                t.firstEquivocation = new FirstEquivocation(seen.get(0).stored().seq(), seen.get(0).detectedAt());
            }
            return t;
        });
    }

    private static boolean add(Tally t, IntakeFinding f) {
        if (!t.keys.add(f.seq() + " " + f.hash().hex() + " " + f.rule())) {
            return false;
        }
        t.all.add(f);
        if (f.isUnreadable()) {
            t.unreadable.computeIfAbsent(f.seq(), s -> new ArrayList<>()).add(f);
        } else {
            Set<AgreeRules.Part> parts = t.voids.computeIfAbsent(f.seq(), s -> new HashMap<>())
                    .computeIfAbsent(f.hash(), h -> EnumSet.noneOf(AgreeRules.Part.class));
            if (parts.isEmpty()) {
                t.voidEntries++;
            }
            parts.add(AgreeRules.partOf(f.rule()));
            t.bySeq.computeIfAbsent(f.seq(), s -> new ArrayList<>()).add(f);
            t.lastVoid = f;
        }
        return true;
    }

    /**
     * Takes in findings about to be stored, before the entries they void are: a reader of the
     * store must never see a void statement take effect. Returns those not already known.
     */
    public List<IntakeFinding> add(List<IntakeFinding> findings) {
        List<IntakeFinding> fresh = new ArrayList<>(findings.size());
        for (IntakeFinding f : findings) {
            Tally t = tally(f.log());
            synchronized (t) {
                if (add(t, f)) {
                    fresh.add(f);
                }
            }
        }
        return fresh;
    }

    /** Forgets findings whose commit failed: the entries were not stored either, and will be found again. */
    public void forget(List<IntakeFinding> findings) {
        // Read again from what is durable at the next question: simpler than undoing each one's share of the counts.
        findings.stream().map(IntakeFinding::log).distinct().forEach(tallies::remove);
    }

    /** The rule id of equivocation: two validly signed different entries at one seq of one log. */
    public static final String EQUIVOCATION = "E-EQUIVOCATION";

    /**
     * Tells the listeners of an equivocation (which the station logs itself), as a finding
     * with the rule {@link #EQUIVOCATION} that is not stored as one: the store's equivocation
     * evidence is the record.
     */
    public void announceEquivocation(SignedEntry conflicting, Instant seen) {
        IntakeFinding f = new IntakeFinding(conflicting.log(), conflicting.seq(), conflicting.hash(), EQUIVOCATION,
                "[" + EQUIVOCATION + "] " + conflicting.log().author() + " signed two different entries at seq "
                        + conflicting.seq(), seen, Optional.empty());
        for (Consumer<IntakeFinding> l : listeners) {
            try {
                l.accept(f);
            } catch (RuntimeException e) {
                LOG.error("a listener failed on an equivocation", e);
            }
        }
    }

    /**
     * Logs each finding and tells the listeners; called once they are durable. The first
     * finding of each rule on a log is logged at WARN, later ones at INFO: a peer whose every
     * entry is wrong must not drown the station's log (status keeps the count and the latest).
     */
    public void announce(List<IntakeFinding> durable) {
        for (IntakeFinding f : durable) {
            boolean first = warned.add(f.log() + " " + f.rule());
            if (f.isUnreadable()) {
                LOG.atLevel(first ? Level.WARN : Level.INFO).addKeyValue("log", f.log()).addKeyValue("rule", f.rule())
                        .log("{}'s log is held at seq {}: its next entry is validly signed but cannot be read: {}. Kept "
                                + "as evidence; later entries of that log are refused until its station is fixed",
                                f.log().author(), f.seq() - 1, f.message());
            } else {
                LOG.atLevel(first ? Level.WARN : Level.INFO).addKeyValue("log", f.log()).addKeyValue("rule", f.rule())
                        .log("{} (stored, but it changes nothing here; kept as evidence)", f.message());
            }
            for (Consumer<IntakeFinding> l : listeners) {
                try {
                    l.accept(f);
                } catch (RuntimeException e) {
                    LOG.error("a listener failed on an intake finding", e);
                }
            }
        }
    }

    /**
     * Notes that {@code conflicting} differs from the entry held at its seq (the store keeps
     * both as evidence); returns whether it was new, so that it is logged once.
     */
    public boolean equivocation(SignedEntry conflicting, Instant seen) {
        Tally t = tally(conflicting.log());
        synchronized (t) {
            boolean fresh = t.equivocations.add(conflicting.seq() + " " + conflicting.hash().hex());
            if (t.firstEquivocation == null) {
                t.firstEquivocation = new FirstEquivocation(conflicting.seq(), seen);
            }
            return fresh;
        }
    }

    /** The statements of held entry {@code e} that are void: empty for nearly every entry. */
    public Set<AgreeRules.Part> voided(SignedEntry e) {
        Tally t = tally(e.log());
        synchronized (t) {
            Map<EntryHash, Set<AgreeRules.Part>> bySeq = t.voids.get(e.seq());
            Set<AgreeRules.Part> parts = bySeq == null ? null : bySeq.get(e.hash());
            return parts == null ? Set.of() : Set.copyOf(parts);
        }
    }

    /** The refusal messages of the agree rules held entry {@code e} breaks: empty for nearly every entry. */
    public List<String> messages(SignedEntry e) {
        Tally t = tally(e.log());
        synchronized (t) {
            List<IntakeFinding> found = t.bySeq.get(e.seq());
            return found == null ? List.of()
                    : found.stream().filter(f -> f.hash().equals(e.hash())).map(IntakeFinding::message).toList();
        }
    }

    /** Whether {@code e}'s peerHead is void (not to be believed). */
    public boolean peerHeadVoid(SignedEntry e) {
        return voided(e).contains(AgreeRules.Part.PEER_HEAD);
    }

    /** Whether {@code e}'s receipt or acknowledgement is void (it receipts or acknowledges nothing). */
    public boolean referenceVoid(SignedEntry e) {
        return voided(e).contains(AgreeRules.Part.REFERENCE);
    }

    /** The unreadable entries refused at {@code position} of {@code log}; the log is held if there are any. */
    public List<IntakeFinding> unreadableAt(LogId log, long position) {
        Tally t = tally(log);
        synchronized (t) {
            return List.copyOf(t.unreadable.getOrDefault(position, List.of()));
        }
    }

    /** {@code log}'s findings as status shows them, given the head of it held here. */
    public Report report(LogId log, long heldSeq) {
        Tally t = tally(log);
        synchronized (t) {
            List<IntakeFinding> held = t.unreadable.getOrDefault(heldSeq + 1, List.of());
            return new Report(t.voidEntries, Optional.ofNullable(t.lastVoid),
                    held.isEmpty() ? Optional.empty() : Optional.of(held.get(0)), t.equivocations.size(),
                    Optional.ofNullable(t.firstEquivocation));
        }
    }

    /** Every finding about {@code log}, oldest first. */
    public List<IntakeFinding> findings(LogId log) {
        Tally t = tally(log);
        synchronized (t) {
            return List.copyOf(t.all);
        }
    }
}
