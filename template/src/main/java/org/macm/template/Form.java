package org.macm.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.macm.core.log.Precedence;

/**
 * One version of one agreed message form: what it is called in each language, the
 * precedence it is usually sent at, its typed fields, and the text each language renders it
 * with. A form never changes once agreed; a change is a new version.
 *
 * @param precedence the precedence the console proposes; the sender may choose another
 * @param ordered    pairs of fields whose first value must be earlier or lower than the second
 *                   (an exercise's start and end, an altitude band's floor and ceiling)
 */
public record Form(
        String id,
        int version,
        Precedence precedence,
        Localized<String> title,
        List<FieldSpec> fields,
        List<OrderedPair> ordered,
        Localized<BodyTemplate> body) {

    public Form {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(precedence, "precedence");
        Objects.requireNonNull(title, "title");
        fields = List.copyOf(fields);
        ordered = List.copyOf(ordered);
        Objects.requireNonNull(body, "body");
    }

    /** {@code id v version}, as forms are named in messages and logs. */
    public String key() {
        return id + " v" + version;
    }

    /** The field with this name, if the form declares one. */
    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Two fields of the same type whose values must be strictly increasing. */
    public record OrderedPair(String first, String second) {
        public OrderedPair {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }
    }
}
