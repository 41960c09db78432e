package org.macm.station.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.macm.station.StationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a recorded feed: as fast as possible, or at the recorded pace times a factor,
 * reading each line's time with a format-specific function (a tag block's {@code c:}, an
 * SBS time, a JSON track's {@code time}). Lines without a time go out at once.
 */
public final class FileReplay implements LineSource {
    private static final Logger LOG = LoggerFactory.getLogger(FileReplay.class);

    private final Path file;
    private final Framing framing;
    private final FramingCounts dropped = new FramingCounts();
    private final double speed;
    private final Function<String, Optional<Instant>> timeOf;
    private final AtomicLong lines = new AtomicLong();
    private volatile boolean closed;
    private Thread thread;

    /**
     * @param speed  0 for as fast as possible; otherwise 1.0 is the recorded pace, 10.0 ten times faster
     * @param timeOf the recorded time of a line, if it has one
     */
    public FileReplay(Path file, double speed, Function<String, Optional<Instant>> timeOf) {
        this(file, Framing.TEXT, speed, timeOf);
    }

    /**
     * @param framing how the file's bytes become lines (text, or Beast frames)
     * @param speed   0 for as fast as possible; otherwise 1.0 is the recorded pace, 10.0 ten times faster
     * @param timeOf  the recorded time of a line, if it has one
     */
    public FileReplay(Path file, Framing framing, double speed, Function<String, Optional<Instant>> timeOf) {
        this.file = Objects.requireNonNull(file, "file");
        this.framing = Objects.requireNonNull(framing, "framing");
        if (speed < 0) {
            throw new StationException("replay speed must be 0 (as fast as possible) or positive, not " + speed);
        }
        this.speed = speed;
        this.timeOf = Objects.requireNonNull(timeOf, "timeOf");
    }

    @Override
    public synchronized FileReplay start(LineSink sink) {
        thread = Thread.ofPlatform().daemon().name("macm-replay-" + file.getFileName()).start(() -> run(sink));
        return this;
    }

    /** Waits until the whole file has been delivered (or the replay was closed). */
    public void await() throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join();
        }
    }

    private void run(LineSink sink) {
        long startNanos = System.nanoTime();
        Instant first = null;
        try (InputStream in = Files.newInputStream(file)) {
            LineStream reader = framing.open(in, dropped);
            for (String line; !closed && (line = reader.next()) != null; ) {
                if (speed > 0) {
                    Optional<Instant> t = timeOf.apply(line);
                    if (t.isPresent()) {
                        if (first == null) {
                            first = t.get();
                        }
                        long dueNanos = startNanos + (long) ((t.get().toEpochMilli() - first.toEpochMilli()) * 1e6 / speed);
                        long wait = dueNanos - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                }
                sink.line(line);
                lines.incrementAndGet();
            }
        } catch (IOException e) {
            LOG.warn("replay of {} stopped: {}", file, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public FramingCounts.Snapshot dropped() {
        return dropped.snapshot();
    }

    @Override
    public String describe() {
        return "replay " + file + (speed == 0 ? " (as fast as possible)" : " (x" + speed + ")");
    }

    @Override
    public long lines() {
        return lines.get();
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
    }
}
