package org.macm.station.console;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.macm.core.log.Body;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.link.LinkState;
import org.macm.link.LinkStatus;
import org.macm.station.intake.IntakeFindings;
import org.macm.station.traffic.ClockReading;
import org.macm.station.traffic.LinkTerms;
import org.macm.station.traffic.MessageView;
import org.macm.store.IntakeFinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what happens at the station into the console's events and alarms: every entry
 * written or received is a {@code traffic} event (an arriving FLASH also raises an alarm); a
 * link changing state is a {@code link} event (going DOWN raises an alarm); a message going
 * overdue raises an escalation alarm; a link whose clocks are found apart raises a clock alarm. Entries arrive through the station's listeners; link
 * states and escalations are read every {@link #POLL_MS} ms, well inside the one second in
 * which a console must show a change.
 */
public final class LiveFeed implements AutoCloseable {
    static final long POLL_MS = 250;
    static final long WATCH_POLL_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final ConsoleEvents events;
    private final ConsoleAlarms alarms;
    private final Supplier<List<LinkStatus>> links;
    private final Supplier<List<MessageView>> overdue;
    private final Function<StationId, LinkTerms> terms;
    /** Per link, the flagged entry last alarmed about: a new one raises the alarm again. */
    private final Map<StationId, ClockReading> clockAlarmed = new HashMap<>();
    private final Map<StationId, LinkState> lastState = new HashMap<>();
    private final Set<String> escalated = new HashSet<>();
    /** Peer and rule of the intake findings already alarmed. */
    private final Set<String> alarmed = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> ticks;
    private ScheduledFuture<?> watchTicks;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "macm-console-feed");
        t.setDaemon(true);
        return t;
    });

    public LiveFeed(ConsoleEvents events, ConsoleAlarms alarms, Supplier<List<LinkStatus>> links,
            Supplier<List<MessageView>> overdue, Function<StationId, LinkTerms> terms) {
        this.terms = terms;
        this.events = events;
        this.alarms = alarms;
        this.links = links;
        this.overdue = overdue;
    }

    public LiveFeed start() {
        for (LinkStatus s : links.get()) {
            lastState.put(s.peer(), s.state());
        }
        // pollQuietly catches everything, so the future never holds an exception worth reading.
        ticks = poller.scheduleWithFixedDelay(this::pollQuietly, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** An entry this station wrote (for {@code peer}'s link). */
    public void written(StationId peer, SignedEntry e) {
        events.publish("traffic", e.log().author().value() + "/" + e.seq());
    }

    /** Entries {@code peer} sent that this station took in. */
    public void received(StationId peer, List<SignedEntry> entries) {
        for (SignedEntry e : entries) {
            String id = e.log().author().value() + "/" + e.seq();
            if (e.entry().body() instanceof Body.Message m && m.precedence() == Precedence.FLASH) {
                alarms.raise(ConsoleAlarm.Kind.FLASH, "common.alarm.flash", List.of(peer.value()), "/messages/" + id);
            }
        }
        if (!entries.isEmpty()) {
            SignedEntry last = entries.get(entries.size() - 1);
            events.publish("traffic", last.log().author().value() + "/" + last.seq());
        }
    }

    /**
     * A peer entry intake found wrong (docs/PROTOCOL.md §10 step 3): an alarm, once per peer and
     * rule while the station runs, so that a peer whose every entry is wrong raises one alarm,
     * not one per entry; the Link page keeps the count and the latest.
     */
    public void found(IntakeFinding f) {
        String peer = f.log().author().value();
        if (!alarmed.add(peer + " " + f.rule())) {
            return;
        }
        if (f.rule().equals(IntakeFindings.EQUIVOCATION)) {
            alarms.raise(ConsoleAlarm.Kind.EQUIVOCATION, "common.alarm.equivocation", List.of(peer, Long.toString(f.seq())),
                    "/link");
        } else if (f.isUnreadable()) {
            alarms.raise(ConsoleAlarm.Kind.EVIDENCE, "common.alarm.held", List.of(peer, Long.toString(f.seq() - 1),
                    f.message()), "/link");
        } else {
            alarms.raise(ConsoleAlarm.Kind.EVIDENCE, "common.alarm.void", List.of(peer, Long.toString(f.seq()),
                    f.message()), "/link");
        }
        events.publish("link", peer + " " + f.rule());
    }

    /**
     * Publishes a {@code watch} event when the encounter watch's picture has changed, checked
     * once a second at most (a replay changes it thousands of times a second; the map re-reads
     * the whole picture on each event, so more would only load the station).
     */
    public LiveFeed watching(LongSupplier changes) {
        long[] seen = {changes.getAsLong()};
        watchTicks = poller.scheduleWithFixedDelay(() -> {
            long now = changes.getAsLong();
            if (now != seen[0]) {
                seen[0] = now;
                events.publish("watch", Long.toString(now));
            }
        }, WATCH_POLL_MS, WATCH_POLL_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("console live feed: {}", e.toString());
        }
    }

    void poll() {
        for (LinkStatus s : links.get()) {
            LinkState before = lastState.put(s.peer(), s.state());
            if (before != null && before != s.state()) {
                events.publish("link", s.peer().value() + " " + s.state());
                if (s.state() == LinkState.DOWN) {
                    alarms.raise(ConsoleAlarm.Kind.LINK_DOWN, "common.alarm.linkDown", List.of(s.peer().value()), "/link");
                }
            }
        }
        for (LinkStatus s : links.get()) {
            clockAlarm(s.peer(), terms.apply(s.peer()));
        }
        for (MessageView v : overdue.get()) {
            if (escalated.add(v.id())) {
                alarms.raise(ConsoleAlarm.Kind.ESCALATION, "common.alarm.escalation",
                        List.of(v.precedence() + " " + v.id()), "/messages/" + v.id());
                events.publish("traffic", v.id());
            }
        }
    }

    /** Raises the clock alarm when a link's clocks are found apart, once per flagged reading that is new. */
    private void clockAlarm(StationId peer, LinkTerms t) {
        if (!t.clocksApart()) {
            clockAlarmed.remove(peer);
            return;
        }
        ClockReading r = (t.theirEntries().apartNow() ? t.theirEntries() : t.ourEntries()).last().orElseThrow();
        if (!clockAlarmed.containsKey(peer)) {
            clockAlarmed.put(peer, r);
            alarms.raise(ConsoleAlarm.Kind.CLOCK, "common.alarm.clock", List.of(peer.value(), r.id(), r.offsetText()),
                    "/link");
        }
    }

    @Override
    public void close() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        if (watchTicks != null) {
            watchTicks.cancel(false);
        }
        poller.shutdownNow();
    }
}
