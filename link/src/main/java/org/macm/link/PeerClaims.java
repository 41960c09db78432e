package org.macm.link;

import java.util.List;
import org.macm.core.log.Head;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

/**
 * Checks what one path's peer says it holds of our log (a HELLO's or heartbeat's
 * {@code peerHead}, a RESEND's first missing seq) against our log before it is believed:
 * a seq beyond our head is a false claim, and a seq we wrote with another hash means the two
 * copies differ (a fork, kept as evidence). Either refuses the path (docs/PROTOCOL.md §10).
 */
final class PeerClaims {
    private final StationId peer;
    private final LinkHost host;
    private final PeerLink link;
    /** The last claim that checked out, so an unchanged heartbeat is not checked again. */
    private Head checked = Head.EMPTY;

    PeerClaims(StationId peer, LinkHost host, PeerLink link) {
        this.peer = peer;
        this.host = host;
        this.link = link;
    }

    /**
     * A RESEND names the first seq the peer lacks, so it says the peer holds our log to
     * {@code fromSeq - 1}: beyond our head that is as false as a HELLO claiming it, and refused
     * the same way (docs/PROTOCOL.md §10 step 3). From our head + 1 it asks for nothing yet
     * written, which the sender already waits for.
     */
    void checkResend(long fromSeq) {
        Head own = host.ownHead(peer);
        if (fromSeq > own.seq() + 1) {
            link.claimBeyondLog();
            throw new LinkException(ErrorCode.HEAD_BEYOND_LOG, peer + " asks us to resend our log from seq " + fromSeq
                    + ", but our log to it ends at seq " + own.seq() + "; refusing the path");
        }
    }

    /** Checks a claimed {@code peerHead}, and shows it as what the peer holds when it checks out. */
    void check(Head claimed) {
        if (claimed.equals(checked)) {
            return;
        }
        Head own = host.ownHead(peer);
        if (claimed.seq() > own.seq()) {
            link.claimBeyondLog();
            throw new LinkException(ErrorCode.HEAD_BEYOND_LOG, peer + " says it holds our log to seq " + claimed.seq()
                    + ", but our log to it ends at seq " + own.seq() + "; refusing the path (was either station "
                    + "restored from a backup or replaced?)");
        }
        if (!claimed.isEmpty()) {
            List<SignedEntry> ours = host.ownEntries(peer, claimed.seq(), 1);
            if (ours.isEmpty() || ours.get(0).seq() != claimed.seq()) {
                throw new IllegalStateException("our log to " + peer + " has no entry at seq " + claimed.seq()
                        + " below its head " + own.seq());
            }
            if (!ours.get(0).hash().equals(claimed.hash())) {
                link.forked(claimed, ours.get(0).hash());
                throw new LinkException(ErrorCode.HEAD_MISMATCH, peer + " holds our seq " + claimed.seq() + " with hash "
                        + claimed.hash().shortHex() + ", but ours is " + ours.get(0).hash().shortHex()
                        + ": the two copies of our log differ; refusing the path (kept as evidence: compare both "
                        + "stations' exports at that seq)");
            }
        }
        checked = claimed;
        link.peerReports(claimed);
    }
}
