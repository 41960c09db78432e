package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code reference} type: a code shown as written in every language, because it is the
 * same in all of them: a NAVAREA warning or NOTAM number, a radio channel. Printable ASCII,
 * single spaces, 1 to 64 characters.
 */
public record ReferenceType() implements FieldType {
    private static final Pattern REFERENCE = Pattern.compile("[!-~]+( [!-~]+)*");
    private static final int MAX_LENGTH = 64;

    /** A code written the same in every language. */
    public record Reference(String code) implements FieldValue {
        public Reference {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.textNode(code);
        }
    }

    @Override
    public String describe() {
        return "reference code";
    }

    @Override
    public Optional<Reference> read(String path, JsonNode node, FieldReader in) {
        if (!node.isTextual() || node.textValue().length() > MAX_LENGTH
                || !REFERENCE.matcher(node.textValue()).matches()) {
            in.error(path, "is " + FieldReader.show(node), "1 to 64 printable ASCII characters, single spaces "
                    + "between words (e.g. \"NAVAREA XI 0123/26\")");
            return Optional.empty();
        }
        return Optional.of(new Reference(node.textValue()));
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        return ((Reference) value).code();
    }
}
