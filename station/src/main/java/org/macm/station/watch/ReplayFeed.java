package org.macm.station.watch;

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
import java.util.Locale;
import java.util.Optional;
import org.macm.encounter.ais.AisDecoder;
import org.macm.encounter.ais.AisReport;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.json.JsonTrack;
import org.macm.encounter.json.JsonTrackDecoder;
import org.macm.encounter.sbs.SbsDecoder;
import org.macm.encounter.sbs.SbsMessage;
import org.macm.encounter.track.AisTrackAdapter;
import org.macm.encounter.track.JsonTrackAdapter;
import org.macm.encounter.track.SbsTrackAdapter;
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
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (NoSuchFileException e) {
                throw new StationException("feed file " + file + " does not exist", e);
            } catch (IOException e) {
                throw new StationException("cannot read feed file " + file + ": " + e.getMessage(), e);
            }
            if (name.endsWith(".aivdm") || name.endsWith(".nmea") || name.endsWith(".ais")) {
                AisDecoder decoder = new AisDecoder();
                AisTrackAdapter adapter = new AisTrackAdapter();
                Instant last = Instant.EPOCH;
                for (String line : lines) {
                    if (decoder.accept(line) instanceof DecodeResult.Decoded<AisReport> d) {
                        last = d.value().receivedAt().orElse(last);
                        adapter.adapt(d.value(), last).ifPresent(events::add);
                    }
                }
                rejected += decoder.stats().snapshot().rejectedTotal();
            } else if (name.endsWith(".sbs")) {
                SbsDecoder decoder = new SbsDecoder();
                SbsTrackAdapter adapter = new SbsTrackAdapter(Duration.ofSeconds(10));
                for (String line : lines) {
                    if (decoder.accept(line) instanceof DecodeResult.Decoded<SbsMessage> d) {
                        Optional<Instant> at = d.value().generatedAt();
                        adapter.adapt(d.value(), at.orElse(Instant.EPOCH)).ifPresent(events::add);
                    }
                }
                rejected += decoder.stats().snapshot().rejectedTotal();
            } else if (name.endsWith(".jsonl") || name.endsWith(".json")) {
                JsonTrackDecoder decoder = new JsonTrackDecoder();
                JsonTrackAdapter adapter = new JsonTrackAdapter();
                for (String line : lines) {
                    if (decoder.accept(line) instanceof DecodeResult.Decoded<JsonTrack> d) {
                        events.add(adapter.adapt(d.value()));
                    }
                }
                rejected += decoder.stats().snapshot().rejectedTotal();
            } else {
                throw new StationException("feed file " + file + ": unknown format; name it .aivdm or .nmea (AIS), "
                        + ".sbs (SBS-1) or .jsonl (JSON tracks)");
            }
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
