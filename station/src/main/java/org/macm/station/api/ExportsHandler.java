package org.macm.station.api;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.export.EquivocationFile;
import org.macm.station.export.ExportFile;

/**
 * {@code GET /api/v1/exports/{peer}/{author}}: one log of a link in the export format
 * (docs/PROTOCOL.md §5), from a running station, so that evidence can be taken during an
 * incident without stopping the hotline. The log's head is fixed when the request arrives:
 * the answer is every entry from seq 1 to that head, the same bytes an offline export of that
 * prefix gives, while the station goes on writing behind it. The body is streamed a page at a
 * time; its length in entries and the head's hash are sent first, as headers, so that a
 * client can tell a complete answer from a cut one.
 */
public final class ExportsHandler {
    /** JSON Lines has no registered media type; this is the one in common use. */
    static final String MEDIA_TYPE = "application/jsonl";
    /** How many lines (entries) the answer holds: seq 1 to the head fixed at the request. */
    public static final String ENTRIES_HEADER = "X-Macm-Entries";
    /** The SHA-256 of the last entry's bytes (the head fixed at the request), in hex. */
    public static final String HEAD_HEADER = "X-Macm-Head";
    /** How many lines (claims of equivocation) an evidence answer holds. */
    public static final String CLAIMS_HEADER = "X-Macm-Claims";

    private final Station station;

    public ExportsHandler(Station station) {
        this.station = station;
    }

    List<Route> routes() {
        return List.of(Route.streaming("GET", "/api/v1/exports/{peer}/{author}", Role.OPERATOR,
                r -> export(r.param(1), r.param(2))),
                Route.streaming("GET", "/api/v1/equivocations/{peer}", Role.OPERATOR, r -> equivocations(r.param(1))));
    }

    /**
     * {@code GET /api/v1/equivocations/{peer}}: the equivocation evidence recorded against the
     * peer, in the evidence file format (docs/PROTOCOL.md §15), the same bytes an offline
     * {@code macm export --equivocations} gives. Evidence is rare and small (two entries a
     * claim), so it is read whole before the first byte goes out.
     */
    private Route.Body equivocations(String peerText) {
        StationId peer = JsonRequest.field("peer", () -> StationId.of(peerText));
        if (station.peers().find(peer).isEmpty()) {
            throw new ApiException(404, "no peer " + peer + " is pinned at station " + station.id()
                    + " (macm peer list shows the pinned peers)");
        }
        List<EquivocationFile.Claim> claims = station.store().equivocations(station.peerLog(peer)).stream()
                .map(e -> EquivocationFile.Claim.of(e, station.id())).toList();
        if (claims.isEmpty()) {
            throw new ApiException(404, EquivocationFile.noEvidence(peer, station.id()));
        }
        return new Route.Body(MEDIA_TYPE, Map.of(CLAIMS_HEADER, Integer.toString(claims.size())),
                out -> EquivocationFile.write(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), claims));
    }

    private Route.Body export(String peerText, String authorText) {
        StationId peer = JsonRequest.field("peer", () -> StationId.of(peerText));
        StationId author = JsonRequest.field("author", () -> StationId.of(authorText));
        if (station.peers().find(peer).isEmpty()) {
            throw new ApiException(404, "no peer " + peer + " is pinned at station " + station.id()
                    + " (macm peer list shows the pinned peers)");
        }
        LinkId link = station.link(peer);
        if (!link.includes(author)) {
            throw new ApiException(404, "link " + link + " has no log by " + author + ": the author is "
                    + station.id() + " or " + peer);
        }
        LogId log = new LogId(link, author);
        // Fixed now: entries committed while the answer is written are left out whole.
        Head head = station.store().head(log);
        if (head.isEmpty()) {
            throw new ApiException(404, "log " + log + " has no entries yet; nothing to export");
        }
        return new Route.Body(MEDIA_TYPE,
                Map.of(ENTRIES_HEADER, Long.toString(head.seq()), HEAD_HEADER, head.hash().hex()),
                out -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    ExportFile.write(w, station.store(), log, head.seq());
                });
    }
}
