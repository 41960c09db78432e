package org.macm.station.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.macm.encounter.alert.Alert;
import org.macm.encounter.alert.EncounterAlert;
import org.macm.encounter.alert.SafetyAlert;
import org.macm.encounter.alert.ZoneAlert;
import org.macm.encounter.decode.RejectReason;
import org.macm.station.feed.FramingCounts;
import org.macm.station.watch.WatchService;

/**
 * The encounter watch's meters: how often the picture changed, alerts raised by kind, and
 * what each feed's decoder rejected by reason; a Beast feed's framing adds
 * {@code beast_broken_frames} and {@code beast_skipped_bytes}, as {@code macm alerts} lists them.
 * Feeds are labelled by their description from {@code [watch]}, a
 * bounded set; alert kinds are {@code encounter}, {@code zone} and {@code safety}.
 */
final class WatchMeters {

    private WatchMeters() {
    }

    static void bind(MeterRegistry registry, WatchService watch) {
        FunctionCounter.builder("macm.watch.updates", watch, WatchService::changes)
                .description("Changes to the encounter watch's picture (a track moved, an alert, a track dropped)")
                .register(registry);
        for (String kind : new String[] {"encounter", "zone", "safety"}) {
            FunctionCounter.builder("macm.alerts", watch,
                    w -> w.alerts().stream().filter(a -> kind(a.last().alert()).equals(kind)).count())
                    .tag("kind", kind).description("Alerts the encounter watch raised, by kind").register(registry);
        }
        for (WatchService.FeedStats feed : watch.feeds()) {
            String source = feed.source();
            for (RejectReason reason : RejectReason.values()) {
                FunctionCounter.builder("macm.feed.rejects", watch, w -> rejections(w, source, reason))
                        .tags("feed", source, "reason", StationMetrics.label(reason))
                        .description("Feed lines or frames rejected, by feed and reason").register(registry);
            }
            FunctionCounter.builder("macm.feed.rejects", watch, w -> dropped(w, source).brokenFrames())
                    .tags("feed", source, "reason", "beast_broken_frames")
                    .description("Feed lines or frames rejected, by feed and reason").register(registry);
            FunctionCounter.builder("macm.feed.rejects", watch, w -> dropped(w, source).skippedBytes())
                    .tags("feed", source, "reason", "beast_skipped_bytes")
                    .description("Feed lines or frames rejected, by feed and reason").register(registry);
        }
    }

    private static String kind(Alert alert) {
        return switch (alert) {
            case EncounterAlert e -> "encounter";
            case ZoneAlert z -> "zone";
            case SafetyAlert s -> "safety";
        };
    }

    private static double rejections(WatchService watch, String source, RejectReason reason) {
        return watch.feeds().stream().filter(f -> f.source().equals(source))
                .mapToLong(f -> f.decoding().rejected().getOrDefault(reason, 0L)).sum();
    }

    private static FramingCounts.Snapshot dropped(WatchService watch, String source) {
        return watch.feeds().stream().filter(f -> f.source().equals(source)).map(WatchService.FeedStats::dropped)
                .findFirst().orElse(FramingCounts.Snapshot.NONE);
    }
}
