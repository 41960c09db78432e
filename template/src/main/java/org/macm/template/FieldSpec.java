package org.macm.template;

import java.util.Objects;

/**
 * One field a form declares: its name (the key in the signed {@code fields} object), its
 * type, whether a message must carry it, and its label in each language.
 */
public record FieldSpec(String name, FieldType type, boolean required, Localized<String> label) {
    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
    }
}
