package org.macm.station.run;

import java.util.List;
import org.macm.core.log.Head;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.link.LinkHost;
import org.macm.station.Station;
import org.macm.station.metrics.TrafficListener;
import org.macm.store.IntakeOutcome;

/** Lets the link read and write a station's logs, and nothing else. */
final class StationLinkHost implements LinkHost {
    private final Station station;
    private final String catalogHash;
    private final TrafficListener traffic;

    StationLinkHost(Station station, String catalogHash, TrafficListener traffic) {
        this.station = station;
        this.catalogHash = catalogHash;
        this.traffic = traffic;
    }

    @Override
    public Head ownHead(StationId peer) {
        return station.store().head(station.ownLog(peer));
    }

    @Override
    public Head heldPeerHead(StationId peer) {
        return station.store().head(station.peerLog(peer));
    }

    @Override
    public List<SignedEntry> ownEntries(StationId peer, long fromSeq, int max) {
        return station.store().read(station.ownLog(peer), fromSeq, max);
    }

    @Override
    public Intake receive(StationId peer, List<RawEntry> entries) {
        List<IntakeOutcome> outcomes = station.receiveRaw(peer, entries);
        traffic.received(peer, outcomes);
        int stored = 0;
        int duplicates = 0;
        int refused = 0;
        long gapFrom = Intake.NO_GAP;
        for (IntakeOutcome o : outcomes) {
            switch (o) {
                case STORED -> stored++;
                case DUPLICATE -> duplicates++;
                case GAP -> gapFrom = heldPeerHead(peer).seq() + 1;
                // Refused without a resend: an unreadable entry is kept as evidence and the log held
                // behind it (docs/PROTOCOL.md §10 step 3); asking again would only bring it back.
                case EQUIVOCATION, CHAIN_BROKEN, BAD_SIGNATURE, WRONG_LOG, UNREADABLE, HELD -> refused++;
            }
        }
        return new Intake(stored, duplicates, refused, gapFrom);
    }

    @Override
    public void sent(StationId peer, int entries) {
        traffic.sent(peer, entries);
    }

    @Override
    public String catalogHash() {
        return catalogHash;
    }
}
