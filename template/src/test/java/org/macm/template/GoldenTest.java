package org.macm.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.macm.core.log.MessageContent;

/**
 * Every form in every language, rendered from a realistic East China Sea field set, compared
 * with the committed golden files. Regenerate with
 * {@code ./mvnw -pl template test -Dtest=GoldenTest -Dmacm.golden.update=true}.
 */
class GoldenTest {
    private final Catalog catalog = Catalog.builtIn();

    @Test
    void everyForm_hasAGoldenFieldSet_thatTheCatalogAccepts() {
        for (Form form : catalog.forms()) {
            String name = form.id() + ".v" + form.version();
            assertThat(Golden.hasFields(name)).as("golden/fields/%s.json", name).isTrue();
            catalog.validate(new MessageContent.Template(form.id(), form.version(), Golden.fields(name)));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyForm_rendersAsItsGoldenFile_inEveryLanguage() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Form form : catalog.forms()) {
            String name = form.id() + ".v" + form.version();
            for (Language language : Language.values()) {
                tests.add(DynamicTest.dynamicTest(name + " " + language.tag(), () -> {
                    MessageContent.Template content =
                            new MessageContent.Template(form.id(), form.version(), Golden.fields(name));
                    RenderedMessage m = catalog.render(content, language);
                    assertThat(m.raw()).isFalse();
                    Golden.check(name + "." + language.tag() + ".txt",
                            Golden.show(form.key(), m, language.defaultZone().getId()));
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> freeTextContent_rendersAsWritten_markedUntranslated() {
        MessageContent.FreeText text = new MessageContent.FreeText("zh-Hans",
                "我舰将于今晚20时前驶离该海域。\n请贵方注意航行安全。");
        return Stream.of(Language.values()).map(language -> DynamicTest.dynamicTest(language.tag(), () ->
                Golden.check("free-text-content." + language.tag() + ".txt",
                        Golden.show("MessageContent.FreeText zh-Hans", catalog.render(text, language),
                                language.defaultZone().getId()))));
    }

    @TestFactory
    Stream<DynamicTest> unknownFormVersion_rendersAsRawFields_clearlyMarked() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("time", "2026-11-29T03:38:00Z");
        fields.putObject("position").put("lat", 29.81).put("lon", 125.29);
        fields.put("weather", "sea state 4");
        MessageContent.Template content = new MessageContent.Template("encounter-notice", 2, fields);
        return Stream.of(Language.values()).map(language -> DynamicTest.dynamicTest(language.tag(), () ->
                Golden.check("unknown-form." + language.tag() + ".txt",
                        Golden.show("encounter-notice v2 (not in catalog)", catalog.render(content, language),
                                language.defaultZone().getId()))));
    }

    @TestFactory
    Stream<DynamicTest> fieldsThatDoNotFitTheForm_renderAsRawFields_withTheProblems() {
        ObjectNode fields = Golden.fields("link-test.v1");
        fields.put("sent", "29 Nov 2026 15:00");
        MessageContent.Template content = new MessageContent.Template("link-test", 1, fields);
        return Stream.of(Language.values()).map(language -> DynamicTest.dynamicTest(language.tag(), () ->
                Golden.check("invalid-fields." + language.tag() + ".txt",
                        Golden.show("link-test v1 with a bad field", catalog.render(content, language),
                                language.defaultZone().getId()))));
    }

    @Test
    void englishReaderInTokyo_seesJstBesideTheDtg() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        RenderedMessage m = catalog.render(new MessageContent.Template("link-test", 1, Golden.fields("link-test.v1")),
                Language.EN, tokyo);
        Golden.check("link-test.v1.en-Asia-Tokyo.txt", Golden.show("link-test v1", m, tokyo.getId()));
    }
}
