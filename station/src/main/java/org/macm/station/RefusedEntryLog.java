package org.macm.station;

import java.util.List;
import org.macm.core.log.StationId;
import org.macm.store.IntakeOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structured WARN line of each peer entry the intake refused ({@code event=entry.refused},
 * with the peer, the seq when the bytes could be read, and the outcome as reason), kept out of
 * {@link Station} so that the intake decides and this only says what was decided. It logs
 * under Station's name: operators filter on that logger.
 */
final class RefusedEntryLog {
    private static final Logger LOG = LoggerFactory.getLogger(Station.class);

    private RefusedEntryLog() {
    }

    /**
     * One WARN per entry refused (every copy, on every path, is one line: each is an offer the
     * peer made), with the peer, the seq when the bytes could be read, and the outcome as reason.
     * An unreadable or equivocating entry also has its finding logged once, as evidence.
     */
    static void log(StationId peer, List<Station.Offered> entries, List<IntakeOutcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            IntakeOutcome o = outcomes.get(i);
            String why = switch (o) {
                case BAD_SIGNATURE -> "its signature is not the pinned key's";
                case WRONG_LOG -> "it belongs to another log than this link's";
                case CHAIN_BROKEN -> "its prev hash does not match the entry held before it";
                case EQUIVOCATION -> "another entry is held at its seq (both kept as evidence)";
                case UNREADABLE -> "it is validly signed but cannot be read (kept as evidence; the log is held)";
                case HELD -> "it follows an unreadable entry; the log is held there";
                case STORED, DUPLICATE, GAP -> null;
            };
            if (!o.refused()) {
                continue;
            }
            var line = LOG.atWarn().addKeyValue("event", "entry.refused").addKeyValue("peer", peer);
            if (entries.get(i) instanceof Station.Offered.Read r) {
                line.addKeyValue("seq", r.entry().seq()).addKeyValue("log", r.entry().log()).addKeyValue("reason", o)
                        .log("refused entry {} from {}: {}", r.entry().seq(), peer, why);
            } else if (entries.get(i) instanceof Station.Offered.Unreadable u) {
                line.addKeyValue("reason", o).log("refused {} bytes from {}: they are not an entry ({}) and {}",
                        u.raw().size(), peer, u.why().getMessage(), why);
            }
        }
    }
}
