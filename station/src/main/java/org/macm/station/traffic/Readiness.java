package org.macm.station.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.macm.core.log.Body;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

/**
 * How ready a link was over a period: per precedence and direction, how many messages, how
 * fast they were receipted and acknowledged, how many deadlines were missed; per officer, how
 * fast they acknowledged; and the link tests. Computed only from the two signed logs of the
 * link, from entry times, so the peer computing it over the same entries gets the same numbers
 * (with the directions swapped). The definitions are in docs/CONSOLE.md, "Readiness: how the
 * numbers are computed".
 */
public final class Readiness {
    private Readiness() {
    }

    /** The period [from, to): messages whose entry time is at or after {@code from} and before {@code to}. */
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

    /**
     * The messages of one precedence in one direction: how many, time from the message's entry
     * to the receipt entry covering it and to the first acknowledgement entry naming it, and
     * how many missed their acknowledgement deadline.
     */
    public record Flow(int messages, Spread toReceipt, Spread toAck, int missed) {
    }

    /** One precedence: the messages we sent and those we received. */
    public record PrecedenceRow(Precedence precedence, Flow sent, Flow received) {
    }

    /**
     * One officer, named as signed in the acknowledgements, of {@code station}: the first
     * acknowledgements they signed of messages of the period (a second acknowledgement of a
     * message, made on purpose with a remark, is not a time to answer).
     */
    public record OfficerRow(StationId station, String officer, int acks, Spread toAck, int missed) {
    }

    /** Link tests written in the period by one side, and how many the other side answered. */
    public record Tests(int sent, int answered) {
    }

    /** The whole account of one link over {@code period}, as of {@code asOf} (for deadlines not yet answered). */
    public record Report(StationId self, StationId peer, Period period, Instant asOf, List<PrecedenceRow> precedences,
            List<OfficerRow> officers, Tests testsSent, Tests testsReceived) {
        public Report {
            precedences = List.copyOf(precedences);
            officers = List.copyOf(officers);
        }
    }

    /**
     * Computes the report of the link between {@code self} and {@code peer} from every entry
     * of our log to the peer ({@code ours}) and of the peer's log to us ({@code theirs}), each
     * in log order; {@code deadlines} gives the acknowledgement deadline of each precedence.
     */
    public static Report compute(StationId self, StationId peer, List<SignedEntry> ours, List<SignedEntry> theirs,
            Period period, Function<Precedence, Duration> deadlines, Instant asOf) {
        Side sent = new Side(ours, theirs, period, deadlines, asOf);
        Side received = new Side(theirs, ours, period, deadlines, asOf);
        List<PrecedenceRow> rows = new ArrayList<>();
        for (Precedence p : Precedence.values()) {
            rows.add(new PrecedenceRow(p, sent.flow(p), received.flow(p)));
        }
        List<OfficerRow> officers = new ArrayList<>();
        officers.addAll(received.officers(self));
        officers.addAll(sent.officers(peer));
        officers.sort(Comparator.comparing(OfficerRow::station).thenComparing(OfficerRow::officer));
        return new Report(self, peer, period, asOf, rows, officers, sent.tests(), received.tests());
    }

    /** The messages one station wrote and what the other station's log answered about them. */
    private static final class Side {
        private final Map<Precedence, List<Duration>> toReceipt = new EnumMap<>(Precedence.class);
        private final Map<Precedence, List<Duration>> toAck = new EnumMap<>(Precedence.class);
        private final Map<Precedence, int[]> counts = new EnumMap<>(Precedence.class);
        private final Map<Precedence, int[]> missed = new EnumMap<>(Precedence.class);
        private final Map<String, List<Duration>> officerTimes = new TreeMap<>();
        private final Map<String, int[]> officerMissed = new HashMap<>();
        private int testsSent;
        private int testsAnswered;

        Side(List<SignedEntry> authored, List<SignedEntry> answers, Period period,
                Function<Precedence, Duration> deadlines, Instant asOf) {
            Answers a = new Answers(answers);
            for (SignedEntry e : authored) {
                if (!period.holds(e.entry().time())) {
                    continue;
                }
                switch (e.entry().body()) {
                    case Body.Message m -> message(e, m.precedence(), a, deadlines.apply(m.precedence()), asOf);
                    case Body.LinkTest t -> {
                        testsSent++;
                        boolean answered = t.humanAck() ? a.firstAck(e.seq()).isPresent() : a.receipt(e.seq()).isPresent();
                        testsAnswered += answered ? 1 : 0;
                    }
                    default -> {
                        // Receipts and acknowledgements are answers, counted with what they answer.
                    }
                }
            }
        }

        private void message(SignedEntry e, Precedence p, Answers a, Duration deadlineAfter, Instant asOf) {
            Instant time = e.entry().time();
            Instant deadline = time.plus(deadlineAfter);
            counts.computeIfAbsent(p, x -> new int[1])[0]++;
            a.receipt(e.seq()).ifPresent(r -> toReceipt.computeIfAbsent(p, x -> new ArrayList<>())
                    .add(Duration.between(time, r.entry().time())));
            Optional<SignedEntry> ack = a.firstAck(e.seq());
            boolean late;
            if (ack.isPresent()) {
                Instant acked = ack.get().entry().time();
                Duration took = Duration.between(time, acked);
                toAck.computeIfAbsent(p, x -> new ArrayList<>()).add(took);
                late = acked.isAfter(deadline);
                String officer = ((Body.Acknowledgement) ack.get().entry().body()).officer();
                officerTimes.computeIfAbsent(officer, x -> new ArrayList<>()).add(took);
                officerMissed.computeIfAbsent(officer, x -> new int[1])[0] += late ? 1 : 0;
            } else {
                late = asOf.isAfter(deadline);
            }
            missed.computeIfAbsent(p, x -> new int[1])[0] += late ? 1 : 0;
        }

        Flow flow(Precedence p) {
            return new Flow(counts.getOrDefault(p, new int[1])[0], Spread.of(toReceipt.getOrDefault(p, List.of())),
                    Spread.of(toAck.getOrDefault(p, List.of())), missed.getOrDefault(p, new int[1])[0]);
        }

        /** The officers of {@code answerer} (the station whose log holds the acknowledgements), by name. */
        List<OfficerRow> officers(StationId answerer) {
            List<OfficerRow> out = new ArrayList<>();
            officerTimes.forEach((name, times) -> out.add(new OfficerRow(answerer, name, times.size(), Spread.of(times),
                    officerMissed.get(name)[0])));
            return out;
        }

        Tests tests() {
            return new Tests(testsSent, testsAnswered);
        }
    }

    /** The answering log, indexed: which receipt entry first covered a seq, which ack entry first named it. */
    private static final class Answers {
        /** Receipt entries in log order with the highest seq covered so far, strictly rising. */
        private final TreeMap<Long, SignedEntry> receiptsByUpTo = new TreeMap<>();
        private final Map<Long, SignedEntry> firstAcks = new HashMap<>();

        Answers(List<SignedEntry> log) {
            long covered = 0;
            for (SignedEntry e : log) {
                switch (e.entry().body()) {
                    case Body.Receipt r -> {
                        if (r.upTo().seq() > covered) {
                            covered = r.upTo().seq();
                            receiptsByUpTo.put(covered, e);
                        }
                    }
                    case Body.Acknowledgement ack -> firstAcks.putIfAbsent(ack.message().seq(), e);
                    default -> {
                        // Messages and link tests of the answering side answer nothing.
                    }
                }
            }
        }

        /** The first receipt entry (in log order) covering {@code seq}. */
        Optional<SignedEntry> receipt(long seq) {
            return Optional.ofNullable(receiptsByUpTo.ceilingEntry(seq)).map(Map.Entry::getValue);
        }

        Optional<SignedEntry> firstAck(long seq) {
            return Optional.ofNullable(firstAcks.get(seq));
        }
    }
}
