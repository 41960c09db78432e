package org.macm.station.traffic;

import java.io.Serial;
import org.macm.station.StationException;

/**
 * Refuses a second acknowledgement of a message that an officer already acknowledged, naming
 * who and when, so that nobody signs "read" twice believing the first answer was lost. The API
 * answers it with 409: the request was well formed, the message's state forbids it.
 */
public final class AlreadyAcknowledgedException extends StationException {
    @Serial
    private static final long serialVersionUID = 1L;

    AlreadyAcknowledgedException(String message) {
        super(message);
    }
}
