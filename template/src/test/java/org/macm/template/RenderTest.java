package org.macm.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.macm.core.log.MessageContent;

/** What the console learns from a rendering besides its text. */
class RenderTest {
    private final Catalog catalog = Catalog.builtIn();

    @Test
    void render_freeTextInAnotherLanguage_isShownAsWrittenAndFlaggedUntranslated() {
        RenderedMessage m = catalog.render(new MessageContent.FreeText("en", "Stand by."), Language.JA);
        assertThat(m.untranslated()).isTrue();
        assertThat(m.raw()).isFalse();
        assertThat(m.text()).isEqualTo("自由文\n\n［未翻訳・原文 英語］\nStand by.");
    }

    @Test
    void render_freeTextInTheReadersLanguage_isNotFlagged() {
        RenderedMessage m = catalog.render(new MessageContent.FreeText("zh-Hans", "收到。"), Language.ZH_HANS);
        assertThat(m.untranslated()).isFalse();
        assertThat(m.text()).isEqualTo("自由文本\n\n收到。");
    }

    @Test
    void render_formWithoutTextFields_isNotFlaggedUntranslated() {
        RenderedMessage m = catalog.render(
                new MessageContent.Template("link-test", 1, Golden.fields("link-test.v1")), Language.EN);
        assertThat(m.untranslated()).isFalse();
        assertThat(m.raw()).isFalse();
    }

    @Test
    void render_unknownForm_isNeverDropped_butShownRawAndFlagged() {
        ObjectNode fields = Golden.fields("link-test.v1");
        RenderedMessage m = catalog.render(new MessageContent.Template("link-check", 1, fields), Language.EN);
        assertThat(m.raw()).isTrue();
        assertThat(m.title()).isEqualTo("Unknown form link-check version 1");
        assertThat(m.body()).contains("testNumber: 2417", "sent: \"2026-11-29T15:00:00Z\"");
    }

    @Test
    void render_optionalFieldAbsent_leavesOutItsWholeLine() {
        ObjectNode fields = Golden.fields("link-test.v1");
        fields.remove("replyBy");
        RenderedMessage m = catalog.render(new MessageContent.Template("link-test", 1, fields), Language.ZH_HANS,
                ZoneId.of("Asia/Shanghai"));
        assertThat(m.body()).isEqualTo("""
                线路测试（第2417号）。
                发出时间：291500Z NOV 26（北京时间 2026年11月29日23时00分）
                收到本电后，请以线路测试答复告知。""");
    }

    @Test
    void render_textWithAParagraphBreak_showsItAsWritten_blankLineIncluded() {
        ObjectNode fields = Golden.fields("encounter-notice.v1");
        fields.putObject("remarks").put("lang", "en").put("text", "Passed astern twice.\n\nNo reply on channel 16.");
        RenderedMessage m = catalog.render(new MessageContent.Template("encounter-notice", 1, fields), Language.EN);
        assertThat(m.raw()).isFalse();
        assertThat(m.body()).contains("\nRemarks: Passed astern twice.\n\nNo reply on channel 16.\n");
    }

    @Test
    void render_defaultZones_areJstForJapanese_beijingTimeForChinese_utcForEnglish() {
        assertThat(Language.JA.defaultZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(Language.ZH_HANS.defaultZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(Language.EN.defaultZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(Language.fromTag("zh-hans")).contains(Language.ZH_HANS);
        assertThat(Language.fromTag("fr")).isEmpty();
    }
}
