package org.macm.link;

import java.io.Serial;
import org.macm.core.MacmException;

/**
 * Root of the link's exceptions. A link exception ends one connection (path), never the
 * station: the message says what the peer sent or did, and the path reconnects.
 */
public class LinkException extends MacmException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public LinkException(ErrorCode code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public LinkException(ErrorCode code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
