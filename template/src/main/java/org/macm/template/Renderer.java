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
        Style style = Style.of(language);
        boolean foreign = !language.reads(text.lang());
        String body = foreign ? style.untranslated(text.lang()) + "\n" + text.text() : text.text();
        return new RenderedMessage(language, style.freeTextTitle(), body, foreign, false);
    }

    RenderedMessage unknown(MessageContent.Template template, Language language) {
        Style style = Style.of(language);
        List<String> lines = new ArrayList<>();
        lines.add(style.unknownFormNotice());
        lines.addAll(rawFields(template.fields()));
        return new RenderedMessage(language, style.unknownFormTitle(template.id(), template.version()),
                String.join("\n", lines), false, true);
    }

    RenderedMessage invalid(Form form, ObjectNode fields, List<FieldError> errors, Language language) {
        Style style = Style.of(language);
        List<String> lines = new ArrayList<>();
        lines.add(style.invalidFieldsNotice(form.id(), form.version()));
        lines.addAll(rawFields(fields));
        lines.add(style.problemsHeading());
        errors.forEach(e -> lines.add("- " + e.message()));
        return new RenderedMessage(language, style.invalidFieldsTitle(form.title().in(language)),
                String.join("\n", lines), false, true);
    }

    RenderedMessage form(Form form, Map<String, FieldValue> values, Language language, ZoneId zone) {
        Style style = Style.of(language);
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
                        text.append(value(spec.type(), values.get(slot.field()), style, language, zone));
                    }
                }
            }
            out.add(text.toString());
        }
        boolean untranslated = values.values().stream().anyMatch(v -> foreign(v, language));
        return new RenderedMessage(language, form.title().in(language), String.join("\n", out), untranslated,
                false);
    }

    private String value(FieldType type, FieldValue value, Style style, Language language, ZoneId zone) {
        return switch (value) {
            case FieldValue.Position p -> style.position(p);
            case FieldValue.DateTime t -> style.dateTime(t.instant(), zone);
            case FieldValue.Span s -> style.duration(s.duration());
            case FieldValue.Course c -> style.course(c.degrees());
            case FieldValue.Speed s -> style.speed(s.knots());
            case FieldValue.Altitude a -> style.altitude(a.feet());
            case FieldValue.Distance d -> style.distance(d.nauticalMiles());
            case FieldValue.Count c -> style.count(c.value());
            case FieldValue.Reference r -> r.code();
            case FieldValue.MessageRef m -> style.messageRef(m.seq());
            case FieldValue.Text t -> style.text(t, language);
            case FieldValue.Area a -> style.area(a);
            case FieldValue.Unit u -> style.unit(u, vocabulary.side(u.side()).orElseThrow(),
                    vocabulary.unitKind(u.type()).orElseThrow());
            case FieldValue.Choice c -> ((FieldType.EnumType) type).option(c.value()).orElseThrow()
                    .label().in(language);
            case FieldValue.Items items -> {
                FieldType item = ((FieldType.ListType) type).item();
                List<String> parts = new ArrayList<>();
                items.items().forEach(i -> parts.add(value(item, i, style, language, zone)));
                yield String.join(style.listSeparator(), parts);
            }
        };
    }

    private static boolean foreign(FieldValue value, Language language) {
        return switch (value) {
            case FieldValue.Text t -> !language.reads(t.lang());
            case FieldValue.Items items -> items.items().stream().anyMatch(i -> foreign(i, language));
            default -> false;
        };
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
