package org.macm.station.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.macm.core.log.EntryCodec;
import org.macm.station.watch.AlertText;
import org.macm.station.watch.WatchService;

/** {@code GET /api/v1/alerts}: the encounter watch's alerts and its feeds' counters. */
public final class AlertsHandler {
    private final Optional<WatchService> watch;

    public AlertsHandler(Optional<WatchService> watch) {
        this.watch = watch;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "/api/v1/alerts", Role.OPERATOR, r -> alerts()));
    }

    ObjectNode alerts() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("watching", watch.isPresent());
        ArrayNode list = root.putArray("alerts");
        root.set("feeds", feeds());
        watch.ifPresent(w -> {
            for (WatchService.AlertRecord a : w.alerts()) {
                list.addObject().put("id", a.id()).put("state", a.last().lifecycle().name())
                        .put("time", EntryCodec.formatTime(a.last().alert().time()))
                        .put("text", AlertText.line(a.last())).put("draft", a.draft().isPresent())
                        .setAll(w.details(a));
            }
        });
        return root;
    }

    /**
     * The feeds' counters: lines read, decoded, and rejected per reason (the status shows them
     * too), with what a Beast feed's framing dropped.
     */
    ArrayNode feeds() {
        ArrayNode feeds = JsonNodeFactory.instance.arrayNode();
        watch.ifPresent(w -> {
            for (WatchService.FeedStats f : w.feeds()) {
                ObjectNode n = feeds.addObject().put("source", f.source()).put("lines", f.lines())
                        .put("decoded", f.decoding().decoded());
                ObjectNode rejected = n.putObject("rejected");
                f.decoding().rejected().forEach((reason, count) -> {
                    if (count > 0) {
                        rejected.put(reason.name(), count);
                    }
                });
                // A Beast feed's framing drops bytes before any line reaches the decoder.
                if (f.dropped().brokenFrames() > 0) {
                    rejected.put("BEAST_BROKEN_FRAMES", f.dropped().brokenFrames());
                }
                if (f.dropped().skippedBytes() > 0) {
                    rejected.put("BEAST_SKIPPED_BYTES", f.dropped().skippedBytes());
                }
            }
        });
        return feeds;
    }
}
