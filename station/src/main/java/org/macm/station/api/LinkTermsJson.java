package org.macm.station.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.macm.core.log.EntryCodec;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;
import org.macm.station.traffic.ClockCheck;
import org.macm.station.traffic.ClockReading;
import org.macm.station.traffic.LinkTerms;

/**
 * A link's deadlines and clock check ({@link LinkTerms}) in {@code GET /api/v1/status}, and
 * read back by {@code macm status}, which prints the same lines as the console's Link page.
 */
public final class LinkTermsJson {
    private LinkTermsJson() {
    }

    static ObjectNode write(LinkTerms t) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.set("ours", deadlines(t.self(), t.ours()));
        n.set("theirs", deadlines(t.peer(), t.theirs()));
        n.put("differ", t.differ());
        ObjectNode clock = n.putObject("clock");
        clock.put("toleranceSeconds", ClockReading.TOLERANCE.toSeconds());
        clock.put("apart", t.clocksApart());
        clock.set("ourEntries", clock(t.ourEntries()));
        clock.set("theirEntries", clock(t.theirEntries()));
        return n;
    }

    /** The terms as {@link #write} wrote them. */
    public static LinkTerms read(JsonNode n) {
        return new LinkTerms(new StationId(n.path("ours").path("station").asText()),
                new StationId(n.path("theirs").path("station").asText()), parameters(n.path("ours")),
                parameters(n.path("theirs")), check(n.path("clock").path("ourEntries")),
                check(n.path("clock").path("theirEntries")));
    }

    private static ObjectNode deadlines(StationId who, Optional<LinkParameters> p) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("station", who.value());
        n.put("announced", p.isPresent());
        LinkParameters in = p.orElse(LinkParameters.DEFAULTS);
        for (Precedence precedence : Precedence.values()) {
            n.put(precedence.name().toLowerCase(Locale.ROOT), in.deadline(precedence).toString());
        }
        return n;
    }

    private static Optional<LinkParameters> parameters(JsonNode n) {
        if (!n.path("announced").asBoolean()) {
            return Optional.empty();
        }
        Map<Precedence, Duration> d = new EnumMap<>(Precedence.class);
        for (Precedence p : Precedence.values()) {
            d.put(p, Duration.parse(n.path(p.name().toLowerCase(Locale.ROOT)).asText()));
        }
        return Optional.of(new LinkParameters(d));
    }

    private static ObjectNode clock(ClockCheck c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("checked", c.checked());
        n.put("flagged", c.flagged());
        c.last().ifPresent(r -> n.set("last", reading(r)));
        c.lastFlagged().ifPresent(r -> n.set("lastFlagged", reading(r)));
        return n;
    }

    private static ObjectNode reading(ClockReading r) {
        return JsonNodeFactory.instance.objectNode().put("id", r.id()).put("written", EntryCodec.formatTime(r.written()))
                .put("received", EntryCodec.formatTime(r.received())).put("offsetMillis", r.offset().toMillis());
    }

    private static ClockCheck check(JsonNode n) {
        return new ClockCheck(n.path("checked").asLong(), n.path("flagged").asLong(), reading(n.path("last")),
                reading(n.path("lastFlagged")));
    }

    private static Optional<ClockReading> reading(JsonNode n) {
        return n.isObject() ? Optional.of(new ClockReading(n.path("id").asText(), Instant.parse(n.path("written").asText()),
                Instant.parse(n.path("received").asText()))) : Optional.empty();
    }
}
