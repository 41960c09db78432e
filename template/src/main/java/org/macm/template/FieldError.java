package org.macm.template;

import java.util.Objects;

/**
 * One thing wrong with one field of a message: where ({@code ownUnits[1].mmsi}), what was
 * wrong ({@code "41200" is not 9 digits}) and what would be accepted.
 *
 * @param path    the field, with {@code .key} into objects and {@code [i]} into lists
 * @param problem what is wrong with the value as sent
 * @param allowed what the form accepts there
 */
public record FieldError(String path, String problem, String allowed) {
    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(allowed, "allowed");
    }

    /** The error as a person reads it: {@code path: problem; allowed: ...}. */
    public String message() {
        return path + ": " + problem + "; allowed: " + allowed;
    }

    @Override
    public String toString() {
        return message();
    }
}
