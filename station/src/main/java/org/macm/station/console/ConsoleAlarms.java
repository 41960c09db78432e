package org.macm.station.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alarms raised and not yet dismissed. One officer's dismissal clears an alarm for the
 * whole watch floor (the alarm asked for an officer's attention and got it); each raise and
 * dismissal is also an event on {@link ConsoleEvents}, so every open console updates its banner.
 */
public final class ConsoleAlarms {
    private final List<ConsoleAlarm> active = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;
    private final ConsoleEvents events;

    public ConsoleAlarms(Clock clock, ConsoleEvents events) {
        this.clock = clock;
        this.events = events;
    }

    /** Raises an alarm; every console shows it until someone dismisses it. */
    public ConsoleAlarm raise(ConsoleAlarm.Kind kind, String textKey, List<String> args, String href) {
        ConsoleAlarm a = new ConsoleAlarm(ids.incrementAndGet(), kind, textKey, args, href, clock.instant());
        synchronized (active) {
            active.add(a);
        }
        events.publish("alarm", Long.toString(a.id()));
        return a;
    }

    /** Dismisses the alarm with {@code id}; false when there is none (already dismissed). */
    public boolean dismiss(long id) {
        boolean removed;
        synchronized (active) {
            removed = active.removeIf(a -> a.id() == id);
        }
        if (removed) {
            events.publish("alarm", Long.toString(id));
        }
        return removed;
    }

    /** The alarms not yet dismissed, oldest first. */
    public List<ConsoleAlarm> active() {
        synchronized (active) {
            return List.copyOf(active);
        }
    }
}
