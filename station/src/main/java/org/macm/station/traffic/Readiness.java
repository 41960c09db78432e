package org.macm.station.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.MalformedEntryException;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

/**
 * How ready a link was: per direction and precedence, how many messages, how fast they were
 * receipted and acknowledged, how many deadlines were missed; the link tests and the longest
 * time the link went untested; per officer, how fast they acknowledged. Computed from the two
 * signed logs of the link and nothing else (no configuration, no clock), so both stations and
 * anyone holding the two exports get the same report: {@code macm report} prints it
 * ({@link ReadinessJson}) and the console's Readiness page shows it. Every figure is defined in
 * docs/PROTOCOL.md §16 "Readiness report".
 */
public final class Readiness {
    private Readiness() {
    }

    /** The period [from, to): messages and link tests whose entry time is at or after {@code from} and before {@code to}. */
    public record Period(Instant from, Instant to) {
        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("a period ends after it starts: " + from + " .. " + to);
            }
        }

        boolean holds(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** One log the report was computed from: its author, its head and the time of its head entry (none when empty). */
    public record LogSummary(StationId author, Head head, Optional<Instant> lastTime) {
    }

    /**
     * The messages of one precedence in one direction: how many, time from each message's entry
     * time to its time of receipt, from its time of receipt to the first acknowledgement, and how
     * many missed their acknowledgement deadline.
     */
    public record Flow(Precedence precedence, int messages, Spread toReceipt, Spread toAck, int missed) {
    }

    /** A stretch of time between two instants. */
    public record Gap(Instant from, Instant to) {
        public Duration length() {
            return Duration.between(from, to);
        }
    }

    /**
     * The link tests one station wrote in the period: how many, how many the other station
     * answered, how many that asked for a duty officer missed their deadline, and the longest
     * stretch of the window in which no test of this station arrived (none when the window is empty).
     */
    public record Tests(int sent, int answered, int missed, Optional<Gap> longestUntested) {
    }

    /**
     * One officer of the receiving station, named as signed: the first acknowledgements they
     * signed of the period's messages (a second acknowledgement, made on purpose with a remark,
     * is not a time to answer).
     */
    public record OfficerRow(String officer, int acks, Spread toAck, int missed) {
    }

    /** What {@code from} wrote to {@code to} and how {@code to}'s log answered it. */
    public record Direction(StationId from, StationId to, List<Flow> precedences, Tests tests, List<OfficerRow> officers) {
        public Direction {
            precedences = List.copyOf(precedences);
            officers = List.copyOf(officers);
        }
    }

    /**
     * The whole report of one link: the logs it was computed from (the link's first station's
     * first), the period asked for (none: every entry), the "as of" time (the later of the two
     * logs' last entry times; none when both are empty), and both directions, the one written by
     * the link's first station first.
     */
    public record Report(LinkId link, List<LogSummary> logs, Optional<Period> period, Optional<Instant> asOf,
            List<Direction> directions) {
        public Report {
            logs = List.copyOf(logs);
            directions = List.copyOf(directions);
        }

        /** The direction written by {@code author}. */
        public Direction from(StationId author) {
            return directions.stream().filter(d -> d.from().equals(author)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(author + " is not a party to link " + link));
        }
    }

    /**
     * Computes the report of {@code link} from the two logs, each complete from seq 1 and in
     * log order, in either order ({@code one} and {@code other} are told apart by their
     * entries' authors; an empty log is the remaining one). {@code period} selects messages and
     * link tests by entry time; none means every entry.
     */
    public static Report compute(LinkId link, List<SignedEntry> one, List<SignedEntry> other, Optional<Period> period) {
        boolean swap = (!one.isEmpty() && one.get(0).log().author().equals(link.second()))
                || (!other.isEmpty() && other.get(0).log().author().equals(link.first()));
        List<SignedEntry> first = swap ? other : one;
        List<SignedEntry> second = swap ? one : other;
        for (SignedEntry e : first) {
            requireAuthor(e, link, link.first());
        }
        for (SignedEntry e : second) {
            requireAuthor(e, link, link.second());
        }
        Optional<Instant> asOf = later(lastTime(first), lastTime(second));
        Optional<Instant> start = period.map(Period::from).or(() -> earlier(firstTime(first), firstTime(second)));
        Optional<Instant> end = asOf.map(a -> period.map(p -> p.to().isBefore(a) ? p.to() : a).orElse(a));
        Window window = new Window(period, asOf, start, end);
        return new Report(link,
                List.of(summary(link.first(), first), summary(link.second(), second)), period, asOf,
                List.of(direction(link.first(), link.second(), first, second, window),
                        direction(link.second(), link.first(), second, first, window)));
    }

    private static void requireAuthor(SignedEntry e, LinkId link, StationId author) {
        if (!e.log().link().equals(link) || !e.log().author().equals(author)) {
            throw new IllegalArgumentException("entry " + e + " is not of " + author + "'s log on " + link);
        }
    }

    private static LogSummary summary(StationId author, List<SignedEntry> log) {
        return new LogSummary(author, log.isEmpty() ? Head.EMPTY : log.get(log.size() - 1).head(), lastTime(log));
    }

    private static Optional<Instant> lastTime(List<SignedEntry> log) {
        return log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1).entry().time());
    }

    private static Optional<Instant> firstTime(List<SignedEntry> log) {
        return log.isEmpty() ? Optional.empty() : Optional.of(log.get(0).entry().time());
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }

    private static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }

    /** What every figure is measured against: the period, "as of", and the window in which gaps between tests count. */
    private record Window(Optional<Period> period, Optional<Instant> asOf, Optional<Instant> start, Optional<Instant> end) {
        boolean holds(Instant t) {
            return period.map(p -> p.holds(t)).orElse(true);
        }

        /** A deadline is missed without an answer only when it passed before "as of". */
        boolean passed(Instant deadline) {
            return asOf.isPresent() && deadline.isBefore(asOf.get());
        }
    }

    private static Direction direction(StationId from, StationId to, List<SignedEntry> authored, List<SignedEntry> answers,
            Window window) {
        Answers a = new Answers(answers, authored);
        Map<Precedence, List<Duration>> toReceipt = new EnumMap<>(Precedence.class);
        Map<Precedence, List<Duration>> toAck = new EnumMap<>(Precedence.class);
        Map<Precedence, Integer> counts = new EnumMap<>(Precedence.class);
        Map<Precedence, Integer> missed = new EnumMap<>(Precedence.class);
        Map<String, List<Duration>> officerTimes = new TreeMap<>(Readiness::byCodePoints);
        Map<String, Integer> officerMissed = new HashMap<>();
        List<Instant> testsArrived = new ArrayList<>();
        int testsSent = 0;
        int testsAnswered = 0;
        int testsMissed = 0;
        LinkParameters inForce = LinkParameters.DEFAULTS;
        for (SignedEntry e : authored) {
            Instant time = e.entry().time();
            Optional<Instant> receipt = a.receipt(e.seq());
            if (LinkParameters.isAnnouncement(e.entry())) {
                inForce = announced(e).orElse(inForce);
                continue;
            }
            switch (e.entry().body()) {
                case Body.Message m when window.holds(time) -> {
                    Precedence p = m.precedence();
                    Instant base = receipt.orElse(time);
                    Instant deadline = base.plus(inForce.deadline(p));
                    counts.merge(p, 1, Integer::sum);
                    receipt.ifPresent(r -> toReceipt.computeIfAbsent(p, x -> new ArrayList<>()).add(Duration.between(time, r)));
                    Optional<SignedEntry> ack = a.firstAck(e.seq());
                    boolean late;
                    if (ack.isPresent()) {
                        Instant acked = ack.get().entry().time();
                        Duration took = Duration.between(base, acked);
                        late = acked.isAfter(deadline);
                        toAck.computeIfAbsent(p, x -> new ArrayList<>()).add(took);
                        String officer = ((Body.Acknowledgement) ack.get().entry().body()).officer();
                        officerTimes.computeIfAbsent(officer, x -> new ArrayList<>()).add(took);
                        officerMissed.merge(officer, late ? 1 : 0, Integer::sum);
                    } else {
                        late = window.passed(deadline);
                    }
                    missed.merge(p, late ? 1 : 0, Integer::sum);
                }
                case Body.LinkTest t -> {
                    receipt.ifPresent(testsArrived::add);
                    if (!window.holds(time)) {
                        continue;
                    }
                    testsSent++;
                    if (t.humanAck()) {
                        Instant deadline = receipt.orElse(time).plus(inForce.testDeadline());
                        Optional<SignedEntry> ack = a.firstAck(e.seq());
                        testsAnswered += ack.isPresent() ? 1 : 0;
                        boolean late = ack.map(x -> x.entry().time().isAfter(deadline)).orElse(window.passed(deadline));
                        testsMissed += late ? 1 : 0;
                    } else {
                        testsAnswered += receipt.isPresent() ? 1 : 0;
                    }
                }
                default -> {
                    // Receipts and acknowledgements are answers, counted with what they answer;
                    // messages outside the period are not counted.
                }
            }
        }
        List<Flow> flows = new ArrayList<>();
        for (Precedence p : Precedence.values()) {
            flows.add(new Flow(p, counts.getOrDefault(p, 0), Spread.of(toReceipt.getOrDefault(p, List.of())),
                    Spread.of(toAck.getOrDefault(p, List.of())), missed.getOrDefault(p, 0)));
        }
        List<OfficerRow> officers = new ArrayList<>();
        officerTimes.forEach((name, times) -> officers.add(
                new OfficerRow(name, times.size(), Spread.of(times), officerMissed.get(name))));
        Tests tests = new Tests(testsSent, testsAnswered, testsMissed, longestGap(testsArrived, window));
        return new Direction(from, to, flows, tests, officers);
    }

    /** The parameters an announcement states; none when its fields are not valid (then the previous stay in force). */
    private static Optional<LinkParameters> announced(SignedEntry e) {
        try {
            return LinkParameters.of(e.entry());
        } catch (MalformedEntryException bad) {
            return Optional.empty();
        }
    }

    /**
     * The longest stretch of [start, end] with no test arrival inside it: the points are start,
     * every arrival within the window in time order, and end; the first longest stretch wins.
     */
    private static Optional<Gap> longestGap(List<Instant> arrivals, Window window) {
        if (window.start().isEmpty() || window.end().isEmpty() || window.end().get().isBefore(window.start().get())) {
            return Optional.empty();
        }
        Instant start = window.start().get();
        Instant end = window.end().get();
        List<Instant> points = new ArrayList<>();
        points.add(start);
        arrivals.stream().filter(t -> !t.isBefore(start) && !t.isAfter(end)).sorted().forEach(points::add);
        points.add(end);
        Gap longest = new Gap(start, start);
        for (int i = 1; i < points.size(); i++) {
            Gap g = new Gap(points.get(i - 1), points.get(i));
            if (g.length().compareTo(longest.length()) > 0) {
                longest = g;
            }
        }
        return Optional.of(longest);
    }

    /** Orders names by Unicode code point, as a reader in any language can (Java's own order is by UTF-16 unit). */
    static int byCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /**
     * The answering log, indexed: when the receiver first held each seq, and which
     * acknowledgement first named it. A statement that is not true
     * of that log (docs/PROTOCOL.md §7, the agree rules: a peerHead or acknowledged message that
     * names no entry of it with that hash, an acknowledgement of what is not a message or test,
     * or beyond the acknowledging entry's own peerHead) answers nothing, as at the station's
     * intake: exports that verify together hold none, a station's own store may.
     */
    private static final class Answers {
        /** The receiver's entries at which its stated peerHead.seq rose, by that seq: the time of receipt of every seq up to it. */
        private final TreeMap<Long, Instant> heldFrom = new TreeMap<>();
        private final Map<Long, SignedEntry> firstAcks = new HashMap<>();

        Answers(List<SignedEntry> log, List<SignedEntry> answered) {
            long held = 0;
            for (SignedEntry e : log) {
                Head peerHead = e.entry().peerHead();
                boolean trueHead = peerHead.isEmpty() || names(peerHead, answered).isPresent();
                if (trueHead && peerHead.seq() > held) {
                    held = peerHead.seq();
                    heldFrom.put(held, e.entry().time());
                }
                if (e.entry().body() instanceof Body.Acknowledgement ack && trueHead
                        && ack.message().seq() <= peerHead.seq()
                        && names(ack.message(), answered).filter(Answers::answerable).isPresent()) {
                    firstAcks.putIfAbsent(ack.message().seq(), e);
                }
            }
        }

        private static Optional<SignedEntry> names(Head h, List<SignedEntry> log) {
            if (h.seq() < 1 || h.seq() > log.size()) {
                return Optional.empty();
            }
            SignedEntry e = log.get((int) (h.seq() - 1));
            return e.hash().equals(h.hash()) ? Optional.of(e) : Optional.empty();
        }

        private static boolean answerable(SignedEntry e) {
            return (e.entry().body() instanceof Body.Message || e.entry().body() instanceof Body.LinkTest)
                    && !LinkParameters.isAnnouncement(e.entry());
        }

        /** The time of receipt of {@code seq}: the time of the receiver's first entry whose peerHead.seq is at least {@code seq}. */
        Optional<Instant> receipt(long seq) {
            return Optional.ofNullable(heldFrom.ceilingEntry(seq)).map(Map.Entry::getValue);
        }

        Optional<SignedEntry> firstAck(long seq) {
            return Optional.ofNullable(firstAcks.get(seq));
        }
    }
}
