package org.macm.station.api;

import java.io.Serial;
import org.macm.station.StationException;

/** A request the API refuses, with the HTTP status and the message the caller sees. */
public final class ApiException extends StationException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
