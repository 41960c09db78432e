package org.macm.store;

import java.time.Instant;
import org.macm.core.log.SignedEntry;

/**
 * Evidence that a log's author signed two different entries at one seq: the one stored
 * first and the one that came later, both with their signatures, and this station's note of
 * when each was seen (the first when it was stored, the second when it was refused). The
 * times are the station's own, not signed by the author: the two signatures are the proof,
 * the times tell an investigator when this station met each version.
 */
public record Equivocation(SignedEntry stored, Instant storedAt, SignedEntry conflicting, Instant detectedAt) {
}
