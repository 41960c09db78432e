package org.macm.station.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.macm.core.log.Body;
import org.macm.core.log.EntryKind;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.identity.Identity;
import org.macm.station.traffic.ClockReading;
import org.macm.station.traffic.LinkTerms;
import org.macm.station.traffic.LinkTestStats;
import org.macm.station.traffic.MessageBoard;
import org.macm.station.traffic.MessageState;
import org.macm.station.traffic.MessageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's clockwork: sends the scheduled link tests, and escalates every message not
 * acknowledged within its precedence's deadline, on both stations (the sender sees that
 * its message went unanswered; the receiver that it has not answered). An escalation is
 * logged once and listed in the status until the message is acknowledged.
 */
final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final long TICK_SECONDS = 2;
    /** A link whose clocks are apart is logged at most this often: the status and console keep showing it. */
    private static final Duration CLOCK_WARN_EVERY = Duration.ofHours(1);

    private final Station station;
    private final MessageBoard board;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "macm-scheduler");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> escalated = ConcurrentHashMap.newKeySet();
    private volatile List<MessageView> overdue = List.of();
    private final Map<StationId, LinkTestStats> tests = new ConcurrentHashMap<>();
    private final Map<StationId, Instant> clockWarned = new ConcurrentHashMap<>();
    private ScheduledFuture<?> ticks;
    private volatile boolean closed;
    /** Hears each escalation once, as the WARN line below is written once (the station's metrics). */
    private final List<Consumer<MessageView>> escalationListeners = new CopyOnWriteArrayList<>();

    Scheduler(Station station, MessageBoard board) {
        this.station = station;
        this.board = board;
    }

    Scheduler start() {
        // tickQuietly catches everything, so the future never holds an exception worth reading.
        // Every TICK_SECONDS: deadlines are minutes long; a tick costs what changed since the last one.
        ticks = executor.scheduleWithFixedDelay(this::tickQuietly, 0, TICK_SECONDS, TimeUnit.SECONDS);
        return this;
    }

    List<MessageView> overdue() {
        return overdue;
    }

    /** Tells {@code listener} of every escalation from now on, once per message, on the scheduler's thread. */
    void onEscalation(Consumer<MessageView> listener) {
        escalationListeners.add(listener);
    }

    LinkTestStats testStats(StationId peer) {
        return tests.getOrDefault(peer, LinkTestStats.NONE);
    }

    private void tickQuietly() {
        if (closed) {
            return;
        }
        try {
            tick();
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.error("scheduler tick failed; retrying in a second", e);
            }
        }
    }

    void tick() {
        Instant now = station.clock().instant();
        List<MessageView> late = new ArrayList<>();
        for (Identity peerIdentity : station.peers().all()) {
            StationId peer = peerIdentity.station();
            // Receipts are written with the entries they cover; this catches one whose commit failed (disk full).
            station.writeOwedReceipt(peer);
            sendTestIfDue(peer, now);
            countTests(peer, board.tests(peer, now), now);
            warnClock(peer, board.terms(peer), now);
            for (MessageView v : board.overdue(peer, now)) {
                escalate(peer, v, late, v.from().equals(station.id()) ? "sent to " + peer + " and not acknowledged"
                        : "received from " + peer + " and not yet acknowledged here");
            }
        }
        overdue = List.copyOf(late);
    }

    private void escalate(StationId peer, MessageView v, List<MessageView> late, String what) {
        if (v.state() != MessageState.OVERDUE) {
            return;
        }
        late.add(v);
        if (!escalated.contains(v.id())) {
            escalationListeners.forEach(l -> l.accept(v));
        }
        if (escalated.add(v.id())) {
            String deadline = v.deadline().map(Object::toString).orElse("?");
            // reason: who owes the acknowledgement, in one word a filter can match.
            LOG.atWarn().addKeyValue("event", "escalation").addKeyValue("peer", peer).addKeyValue("seq", v.seq())
                    .addKeyValue("precedence", v.precedence()).addKeyValue("id", v.id())
                    .addKeyValue("reason", v.from().equals(station.id()) ? "not-acknowledged-by-peer" : "not-acknowledged-here")
                    .addKeyValue("deadline", deadline)
                    .log("ESCALATION: {} {} {} {} by its deadline {}", v.precedence(), v.kind() == EntryKind.TEST
                            ? "link test" : "message", v.id(), what, deadline);
        }
    }

    /** WARN once per link per hour while the latest entry either way is far from its time of receipt. */
    private void warnClock(StationId peer, LinkTerms terms, Instant now) {
        if (!terms.clocksApart()) {
            return;
        }
        Instant last = clockWarned.get(peer);
        if (last != null && now.isBefore(last.plus(CLOCK_WARN_EVERY)) && !now.isBefore(last)) {
            return;
        }
        clockWarned.put(peer, now);
        ClockReading r = (terms.theirEntries().apartNow() ? terms.theirEntries() : terms.ourEntries()).last().orElseThrow();
        LOG.atWarn().addKeyValue("event", "clock").addKeyValue("peer", peer)
                .log("CLOCK: on the link to {}, entry {} was written at {} but received at {} ({}): one of the two"
                        + " stations' clocks is wrong; check time sync on both (deadlines still run from the time of "
                        + "receipt)", peer, r.id(), r.written(), r.received(), r.offsetText());
    }

    private void sendTestIfDue(StationId peer, Instant now) {
        Duration interval = station.config().testInterval();
        Optional<Instant> last = board.lastTest(peer);
        if (last.isEmpty() || !now.isBefore(last.get().plus(interval))) {
            station.write(peer, new Body.LinkTest(now, station.config().testHumanAck()));
        }
    }

    private void countTests(StationId peer, List<MessageView> sentTests, Instant now) {
        int count = 0;
        int answered = 0;
        int missed = 0;
        Optional<Instant> last = Optional.empty();
        Duration grace = station.config().testInterval();
        for (MessageView v : sentTests) {
            count++;
            last = Optional.of(v.time());
            boolean humanAsked = v.deadline().isPresent();
            if (v.state() == MessageState.ACKNOWLEDGED || (!humanAsked && v.state() == MessageState.RECEIPTED)) {
                answered++;
            } else if (v.state() == MessageState.OVERDUE || (!humanAsked && now.isAfter(v.time().plus(grace)))) {
                missed++;
            }
        }
        tests.put(peer, new LinkTestStats(count, answered, missed, last));
    }

    @Override
    public void close() {
        closed = true;
        if (ticks != null) {
            ticks.cancel(false);
        }
        executor.shutdownNow();
        try {
            // The store closes next: let a tick that is reading it finish first.
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
