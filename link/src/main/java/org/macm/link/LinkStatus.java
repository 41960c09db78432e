package org.macm.link;

import java.util.List;
import org.macm.core.log.Head;
import org.macm.core.log.StationId;

/**
 * A link's state for people: its paths, both log heads as last reported, whether the peer's
 * template catalog matches ours, and counts of what was refused.
 */
public record LinkStatus(StationId peer, LinkState state, List<PathStatus> paths, Head ownHead, Head heldPeerHead,
        Head peerReportsHolding, boolean catalogMatches, long refusedEntries, long closedForErrors) {
}
