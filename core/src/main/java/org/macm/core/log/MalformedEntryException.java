package org.macm.core.log;

import java.io.Serial;
import org.macm.core.MacmException;

/** Entry bytes that are not a well-formed entry of the supported version. */
public final class MalformedEntryException extends MacmException {
    @Serial
    private static final long serialVersionUID = 1L;

    public MalformedEntryException(String message) {
        super(message);
    }

    public MalformedEntryException(String message, Throwable cause) {
        super(message, cause);
    }
}
