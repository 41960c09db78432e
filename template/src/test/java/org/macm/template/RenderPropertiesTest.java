package org.macm.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.macm.core.log.MessageContent;

/** Properties over every form of the built-in catalog and any field set. */
class RenderPropertiesTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Wrong for every field type: no type accepts null, a boolean, an empty object, string or list, or -1. */
    private static final List<JsonNode> JUNK = List.of(JSON.nullNode(), JSON.booleanNode(true), JSON.objectNode(),
            JSON.textNode(""), JSON.arrayNode(), JSON.numberNode(-1));

    record Sample(Form form, ObjectNode fields) {
        MessageContent.Template content() {
            return new MessageContent.Template(form.id(), form.version(), fields);
        }
    }

    @Provide
    Arbitrary<Sample> validMessages() {
        return Arbitraries.of(CATALOG.forms())
                .flatMap(form -> FieldArbitraries.fields(form, CATALOG.vocabulary()).map(f -> new Sample(form, f)));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("Asia/Tokyo", "Asia/Shanghai", "UTC", "America/New_York", "Asia/Kolkata",
                "Pacific/Chatham").map(ZoneId::of);
    }

    @Property(tries = 500)
    void anyValidFieldSet_rendersInAllThreeLanguages_withNoUnresolvedPlaceholder(
            @ForAll("validMessages") Sample sample, @ForAll("zones") ZoneId zone) {
        CATALOG.validate(sample.content());
        for (Language language : Language.values()) {
            RenderedMessage m = CATALOG.render(sample.content(), language, zone);
            assertThat(m.raw()).as("%s rendered raw in %s", sample.form().key(), language).isFalse();
            assertThat(m.title()).isEqualTo(sample.form().title().in(language));
            // Generated text has no braces, so any brace left is a placeholder the renderer missed.
            assertThat(m.body()).doesNotContain("{", "}").isNotBlank();
            // A text value may hold blank lines: validation allows any line break in text, so a
            // paragraph break is kept as written. Every other line comes from a line of the
            // form's body, and none of those may come out blank.
            assertThat(withoutTexts(m.body(), sample).lines())
                    .as("%s in %s, text values left out", sample.form().key(), language)
                    .noneMatch(String::isBlank);
        }
    }

    /** {@code body} with each text value's text, as written, replaced by a mark that is not blank. */
    private static String withoutTexts(String body, Sample sample) {
        List<String> texts = new ArrayList<>();
        CATALOG.values(sample.content()).values().forEach(v -> collectTexts(v, texts));
        texts.sort(Comparator.comparingInt(String::length).reversed());
        String out = body;
        for (String text : texts) {
            out = out.replace(text, "<text>");
        }
        return out;
    }

    private static void collectTexts(FieldValue value, List<String> texts) {
        if (value instanceof TextType.Text t) {
            texts.add(t.text());
        } else if (value instanceof ListType.Items items) {
            items.items().forEach(i -> collectTexts(i, texts));
        }
    }

    @Property(tries = 300)
    void anyValidFieldSet_rendersTheSameTwice(@ForAll("validMessages") Sample sample) {
        for (Language language : Language.values()) {
            assertThat(CATALOG.render(sample.content(), language)).isEqualTo(CATALOG.render(sample.content(), language));
        }
    }

    @Provide
    Arbitrary<Mutation> invalidMessages() {
        return validMessages().flatMap(sample -> {
            List<FieldSpec> fields = sample.form().fields();
            Arbitrary<Mutation> junk = Combinators.combine(Arbitraries.of(fields), Arbitraries.of(JUNK))
                    .as((field, value) -> {
                        ObjectNode f = sample.fields().deepCopy();
                        f.set(field.name(), value);
                        return new Mutation(sample.form(), f, field.name(), "value " + value);
                    });
            Arbitrary<Mutation> unknown = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)
                    .map(s -> "x" + s)
                    .filter(name -> sample.form().field(name).isEmpty())
                    .map(name -> {
                        ObjectNode f = sample.fields().deepCopy();
                        f.put(name, 1);
                        return new Mutation(sample.form(), f, name, "unknown field");
                    });
            List<FieldSpec> required = fields.stream().filter(FieldSpec::required).toList();
            Arbitrary<Mutation> missing = Arbitraries.of(required).map(field -> {
                ObjectNode f = sample.fields().deepCopy();
                f.remove(field.name());
                return new Mutation(sample.form(), f, field.name(), "missing");
            });
            return Arbitraries.oneOf(junk, unknown, missing);
        });
    }

    record Mutation(Form form, ObjectNode fields, String field, String how) {
        MessageContent.Template content() {
            return new MessageContent.Template(form.id(), form.version(), fields);
        }
    }

    @Property(tries = 500)
    void anyInvalidFieldSet_isRejected_namingTheField(@ForAll("invalidMessages") Mutation m) {
        assertThatThrownBy(() -> CATALOG.validate(m.content()))
                .as("%s with %s %s", m.form().key(), m.field(), m.how())
                .isInstanceOfSatisfying(TemplateValidationException.class, e -> {
                    assertThat(e.errors()).anyMatch(error -> error.path().equals(m.field())
                            || error.path().startsWith(m.field() + ".") || error.path().startsWith(m.field() + "["));
                    assertThat(e.getMessage()).contains("\n  " + m.field()).contains("allowed: ");
                });
    }

    @Property(tries = 300)
    void anyInvalidFieldSet_stillRenders_asRawFields_inEveryLanguage(@ForAll("invalidMessages") Mutation m) {
        for (Language language : Language.values()) {
            RenderedMessage rendered = CATALOG.render(m.content(), language);
            assertThat(rendered.raw()).isTrue();
            assertThat(rendered.body()).contains(m.field());
        }
    }
}
