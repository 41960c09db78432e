package org.macm.link;

import java.time.Instant;
import java.util.List;
import org.macm.core.log.Head;
import org.macm.core.log.StationId;

/**
 * A link's state for people: its paths, both log heads as last reported, whether the peer's
 * template catalog matches ours, and counts of what was refused.
 *
 * @param since when this station saw the link enter {@code state} (when the link was set up,
 *              if it has never changed): what "DOWN since 03:12:09Z" tells a duty officer
 */
public record LinkStatus(StationId peer, LinkState state, Instant since, List<PathStatus> paths, Head ownHead,
        Head heldPeerHead, Head peerReportsHolding, boolean catalogMatches, long refusedEntries, long closedForErrors) {
}
