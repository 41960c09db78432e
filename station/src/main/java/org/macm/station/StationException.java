package org.macm.station;

import java.io.Serial;
import org.macm.core.MacmException;

/**
 * Root of the station's exceptions: a problem with a station folder, its files, a peer or a
 * command. The message is one line that says what is wrong and what to do about it; the CLI
 * prints it as it is.
 */
public class StationException extends MacmException {
    @Serial
    private static final long serialVersionUID = 1L;

    public StationException(String message) {
        super(message);
    }

    public StationException(String message, Throwable cause) {
        super(message, cause);
    }
}
