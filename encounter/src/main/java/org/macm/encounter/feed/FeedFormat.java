package org.macm.encounter.feed;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.ais.AisDecoder;
import org.macm.encounter.ais.AisReport;
import org.macm.encounter.json.JsonTrackDecoder;
import org.macm.encounter.modes.ModeSDecoder;
import org.macm.encounter.modes.ModeSTrackAdapter;
import org.macm.encounter.sbs.SbsDecoder;
import org.macm.encounter.sbs.SbsMessage;
import org.macm.encounter.track.AisTrackAdapter;
import org.macm.encounter.track.JsonTrackAdapter;
import org.macm.encounter.track.SbsTrackAdapter;

/**
 * What a track feed carries, and the one place that knows which decoder and track adapter
 * read it: AIS NMEA sentences ({@link AisDecoder}, {@link AisTrackAdapter}), SBS-1 lines
 * ({@link SbsDecoder}, {@link SbsTrackAdapter}), JSON tracks ({@link JsonTrackDecoder},
 * {@link JsonTrackAdapter}) and raw Mode S ({@link ModeSDecoder}, {@link ModeSTrackAdapter}),
 * as AVR text or Beast binary, which a station reads as AVR lines. A station's config and a recorded file's name both resolve to a
 * constant here; {@link #reader()} then turns the feed's lines into track events. Adding a
 * format is a constant, its decoder and adapter, and a case in {@link #reader()}.
 */
public enum FeedFormat {
    /** AIS NMEA 0183 sentences ({@code !AIVDM}), with or without NMEA 4.0 tag blocks. */
    AIS,
    /** SBS-1 (BaseStation) lines of ADS-B messages. */
    SBS,
    /** A party's own tracks, one JSON object a line. */
    JSON,
    /** Raw Mode S / ADS-B as AVR text ({@code *8D…;}, {@code @…;}): readsb/dump1090 port 30002. */
    AVR,
    /**
     * Raw Mode S / ADS-B as Beast binary: readsb/dump1090 port 30005. The decoder reads AVR
     * lines; a station's feed frames the bytes and hands each frame on as its AVR line.
     */
    BEAST;

    /**
     * SBS-1 splits an aircraft's velocity and position over several messages; a velocity at
     * most this old is joined to a position (MSG 4 comes twice a second).
     */
    private static final Duration SBS_VELOCITY_MAX_AGE = Duration.ofSeconds(10);

    /** Mode S airborne velocity comes twice a second; a fix takes one at most this old. */
    private static final Duration MODES_VELOCITY_MAX_AGE = Duration.ofSeconds(10);

    /**
     * Whether a recording of this format can be replayed on its own recorded time. Raw Mode S
     * cannot: a frame carries only its receiver's 12 MHz counter, no date.
     */
    public boolean replayable() {
        return this != AVR && this != BEAST;
    }

    /** A fresh decoder and adapter for one feed of this format; one reader serves one feed. */
    public FeedReader reader() {
        return reader(Optional.empty());
    }

    /**
     * As {@link #reader()}, for a feed from a receiver standing at {@code receiver}: a Mode S
     * surface position needs a reference within 45 NM to be placed, and an aircraft on the
     * ground may not have been seen airborne first. Formats other than Mode S ignore it.
     */
    public FeedReader reader(Optional<GeoPoint> receiver) {
        return switch (this) {
            case AIS -> {
                AisTrackAdapter adapter = new AisTrackAdapter();
                yield new FeedReader(new FeedReader.Step<>(new AisDecoder(), AisReport::receivedAt, adapter::adapt));
            }
            case SBS -> {
                SbsTrackAdapter adapter = new SbsTrackAdapter(SBS_VELOCITY_MAX_AGE);
                yield new FeedReader(new FeedReader.Step<>(new SbsDecoder(), SbsMessage::generatedAt, adapter::adapt));
            }
            case JSON -> {
                JsonTrackAdapter adapter = new JsonTrackAdapter();
                yield new FeedReader(new FeedReader.Step<>(new JsonTrackDecoder(), t -> Optional.of(t.time()),
                        (t, unstamped) -> Optional.of(adapter.adapt(t))));
            }
            case AVR, BEAST -> {
                // A frame's 12 MHz receiver clock has no date: a Mode S message is taken at the
                // time the caller gives (a live feed's present).
                ModeSFeed feed = new ModeSFeed(new ModeSTrackAdapter(MODES_VELOCITY_MAX_AGE, receiver));
                yield new FeedReader(new FeedReader.Step<>(new ModeSDecoder(), m -> Optional.empty(), feed::adapt));
            }
        };
    }

    /**
     * The format of a recorded file by its name: {@code .aivdm}, {@code .nmea} or {@code .ais}
     * for AIS, {@code .sbs} for SBS-1, {@code .jsonl} or {@code .json} for JSON tracks,
     * {@code .avr} for AVR and {@code .beast} for Beast.
     */
    public static Optional<FeedFormat> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".aivdm") || name.endsWith(".nmea") || name.endsWith(".ais")) {
            return Optional.of(AIS);
        }
        if (name.endsWith(".sbs")) {
            return Optional.of(SBS);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return Optional.of(JSON);
        }
        if (name.endsWith(".avr")) {
            return Optional.of(AVR);
        }
        if (name.endsWith(".beast")) {
            return Optional.of(BEAST);
        }
        return Optional.empty();
    }
}
