package org.macm.station.config;

import java.io.Serial;
import org.macm.station.StationException;

/** A configuration file that cannot be used; the message names the file and the key. */
public final class ConfigException extends StationException {
    @Serial
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
