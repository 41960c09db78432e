package org.macm.station.traffic;

import java.io.Serial;
import org.macm.station.StationException;

/**
 * Why a message could not be composed: an unknown draft or form, fields the form refuses, a
 * language tag that is not one. {@link #notFound()} tells a draft or form that does not exist
 * (the API answers 404) from a request that is wrong (400).
 */
public final class ComposeException extends StationException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean notFound;

    ComposeException(String message, boolean notFound, Throwable cause) {
        super(message, cause);
        this.notFound = notFound;
    }

    ComposeException(String message) {
        this(message, false, null);
    }

    public boolean notFound() {
        return notFound;
    }
}
