package org.macm.station.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.macm.encounter.feed.FeedFormat;
import org.macm.encounter.feed.FeedReader;
import org.macm.encounter.track.TrackEvent;
import org.macm.encounter.watch.EncounterWatch;
import org.macm.station.StationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recorded feeds played into an encounter watch on one clock, their recorded time: every
 * file is decoded in its own order, the files' reports are merged by time (a tie goes to the
 * file named first), and the watch is ticked on every recorded second the reports pass
 * ({@link SecondTicks}). The one way to replay: {@code macm watch}, {@code macm demo} and a
 * station's {@code [watch]} replays all play through it, so they raise the same alerts at any
 * speed; pacing only decides when a report is handed over, never which time it carries. Files
 * are read as they play (a day's recording is not held in memory). A report without its own
 * time is taken at the last time its file told (AIS) or at the epoch (it then goes first).
 */
public final class MergedReplay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MergedReplay.class);

    /** Where the replay's reports and ticks go; calls come from one thread, in order. */
    public interface Target {
        void accept(TrackEvent event);

        void tick(Instant now);

        /** Straight into {@code watch}, on the caller's thread (the CLI's replays). */
        static Target into(EncounterWatch watch) {
            return new Target() {
                @Override
                public void accept(TrackEvent event) {
                    watch.accept(event);
                }

                @Override
                public void tick(Instant now) {
                    watch.tick(now);
                }
            };
        }
    }

    /** One recorded file: its reader, and the lines read from it so far (any thread may ask). */
    public static final class Part {
        private final Path file;
        private final FeedFormat format;
        private final FeedReader reader;
        private final AtomicLong lines = new AtomicLong();

        Part(Path file, FeedFormat format) {
            this.file = Objects.requireNonNull(file, "file");
            this.format = Objects.requireNonNull(format, "format");
            this.reader = format.reader();
        }

        public FeedReader reader() {
            return reader;
        }

        public long lines() {
            return lines.get();
        }

        public Path file() {
            return file;
        }
    }

    /** A file being read, with its next report. */
    private static final class Cursor {
        final Part part;
        final int order;
        final InputStream in;
        final LineReader lines;
        TrackEvent next;

        Cursor(Part part, int order, InputStream in) {
            this.part = part;
            this.order = order;
            this.in = in;
            this.lines = new LineReader(in);
        }

        /** Reads on to the file's next report; false at its end. */
        boolean advance() throws IOException {
            for (String line; (line = lines.next()) != null; ) {
                part.lines.incrementAndGet();
                Instant unstamped = part.format == FeedFormat.AIS ? part.reader.lastStamp() : Instant.EPOCH;
                Optional<TrackEvent> e = part.reader.read(line, unstamped);
                if (e.isPresent()) {
                    next = e.get();
                    return true;
                }
            }
            next = null;
            return false;
        }
    }

    private final List<Part> parts;
    private final double speed;
    private final AtomicLong reports = new AtomicLong();
    private volatile boolean closed;
    private Thread thread;

    /**
     * @param speed 0 for as fast as possible; otherwise 1.0 is the recorded pace, 10.0 ten times faster
     */
    public MergedReplay(List<Path> files, List<FeedFormat> formats, double speed) {
        if (files.size() != formats.size()) {
            throw new IllegalArgumentException("one format per file");
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new StationException("replay speed must be 0 (as fast as possible) or positive, not " + speed);
        }
        List<Part> p = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (!formats.get(i).replayable()) {
                // A frame's receiver clock has no date, so its reports cannot be put on the replay's recorded clock.
                throw new StationException("feed file " + files.get(i) + ": raw Mode S frames carry no date to replay by; "
                        + "read it with 'macm adsb decode', or serve it to a station's tcp-server source");
            }
            p.add(new Part(files.get(i), formats.get(i)));
        }
        this.parts = List.copyOf(p);
        this.speed = speed;
    }

    /** Replays {@code files}, each in the format its name says (.aivdm/.nmea AIS, .sbs SBS-1, .jsonl JSON tracks). */
    public static MergedReplay ofFiles(List<Path> files, double speed) {
        List<FeedFormat> formats = files.stream().map(f -> FeedFormat.ofFileName(f.getFileName().toString())
                .orElseThrow(() -> new StationException("feed file " + f + ": unknown format; name it .aivdm or .nmea (AIS), "
                        + ".sbs (SBS-1) or .jsonl (JSON tracks)"))).toList();
        return new MergedReplay(files, formats, speed);
    }

    /** The files, in the order given. */
    public List<Part> parts() {
        return parts;
    }

    /** Reports handed to the target so far. */
    public long reports() {
        return reports.get();
    }

    /** Lines that did not decode, over all files so far. */
    public long rejected() {
        return parts.stream().mapToLong(p -> p.reader.stats().snapshot().rejectedTotal()).sum();
    }

    /** What is replayed, for status and logs. */
    public String describe(Part part) {
        return "replay " + part.file + (speed == 0 ? " (as fast as possible)" : " (x" + speed + ")");
    }

    /**
     * Plays every file into {@code target} on this thread and returns when all are played (or
     * the replay was closed). A file that cannot be opened stops the replay before anything is played.
     */
    public void play(Target target) throws InterruptedException {
        List<Cursor> open = new ArrayList<>();
        try {
            for (int i = 0; i < parts.size(); i++) {
                Path file = parts.get(i).file;
                try {
                    open.add(new Cursor(parts.get(i), i, Files.newInputStream(file)));
                } catch (NoSuchFileException e) {
                    throw new StationException("feed file " + file + " does not exist", e);
                } catch (IOException e) {
                    throw new StationException("cannot read feed file " + file + ": " + e.getMessage(), e);
                }
            }
            merge(open, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Cursor c : open) {
                try {
                    c.in.close();
                } catch (IOException e) {
                    LOG.debug("closing {}: {}", c.part.file, e.getMessage());
                }
            }
        }
    }

    private void merge(List<Cursor> open, Target target) throws IOException, InterruptedException {
        PriorityQueue<Cursor> heads = new PriorityQueue<>(
                Comparator.comparing((Cursor c) -> c.next.time()).thenComparingInt(c -> c.order));
        for (Cursor c : open) {
            if (c.advance()) {
                heads.add(c);
            }
        }
        if (heads.isEmpty()) {
            return;
        }
        Instant first = heads.peek().next.time();
        SecondTicks ticks = new SecondTicks(first);
        long startNanos = System.nanoTime();
        while (!closed && !heads.isEmpty()) {
            Cursor c = heads.poll();
            TrackEvent e = c.next;
            ticks.upTo(e.time(), target::tick);
            if (speed > 0) {
                long due = startNanos + (long) (Duration.between(first, e.time()).toNanos() / speed);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            target.accept(e);
            reports.incrementAndGet();
            if (c.advance()) {
                heads.add(c);
            }
        }
        if (!closed) {
            ticks.upTo(ticks.next(), target::tick);
        }
    }

    /** Plays on a thread of its own; {@link #await} waits for the end. */
    public synchronized MergedReplay start(Target target) {
        thread = Thread.ofPlatform().daemon().name("macm-replay").start(() -> {
            try {
                play(target);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("replay stopped: {}", e.getMessage());
            }
        });
        return this;
    }

    /** Waits until every file has been played (or the replay was closed). */
    public void await() throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join();
        }
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
