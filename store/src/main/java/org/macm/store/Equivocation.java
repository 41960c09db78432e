package org.macm.store;

import java.time.Instant;
import org.macm.core.log.SignedEntry;

/**
 * Evidence that a log's author signed two different entries at one seq: the one stored
 * first and the one that came later, both with their signatures.
 */
public record Equivocation(SignedEntry stored, SignedEntry conflicting, Instant detectedAt) {
}
