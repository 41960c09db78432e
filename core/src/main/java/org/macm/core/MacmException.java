package org.macm.core;

import java.io.Serial;

/**
 * Root of every exception the core throws. It is unchecked because the caller can rarely
 * recover locally; the message always says what went wrong in words a duty officer or an
 * operator can act on, and names the entry, file or field concerned.
 */
public class MacmException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public MacmException(String message) {
        super(message);
    }

    public MacmException(String message, Throwable cause) {
        super(message, cause);
    }
}
