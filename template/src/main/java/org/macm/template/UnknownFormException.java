package org.macm.template;

import java.io.Serial;

/**
 * A form id or version that this station's catalog does not hold, met when sending or
 * validating. (Received messages with an unknown form are never refused: they are rendered
 * as their raw fields.)
 */
public final class UnknownFormException extends TemplateException {
    @Serial
    private static final long serialVersionUID = 1L;

    public UnknownFormException(String message) {
        super(message);
    }
}
