package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the signed {@code fields} object of a message against its form, collecting every
 * error with the field's path, what was wrong and what is allowed. Parsing and validation
 * are one step, so the renderer only ever sees values that fit their types. Each value is
 * read by its {@link FieldType}; this class checks what concerns the form as a whole:
 * required fields, fields the form does not declare, and ordered pairs.
 */
final class FieldParser {
    private FieldParser() {
    }

    /**
     * The message's values in the form's field order.
     *
     * @throws TemplateValidationException listing every field that does not fit
     */
    static Map<String, FieldValue> parse(Form form, ObjectNode fields, Vocabulary vocabulary) {
        FieldReader in = new FieldReader(vocabulary);
        Map<String, FieldValue> values = fields(form, fields, in);
        if (in.errorCount() > 0) {
            throw new TemplateValidationException(form.key(), in.errors());
        }
        return values;
    }

    private static Map<String, FieldValue> fields(Form form, ObjectNode fields, FieldReader in) {
        Map<String, FieldValue> values = new LinkedHashMap<>();
        for (FieldSpec spec : form.fields()) {
            JsonNode node = fields.get(spec.name());
            if (node == null) {
                if (spec.required()) {
                    in.error(spec.name(), "is missing", "a required " + spec.type().describe());
                }
                continue;
            }
            in.value(spec.name(), spec.type(), node).ifPresent(v -> values.put(spec.name(), v));
        }
        String declared = form.fields().stream().map(FieldSpec::name).collect(Collectors.joining(", "));
        Set<String> names = form.fields().stream().map(FieldSpec::name).collect(Collectors.toSet());
        for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                in.error(name, "is not a field of " + form.key(), "the fields " + declared);
            }
        }
        for (Form.OrderedPair pair : form.ordered()) {
            FieldValue first = values.get(pair.first());
            FieldValue second = values.get(pair.second());
            if (first != null && second != null && order(form, pair).compare(first, second) >= 0) {
                in.error(pair.second(), "is not after " + pair.first(),
                        "a value later or higher than " + pair.first());
            }
        }
        return values;
    }

    private static Comparator<FieldValue> order(Form form, Form.OrderedPair pair) {
        FieldType type = form.field(pair.first()).orElseThrow().type();
        if (!(type instanceof FieldType.Ordered ordered)) {
            throw new IllegalStateException("ordered fields must share a comparable type; the catalog loader checks this");
        }
        return ordered.order();
    }
}
