package org.macm.station.run;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.macm.core.MacmException;
import org.macm.core.log.Body;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.traffic.DeadlineText;
import org.macm.station.traffic.MessageBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces this station's configured deadlines in its log to each peer at start, when they
 * differ from what its log last announced (or, before any announcement, from the protocol's
 * defaults), so that both stations and any verifier hold our messages to the same deadlines
 * (docs/PROTOCOL.md §14). A restart with the same {@code [deadlines]} writes nothing.
 */
final class LinkAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(LinkAnnouncer.class);

    private final Station station;
    private final MessageBoard board;

    LinkAnnouncer(Station station, MessageBoard board) {
        this.station = station;
        this.board = board;
    }

    /** The deadlines {@code [deadlines]} configures, as an announcement carries them. */
    static LinkParameters configured(Station station) {
        Map<Precedence, Duration> d = new EnumMap<>(Precedence.class);
        for (Precedence p : Precedence.values()) {
            d.put(p, station.config().ackDeadline(p));
        }
        return new LinkParameters(d);
    }

    /** Writes an announcement to {@code peer}'s link if the configured deadlines are not already in force there. */
    void announce(StationId peer) {
        LinkParameters configured = configured(station);
        Optional<LinkParameters> last = board.announced(peer);
        if (last.orElse(LinkParameters.DEFAULTS).equals(configured)) {
            return;
        }
        try {
            station.write(peer, new Body.Message(Precedence.ROUTINE, configured.template()));
        } catch (MacmException e) {
            // The station must still start (a full disk is shown in status); the peer keeps
            // holding our messages to the deadlines last announced until a start that can write.
            LOG.error("could not announce our deadlines to {} ({}); until the next start, both stations hold our"
                    + " messages to {}", peer, e.getMessage(), DeadlineText.of(last.orElse(LinkParameters.DEFAULTS)));
            return;
        }
        LOG.info("announced to {}: {}", peer, DeadlineText.expects(station.id(), configured));
    }
}
