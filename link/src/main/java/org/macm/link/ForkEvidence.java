package org.macm.link;

import java.time.Instant;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;

/**
 * What a peer claimed to hold of this station's log when the claim named a seq this station
 * wrote but a different hash: the two copies of the log differ. Kept so that an auditor can
 * compare both stations' exports at that seq; the path was refused ({@link ErrorCode#HEAD_MISMATCH}).
 *
 * @param claimed what the peer said it holds (seq and its hash)
 * @param ours    the hash of this station's own entry at that seq
 * @param seen    when this station first saw the claim
 */
public record ForkEvidence(Head claimed, EntryHash ours, Instant seen) {
}
