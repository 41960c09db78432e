package org.macm.station.console;

import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's live feed: every change an open page must show (a message, a receipt, an
 * acknowledgement, an alarm, a link state) is published here as a named event with a rising
 * id and sent to every connected console by server-sent events. Publishing never blocks the
 * caller (the store's writer thread calls it): each console has its own bounded queue and a
 * virtual thread that writes it; a console too slow to keep up is disconnected and, like one
 * whose network dropped, reconnects with {@code Last-Event-ID} and gets what it missed from
 * the last {@link #KEPT} events (or a {@code reset} event telling it to reload everything).
 */
public final class ConsoleEvents implements AutoCloseable {
    static final int KEPT = 4096;
    private static final int QUEUE = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEvents.class);

    /** One event: its id (rising, from 1), name ({@code traffic}, {@code alarm}, {@code link}…) and data. */
    public record Event(long id, String name, String data) {
    }

    /** Told of each event as it is written to a console's stream (the bench measures with it). */
    @FunctionalInterface
    public interface WriteListener {
        void written(Event event);
    }

    private final Deque<Event> kept = new ArrayDeque<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<WriteListener> listeners = new CopyOnWriteArrayList<>();
    private long lastId;

    /**
     * Calls {@code listener} each time an event has been written to a console's stream, on the
     * thread that wrote it (so it must be quick). The bench times the events with it.
     */
    public void onWritten(WriteListener listener) {
        listeners.add(listener);
    }

    /** Sends {@code name} with {@code data} to every connected console; returns at once. */
    public void publish(String name, String data) {
        Event e;
        synchronized (kept) {
            e = new Event(++lastId, name, data);
            kept.addLast(e);
            if (kept.size() > KEPT) {
                kept.removeFirst();
            }
            // Offered under the lock so that every subscriber sees events in id order.
            for (Subscriber s : subscribers) {
                s.offer(e);
            }
        }
    }

    /** The id of the newest event (0 before the first): a page rendered now has seen everything up to it. */
    public long lastId() {
        synchronized (kept) {
            return lastId;
        }
    }

    /**
     * Serves one console's stream until it disconnects: first what it missed since
     * {@code lastSeen} (from its Last-Event-ID header), then every new event. Blocks the calling
     * (virtual) thread, as Javalin's SSE handler expects.
     */
    public void serve(SseClient client, long lastSeen) {
        Subscriber s = new Subscriber(client);
        List<Event> missed = new ArrayList<>();
        boolean tooOld;
        synchronized (kept) {
            tooOld = lastSeen > 0 && (kept.isEmpty() ? lastSeen < lastId : kept.peekFirst().id() > lastSeen + 1);
            if (lastSeen > lastId) {
                tooOld = true; // the station restarted: ids began again
            }
            for (Event e : kept) {
                if (lastSeen > 0 && e.id() > lastSeen && !tooOld) {
                    missed.add(e);
                }
            }
            subscribers.add(s);
        }
        client.onClose(s::stop);
        try {
            if (tooOld) {
                s.write(new Event(lastId(), "reset", "missed too much: reload"));
            }
            for (Event e : missed) {
                s.write(e);
            }
            s.run();
        } finally {
            subscribers.remove(s);
        }
    }

    public int connected() {
        return subscribers.size();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            subscribers.forEach(Subscriber::stop);
        }
    }

    /** One connected console: its queue, drained by the thread that serves it. */
    private final class Subscriber {
        private final SseClient client;
        private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
        private volatile boolean stopped;

        Subscriber(SseClient client) {
            this.client = client;
        }

        void offer(Event e) {
            if (!queue.offer(e)) {
                LOG.info("console event stream too slow ({} events waiting); disconnecting it, it will catch up", QUEUE);
                stop();
            }
        }

        void stop() {
            stopped = true;
        }

        void run() {
            client.keepAlive();
            try {
                while (!stopped && !closed.get() && !client.terminated()) {
                    Event e = queue.poll(15, TimeUnit.SECONDS);
                    if (e == null) {
                        client.sendComment("keep-alive");
                    } else {
                        write(e);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                client.close();
            }
        }

        void write(Event e) {
            client.sendEvent(e.name(), e.data(), Long.toString(e.id()));
            for (WriteListener l : listeners) {
                l.written(e);
            }
        }
    }
}
