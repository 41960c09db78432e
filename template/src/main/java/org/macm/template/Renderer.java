package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.macm.core.log.MessageContent;

/**
 * Turns message content into the text a reader sees. It never throws on content received
 * from a peer: a form or version this station lacks, or fields that do not fit, are shown
 * as the raw fields with a notice, because a message must never be dropped.
 */
final class Renderer {
    private final Vocabulary vocabulary;

    Renderer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    RenderedMessage freeText(MessageContent.FreeText text, Language language) {
        Phrases phrases = Phrases.of(language);
        boolean foreign = !language.reads(text.lang());
        String body = foreign ? phrases.untranslated(text.lang()) + "\n" + text.text() : text.text();
        return new RenderedMessage(language, phrases.freeTextTitle(), body, foreign, false);
    }

    RenderedMessage unknown(MessageContent.Template template, Language language) {
        Phrases phrases = Phrases.of(language);
        List<String> lines = new ArrayList<>();
        lines.add(phrases.unknownFormNotice());
        lines.addAll(rawFields(template.fields()));
        return new RenderedMessage(language, phrases.unknownFormTitle(template.id(), template.version()),
                String.join("\n", lines), false, true);
    }

    RenderedMessage invalid(Form form, ObjectNode fields, List<FieldError> errors, Language language) {
        Phrases phrases = Phrases.of(language);
        List<String> lines = new ArrayList<>();
        lines.add(phrases.invalidFieldsNotice(form.id(), form.version()));
        lines.addAll(rawFields(fields));
        lines.add(phrases.problemsHeading());
        errors.forEach(e -> lines.add("- " + e.message()));
        return new RenderedMessage(language, phrases.invalidFieldsTitle(form.title().in(language)),
                String.join("\n", lines), false, true);
    }

    RenderedMessage form(Form form, Map<String, FieldValue> values, Language language, ZoneId zone) {
        Rendering rendering = Rendering.of(language, zone, vocabulary);
        List<String> out = new ArrayList<>();
        for (BodyTemplate.Line line : form.body().in(language).lines()) {
            if (!values.keySet().containsAll(line.fields())) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (BodyTemplate.Segment segment : line.segments()) {
                switch (segment) {
                    case BodyTemplate.Literal literal -> text.append(literal.text());
                    case BodyTemplate.Slot slot -> {
                        FieldSpec spec = form.field(slot.field()).orElseThrow();
                        text.append(spec.type().render(values.get(slot.field()), rendering));
                    }
                }
            }
            out.add(text.toString());
        }
        boolean untranslated = values.entrySet().stream().anyMatch(v -> form.field(v.getKey()).orElseThrow().type()
                .untranslated(v.getValue(), language));
        return new RenderedMessage(language, form.title().in(language), String.join("\n", out), untranslated,
                false);
    }

    /** One line per field, {@code name: JSON as received}, in the order received. */
    private static List<String> rawFields(ObjectNode fields) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            lines.add(field.getKey() + ": " + field.getValue().toString());
        }
        return lines;
    }
}
