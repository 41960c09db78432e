package org.macm.core.log;

import java.io.Serial;
import java.util.Optional;
import org.macm.core.MacmException;

/**
 * A log that does not verify: a bad signature, a broken hash chain, a gap, a duplicate, an
 * entry out of place, or a reference to an entry that does not exist. The message names the
 * entry and says what is wrong with it, starting with the id of the docs/PROTOCOL.md §7 rule
 * it breaks ({@code [C-SEQ] …}) where it is one.
 */
public final class ChainException extends MacmException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final long seq;
    private final Rule rule;

    /** A refusal under {@code rule}; the message is prefixed with the rule's id. */
    public ChainException(Rule rule, long seq, String message) {
        super(rule.tag() + message);
        this.seq = seq;
        this.rule = rule;
    }

    public ChainException(Rule rule, long seq, String message, Throwable cause) {
        super(rule.tag() + message, cause);
        this.seq = seq;
        this.rule = rule;
    }

    /** A fault that is no rule of the document (for example two exports of different links). */
    public ChainException(long seq, String message) {
        super(message);
        this.seq = seq;
        this.rule = null;
    }

    /** The seq of the offending entry as it claims it, or 0 where it could not be read. */
    public long seq() {
        return seq;
    }

    /** The §7 rule the log breaks, when the fault is one. */
    public Optional<Rule> rule() {
        return Optional.ofNullable(rule);
    }
}
