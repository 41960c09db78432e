package org.macm.station.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.macm.core.log.EntryCodec;
import org.macm.station.traffic.Readiness;
import org.macm.station.traffic.Spread;

/**
 * A readiness report for a person: one block per direction, a row per precedence, durations
 * rounded down as the console shows them. The exact figures (whole milliseconds) are in
 * {@code macm report --json}.
 */
final class ReadinessText {
    private ReadinessText() {
    }

    static void print(Readiness.Report r, PrintWriter out) {
        out.println("Readiness of link " + r.link());
        for (Readiness.LogSummary l : r.logs()) {
            out.println("  log      " + l.author() + ": seq 1-" + l.head().seq() + ", head " + l.head().hash().shortHex()
                    + l.lastTime().map(t -> ", last entry " + EntryCodec.formatTime(t)).orElse(""));
        }
        out.println("  period   " + r.period().map(p -> EntryCodec.formatTime(p.from()) + " to "
                + EntryCodec.formatTime(p.to()) + " (excluded), by entry time").orElse("every entry"));
        out.println("  as of    " + r.asOf().map(EntryCodec::formatTime).orElse("-")
                + " (the later of the two logs' last entries)");
        for (Readiness.Direction d : r.directions()) {
            out.println();
            out.println(d.from() + " -> " + d.to());
            out.println(String.format(Locale.ROOT, "  %-10s %8s  %-38s %-38s %6s", "PRECEDENCE", "MESSAGES",
                    "TO RECEIPT median / p95 / max", "TO ACK median / p95 / max", "MISSED"));
            for (Readiness.Flow f : d.precedences()) {
                out.println(String.format(Locale.ROOT, "  %-10s %8d  %-38s %-38s %6d", f.precedence(), f.messages(),
                        spread(f.toReceipt()), spread(f.toAck()), f.missed()));
            }
            Readiness.Tests t = d.tests();
            out.println("  link tests: " + t.sent() + " sent, " + t.answered() + " answered, " + t.missed()
                    + " missed their deadline; longest untested " + t.longestUntested()
                            .map(g -> duration(g.length()) + " (" + EntryCodec.formatTime(g.from()) + " to "
                                    + EntryCodec.formatTime(g.to()) + ")")
                            .orElse("-"));
            if (d.officers().isEmpty()) {
                out.println("  officers (" + d.to() + "): no message acknowledged");
            }
            for (Readiness.OfficerRow o : d.officers()) {
                out.println("  officer " + o.officer() + " (" + d.to() + "): " + o.acks() + " acknowledged, median / p95 / max "
                        + spread(o.toAck()) + ", " + o.missed() + " late");
            }
        }
    }

    private static String spread(Spread s) {
        return text(s.median()) + " / " + text(s.p95()) + " / " + text(s.max());
    }

    private static String text(Optional<Duration> d) {
        return d.map(ReadinessText::duration).orElse("-");
    }

    /** "0.4 s", "3 min 05 s", "2 h 10 min" (rounded down), as the console shows a duration. */
    static String duration(Duration d) {
        Duration a = d.abs();
        String sign = d.isNegative() ? "-" : "";
        if (a.toHours() >= 1) {
            return String.format(Locale.ROOT, "%s%d h %02d min", sign, a.toHours(), a.toMinutesPart());
        }
        if (a.toMinutes() >= 1) {
            return String.format(Locale.ROOT, "%s%d min %02d s", sign, a.toMinutes(), a.toSecondsPart());
        }
        long tenths = a.toMillis() / 100;
        return String.format(Locale.ROOT, "%s%d.%d s", sign, tenths / 10, tenths % 10);
    }
}
