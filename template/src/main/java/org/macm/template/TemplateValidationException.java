package org.macm.template;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fields of a message do not fit its form. Every error is reported, not only the first,
 * each naming the field, what was wrong and what is allowed.
 */
public final class TemplateValidationException extends TemplateException {
    @Serial
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // an immutable List.copyOf; the exception is never serialised
    private final List<FieldError> errors;

    public TemplateValidationException(String form, List<FieldError> errors) {
        super("fields do not fit form " + form + ":\n  "
                + errors.stream().map(FieldError::message).collect(Collectors.joining("\n  ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The errors, in field order. */
    public List<FieldError> errors() {
        return errors;
    }
}
