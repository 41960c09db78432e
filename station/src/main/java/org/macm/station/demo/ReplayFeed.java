package org.macm.station.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.macm.encounter.feed.FeedFormat;
import org.macm.encounter.feed.FeedReader;
import org.macm.encounter.track.TrackEvent;
import org.macm.encounter.watch.EncounterWatch;
import org.macm.station.StationException;

/**
 * Replays recorded feeds into an encounter watch on their recorded time: every file is
 * decoded (AIS {@code .aivdm}/{@code .nmea}, SBS-1 {@code .sbs}, JSON tracks {@code .jsonl}),
 * the reports of all files are merged in time order, and the watch's clock advances with
 * them, ticking once per recorded second. As fast as possible (speed 0) or paced.
 */
public final class ReplayFeed {
    private final List<TrackEvent> events;
    private final long rejected;

    private ReplayFeed(List<TrackEvent> events, long rejected) {
        this.events = events;
        this.rejected = rejected;
    }

    /** Decodes {@code files}; a line that does not decode is counted, never fatal. */
    public static ReplayFeed load(List<Path> files) {
        List<TrackEvent> events = new ArrayList<>();
        long rejected = 0;
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (NoSuchFileException e) {
                throw new StationException("feed file " + file + " does not exist", e);
            } catch (IOException e) {
                throw new StationException("cannot read feed file " + file + ": " + e.getMessage(), e);
            }
            FeedFormat format = FeedFormat.ofFileName(file.getFileName().toString()).orElseThrow(() -> new StationException(
                    "feed file " + file + ": unknown format; name it .aivdm or .nmea (AIS), .sbs (SBS-1) or .jsonl (JSON tracks)"));
            if (format == FeedFormat.AVR || format == FeedFormat.BEAST) {
                // A frame's receiver clock has no date, so the reports cannot be merged with other files by time.
                throw new StationException("feed file " + file + ": raw Mode S frames carry no date to replay by; "
                        + "read it with 'macm adsb decode', or replay it live in a station's [[watch.sources]]");
            }
            FeedReader reader = format.reader();
            for (String line : lines) {
                // A recorded AIS report without a tag block is taken at the time of the one before it;
                // an SBS-1 message without its own time at the epoch.
                Instant unstamped = format == FeedFormat.AIS ? reader.lastStamp() : Instant.EPOCH;
                reader.read(line, unstamped).ifPresent(events::add);
            }
            rejected += reader.stats().snapshot().rejectedTotal();
        }
        events.sort(Comparator.comparing(TrackEvent::time));
        return new ReplayFeed(List.copyOf(events), rejected);
    }

    public int size() {
        return events.size();
    }

    /** Lines that did not decode, over all files. */
    public long rejected() {
        return rejected;
    }

    /**
     * Plays every report into {@code watch} in time order; {@code speed} 0 is as fast as
     * possible, 1.0 the recorded pace.
     */
    public void play(EncounterWatch watch, double speed) throws InterruptedException {
        if (events.isEmpty()) {
            return;
        }
        Instant first = events.get(0).time();
        Instant nextTick = first.plusSeconds(1);
        long startNanos = System.nanoTime();
        for (TrackEvent e : events) {
            while (!e.time().isBefore(nextTick)) {
                watch.tick(nextTick);
                nextTick = nextTick.plusSeconds(1);
            }
            if (speed > 0) {
                long due = startNanos + (long) (Duration.between(first, e.time()).toNanos() / speed);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            watch.accept(e);
        }
        watch.tick(nextTick);
    }
}
