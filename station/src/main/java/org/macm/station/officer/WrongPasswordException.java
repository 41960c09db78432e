package org.macm.station.officer;

import java.io.Serial;
import org.macm.station.StationException;

/**
 * A password that does not match, or an account that may not log in. The message is the
 * same for a wrong password, an unknown name and a disabled account, so a login form built
 * on it tells a guesser nothing about which accounts exist.
 */
public final class WrongPasswordException extends StationException {
    @Serial
    private static final long serialVersionUID = 1L;

    public WrongPasswordException() {
        super("wrong officer name or password");
    }
}
