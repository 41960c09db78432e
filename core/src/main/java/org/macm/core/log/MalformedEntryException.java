package org.macm.core.log;

import java.io.Serial;
import java.util.Optional;
import org.macm.core.MacmException;

/**
 * Entry bytes that are not a well-formed entry of the supported version. When the refusal is
 * one of docs/PROTOCOL.md §7's rules the message starts with its id ({@code [F-UTF8] …}) and
 * {@link #rule()} gives it.
 */
public final class MalformedEntryException extends MacmException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Rule rule;

    /** A refusal under {@code rule}; the message is prefixed with the rule's id. */
    public MalformedEntryException(Rule rule, String message) {
        super(rule.tag() + message);
        this.rule = rule;
    }

    public MalformedEntryException(Rule rule, String message, Throwable cause) {
        super(rule.tag() + message, cause);
        this.rule = rule;
    }

    /** A refusal that is not one of the entry format rules (for example a template's own fields). */
    public MalformedEntryException(String message) {
        super(message);
        this.rule = null;
    }

    public MalformedEntryException(String message, Throwable cause) {
        super(message, cause);
        this.rule = null;
    }

    /** The §7 rule the bytes break, when the refusal is one. */
    public Optional<Rule> rule() {
        return Optional.ofNullable(rule);
    }
}
