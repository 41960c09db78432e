package org.macm.core.crypto;

import java.io.Serial;
import org.macm.core.MacmException;

/** A signature did not verify: the signed bytes were altered, or another key signed them. */
public final class SignatureException extends MacmException {
    @Serial
    private static final long serialVersionUID = 1L;

    public SignatureException(String message) {
        super(message);
    }
}
