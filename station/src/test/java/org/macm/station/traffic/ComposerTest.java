package org.macm.station.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.station.cli.TemplateCommandTest;
import org.macm.template.Catalog;

/** Composing: the default precedence of each way of sending, the officer's precedence over it, and the refusals. */
class ComposerTest {
    private final Composer composer = new Composer(Catalog.builtIn(), Optional.empty());

    private static ObjectNode noticeFields() throws Exception {
        return (ObjectNode) JsonMapper.builder().build().readTree(TemplateCommandTest.FIELDS);
    }

    @Test
    void freeText_isRoutineByDefault_andTheOfficersPrecedenceWins() {
        Composer.Composed plain = composer.freeText("Request your intentions.", "en", Optional.empty());
        assertThat(plain.precedence()).isEqualTo(Precedence.ROUTINE);
        assertThat(plain.content()).isEqualTo(new MessageContent.FreeText("en", "Request your intentions."));
        assertThat(composer.freeText("x", "zh-Hans", Optional.of(Precedence.FLASH)).precedence()).isEqualTo(Precedence.FLASH);
    }

    @Test
    void template_takesTheFormsPrecedenceByDefault() throws Exception {
        Precedence form = Catalog.builtIn().latest("encounter-notice").orElseThrow().precedence();
        assertThat(composer.template("encounter-notice", noticeFields(), Optional.empty()).precedence()).isEqualTo(form);
        assertThat(composer.template("encounter-notice", noticeFields(), Optional.of(Precedence.PRIORITY)).precedence())
                .isEqualTo(Precedence.PRIORITY);
    }

    @Test
    void refusals_sayWhatIsWrongAndWhatToDo() throws Exception {
        assertThatThrownBy(() -> composer.draft("a1", Optional.empty())).isInstanceOf(ComposeException.class)
                .hasMessage("this station runs no encounter watch ([watch] in station.toml), so it has no drafts");
        assertThatThrownBy(() -> composer.template("encounter-notise", noticeFields(), Optional.empty()))
                .hasMessage("no form 'encounter-notise' in the catalog; see 'macm template list'")
                .satisfies(e -> assertThat(((ComposeException) e).notFound()).isFalse());
        assertThatThrownBy(() -> composer.freeText("x", "english!", Optional.empty())).isInstanceOf(ComposeException.class)
                .hasMessage("'english!' is not a language tag such as en, ja or zh-Hans");
    }
}
