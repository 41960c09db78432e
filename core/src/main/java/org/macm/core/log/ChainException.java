package org.macm.core.log;

import java.io.Serial;
import org.macm.core.MacmException;

/**
 * A log that does not verify: a bad signature, a broken hash chain, a gap, a duplicate, an
 * entry out of place, or a reference to an entry that does not exist. The message names the
 * entry and says what is wrong with it.
 */
public final class ChainException extends MacmException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final long seq;

    public ChainException(long seq, String message) {
        super(message);
        this.seq = seq;
    }

    public ChainException(long seq, String message, Throwable cause) {
        super(message, cause);
        this.seq = seq;
    }

    /** The seq of the offending entry as it claims it, or 0 where it could not be read. */
    public long seq() {
        return seq;
    }
}
