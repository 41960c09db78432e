package org.macm.station.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.macm.core.log.EntryCodec;
import org.macm.station.traffic.Readiness.Direction;
import org.macm.station.traffic.Readiness.Flow;
import org.macm.station.traffic.Readiness.Gap;
import org.macm.station.traffic.Readiness.LogSummary;
import org.macm.station.traffic.Readiness.OfficerRow;
import org.macm.station.traffic.Readiness.Report;
import org.macm.station.traffic.Readiness.Tests;

/**
 * A readiness report as canonical JSON (docs/PROTOCOL.md §16): keys in a fixed order, no white
 * space, times as entries write them, durations in whole milliseconds, only {@code "}, {@code \}
 * and control characters escaped. Written by hand rather than by a JSON library so that every
 * byte is the one the document specifies, and two stations (or a third party's program) that
 * compute the same report write the same bytes.
 */
public final class ReadinessJson {
    /** Names the format, so a reader knows which definitions the figures follow. */
    public static final String FORMAT = "macm-readiness-1";

    /** The control characters with a short escape, in the order of their letters "btnfr". */
    private static final String SHORT = "\b\t\n\f\r";

    private final StringBuilder out = new StringBuilder(4096);

    private ReadinessJson() {
    }

    /** The report's canonical JSON, without a trailing line feed. */
    public static String of(Report r) {
        ReadinessJson j = new ReadinessJson();
        j.report(r);
        return j.out.toString();
    }

    private void report(Report r) {
        out.append("{\"format\":");
        string(FORMAT);
        out.append(",\"link\":");
        string(r.link().toString());
        out.append(",\"logs\":[");
        for (int i = 0; i < r.logs().size(); i++) {
            LogSummary l = r.logs().get(i);
            out.append(i == 0 ? "" : ",").append("{\"author\":");
            string(l.author().value());
            out.append(",\"head\":{\"seq\":").append(l.head().seq()).append(",\"hash\":");
            string(l.head().hash().hex());
            out.append("},\"lastTime\":");
            time(l.lastTime());
            out.append('}');
        }
        out.append("],\"period\":");
        if (r.period().isEmpty()) {
            out.append("null");
        } else {
            out.append("{\"from\":");
            time(Optional.of(r.period().get().from()));
            out.append(",\"to\":");
            time(Optional.of(r.period().get().to()));
            out.append('}');
        }
        out.append(",\"asOf\":");
        time(r.asOf());
        out.append(",\"directions\":[");
        for (int i = 0; i < r.directions().size(); i++) {
            out.append(i == 0 ? "" : ",");
            direction(r.directions().get(i));
        }
        out.append("]}");
    }

    private void direction(Direction d) {
        out.append("{\"from\":");
        string(d.from().value());
        out.append(",\"to\":");
        string(d.to().value());
        out.append(",\"precedences\":[");
        for (int i = 0; i < d.precedences().size(); i++) {
            Flow f = d.precedences().get(i);
            out.append(i == 0 ? "" : ",").append("{\"precedence\":");
            string(f.precedence().name());
            out.append(",\"messages\":").append(f.messages()).append(",\"toReceipt\":");
            spread(f.toReceipt());
            out.append(",\"toAck\":");
            spread(f.toAck());
            out.append(",\"missed\":").append(f.missed()).append('}');
        }
        Tests t = d.tests();
        out.append("],\"tests\":{\"sent\":").append(t.sent()).append(",\"answered\":").append(t.answered())
                .append(",\"missed\":").append(t.missed()).append(",\"longestUntested\":");
        if (t.longestUntested().isEmpty()) {
            out.append("null");
        } else {
            Gap g = t.longestUntested().get();
            out.append("{\"from\":");
            time(Optional.of(g.from()));
            out.append(",\"to\":");
            time(Optional.of(g.to()));
            out.append(",\"ms\":").append(g.length().toMillis()).append('}');
        }
        out.append("},\"officers\":[");
        for (int i = 0; i < d.officers().size(); i++) {
            OfficerRow o = d.officers().get(i);
            out.append(i == 0 ? "" : ",").append("{\"officer\":");
            string(o.officer());
            out.append(",\"acks\":").append(o.acks()).append(",\"toAck\":");
            spread(o.toAck());
            out.append(",\"missed\":").append(o.missed()).append('}');
        }
        out.append("]}");
    }

    private void spread(Spread s) {
        out.append("{\"count\":").append(s.count()).append(",\"median\":");
        millis(s.median());
        out.append(",\"p95\":");
        millis(s.p95());
        out.append(",\"max\":");
        millis(s.max());
        out.append('}');
    }

    private void millis(Optional<Duration> d) {
        out.append(d.map(x -> Long.toString(x.toMillis())).orElse("null"));
    }

    private void time(Optional<Instant> t) {
        if (t.isEmpty()) {
            out.append("null");
        } else {
            string(EntryCodec.formatTime(t.get()));
        }
    }

    /**
     * A JSON string as RFC 8785 (JCS) writes one: {@code "} and {@code \} escaped with a
     * backslash; backspace, tab, line feed, form feed and carriage return as {@code \b \t \n
     * \f \r}; other characters below U+0020 as {@code \}u00xx (lowercase hex); the rest as they are.
     */
    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 && SHORT.indexOf(c) >= 0) {
                out.append('\\').append("btnfr".charAt(SHORT.indexOf(c)));
            } else if (c < 0x20) {
                out.append("\\u").append(String.format(Locale.ROOT, "%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
