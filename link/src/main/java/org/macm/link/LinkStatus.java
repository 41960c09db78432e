package org.macm.link;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.macm.core.log.Head;
import org.macm.core.log.StationId;

/**
 * A link's state for people: its paths, both log heads as last reported, whether the peer's
 * template catalog matches ours, and counts of what was refused.
 *
 * @param since when this station saw the link enter {@code state} (when the link was set up,
 *              if it has never changed): what "DOWN since 03:12:09Z" tells a duty officer
 * @param peerReportsHolding how much of our log the peer says it holds; only claims that checked
 *              out against our log (a false claim is refused, not shown)
 * @param peerStopped when the peer said it was stopping (SHUTDOWN), if it did and no path has
 *              connected since: the link is down because the peer stopped in order, not lost
 * @param refusedClaims paths refused because the peer claimed to hold our log beyond its head
 * @param fork    the first claim that named a seq of our log with another hash, if any
 */
public record LinkStatus(StationId peer, LinkState state, Instant since, List<PathStatus> paths, Head ownHead,
        Head heldPeerHead, Head peerReportsHolding, boolean catalogMatches, long refusedEntries, long closedForErrors,
        Optional<Instant> peerStopped, long refusedClaims, Optional<ForkEvidence> fork) {
}
