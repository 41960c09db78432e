package org.macm.store;

import java.util.List;
import java.util.Optional;
import org.macm.core.log.SignedEntry;

/**
 * What one commit of a peer's entries did: one outcome per entry offered, and the receipt
 * appended to the own log in the same commit, if one was laid out and the store took it. A
 * receipt laid out but refused (it named an entry the commit did not hold, or the own log's
 * chain broke before it) is not stored; {@code receiptRefused} says why, and the entries are
 * stored all the same.
 */
public record PeerStored(List<IntakeOutcome> outcomes, Optional<SignedEntry> receipt, Optional<String> receiptRefused) {
    public PeerStored {
        outcomes = List.copyOf(outcomes);
    }
}
