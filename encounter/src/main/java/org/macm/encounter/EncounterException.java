package org.macm.encounter;

import java.io.Serial;
import org.macm.core.MacmException;

/**
 * Root of every exception the encounter module throws. It signals a programming or
 * configuration error (an invalid config record, a value built outside its range by code);
 * bad input from a feed is never an exception here but a counted rejection, so a source can
 * keep reading after garbage.
 */
public class EncounterException extends MacmException {
    @Serial
    private static final long serialVersionUID = 1L;

    public EncounterException(String message) {
        super(message);
    }

    public EncounterException(String message, Throwable cause) {
        super(message, cause);
    }
}
