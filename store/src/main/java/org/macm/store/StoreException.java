package org.macm.store;

import java.io.Serial;
import org.macm.core.MacmException;

/**
 * A store operation that failed. The message says what to do (free disk space, restore a
 * backup, stop the other process); when it is thrown from a write, nothing that had been
 * stored before is lost or changed.
 */
public class StoreException extends MacmException {
    @Serial
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
