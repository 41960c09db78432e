package org.macm.template;

import java.io.Serial;
import java.util.List;

/**
 * A catalog directory or resource that cannot be used. Every problem found is listed, each
 * naming the file and the key (for example
 * {@code encounter-notice.toml: fields[2].options[0]: unknown key 'labl'}), so an author
 * can fix them all in one pass.
 */
public final class CatalogException extends TemplateException {
    @Serial
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // an immutable List.copyOf; the exception is never serialised
    private final List<String> problems;

    public CatalogException(String where, List<String> problems) {
        super(where + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** Each problem, as {@code file: key: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
