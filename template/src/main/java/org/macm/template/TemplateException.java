package org.macm.template;

import java.io.Serial;
import org.macm.core.MacmException;

/**
 * Root of every exception the template module throws: a catalog that does not load, a
 * message whose fields do not fit its form, a form that is not in the catalog. The message
 * names the file, form or field concerned.
 */
public class TemplateException extends MacmException {
    @Serial
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
