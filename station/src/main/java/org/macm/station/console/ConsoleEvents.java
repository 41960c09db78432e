package org.macm.station.console;

import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    private final Deque<Frame> kept = new ArrayDeque<>();
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
        synchronized (kept) {
            Frame f = Frame.of(new Event(++lastId, name, data));
            kept.addLast(f);
            if (kept.size() > KEPT) {
                kept.removeFirst();
            }
            // Offered under the lock so that every subscriber sees events in id order.
            for (Subscriber s : subscribers) {
                s.offer(f);
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
        List<Frame> missed = new ArrayList<>();
        boolean tooOld;
        synchronized (kept) {
            tooOld = lastSeen > 0 && (kept.isEmpty() ? lastSeen < lastId : kept.peekFirst().event().id() > lastSeen + 1);
            if (lastSeen > lastId) {
                tooOld = true; // the station restarted: ids began again
            }
            for (Frame f : kept) {
                if (lastSeen > 0 && f.event().id() > lastSeen && !tooOld) {
                    missed.add(f);
                }
            }
            subscribers.add(s);
        }
        client.onClose(s::stop);
        try {
            if (tooOld) {
                s.write(Frame.of(new Event(lastId(), "reset", "missed too much: reload")));
            }
            for (Frame f : missed) {
                s.write(f);
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
        private final BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(QUEUE);
        private volatile boolean stopped;

        Subscriber(SseClient client) {
            this.client = client;
        }

        void offer(Frame f) {
            if (!queue.offer(f)) {
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
                    Frame f = queue.poll(15, TimeUnit.SECONDS);
                    if (f == null) {
                        client.sendComment("keep-alive");
                    } else {
                        write(f);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                client.close();
            }
        }

        /**
         * Writes the frame's bytes as they are: {@code SseClient.sendEvent} would encode the
         * event again for every console and allocate about 30 KB of reader buffers each time.
         */
        void write(Frame f) {
            try {
                client.ctx().res().getOutputStream().write(f.bytes());
                client.ctx().res().flushBuffer();
            } catch (IOException e) {
                stop(); // the console went away; it reconnects and catches up
                return;
            }
            for (WriteListener l : listeners) {
                l.written(f.event());
            }
        }
    }

    /**
     * An event as sent on the stream ({@code id:}, {@code event:}, one {@code data:} line per
     * line, as {@code SseClient.sendEvent} writes it), encoded once for every console.
     */
    private static final class Frame {
        private final Event event;
        private final byte[] bytes;

        private Frame(Event event, byte[] bytes) {
            this.event = event;
            this.bytes = bytes;
        }

        static Frame of(Event e) {
            StringBuilder text = new StringBuilder(64).append("id: ").append(e.id()).append("\nevent: ")
                    .append(e.name().replace("\r", "").replace("\n", "")).append('\n');
            e.data().lines().forEach(line -> text.append("data: ").append(line).append('\n'));
            return new Frame(e, text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }

        Event event() {
            return event;
        }

        /** Shared by every console's writer, which only reads it. */
        byte[] bytes() {
            return bytes;
        }
    }
}
