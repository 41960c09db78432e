package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.station.cli.CliRun;
import org.macm.template.Language;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PrintOptions;

/**
 * A transcript opens in a real browser from the file alone, with its own style and nothing
 * refused by its Content-Security-Policy, shows Japanese and Chinese text, and prints to PDF:
 * the smoke test of "a page a person can read and attach".
 */
class TranscriptBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void aJapaneseTranscript_opensFromTheFile_withItsStyleAndNoRefusal_andPrintsToPdf() throws Exception {
        StationPair pair = StationPair.create(tmp.resolve("pair"));
        try (StationPair.Opened open = pair.open(Clock.systemUTC())) {
            Station jp = open.jp();
            Station cn = open.cn();
            SignedEntry ja = jp.write(CN, new Body.Message(Precedence.FLASH, new MessageContent.FreeText("ja", "貴艦の意図を知らせよ。")));
            cn.receive(JP, jp.store().read(jp.ownLog(CN), 1, 100));
            cn.acknowledge(JP, ja.seq(), "王浩 中校", Optional.of("收到。"));
            cn.write(JP, new Body.Message(Precedence.IMMEDIATE, new MessageContent.FreeText("zh-Hans", "我舰正在离开该海域。")));
            jp.receive(CN, cn.store().read(cn.ownLog(JP), 1, 100));
            cn.receive(JP, jp.store().read(jp.ownLog(CN), 1, 100));
        }
        Path jpExport = tmp.resolve("jp.jsonl");
        Path cnExport = tmp.resolve("cn.jsonl");
        assertThat(CliRun.run("export", "--dir", pair.jp().dir().toString(), "--link", "cn-mnd", "--out", jpExport.toString())
                .exitCode()).isZero();
        assertThat(CliRun.run("export", "--dir", pair.cn().dir().toString(), "--link", "jp-mod", "--out", cnExport.toString())
                .exitCode()).isZero();
        Path page = tmp.resolve("transcript.html");
        CliRun made = CliRun.run("transcript", jpExport.toString(), cnExport.toString(), "--key", pair.jp().identity().toString(),
                "--key", pair.cn().identity().toString(), "--lang", "ja", "--out", page.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();

        try (Chromium browser = Chromium.start(Language.JA)) {
            browser.driver().get(page.toUri().toString());
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("リンク cn-mnd~jp-mod の記録");
            assertThat(browser.driver().findElement(By.cssSelector("article.p-FLASH")).getCssValue("border-left-color"))
                    .as("the page's own style applies (its CSP names it by hash)").isEqualTo("rgba(187, 0, 0, 1)");
            assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("貴艦の意図を知らせよ。")
                    .contains("我舰正在离开该海域。").contains("王浩 中校");
            assertThat(browser.consoleErrors()).as("nothing refused, nothing fetched").isEmpty();
            browser.screenshot("transcript-ja");
            Pdf pdf = ((PrintsPage) browser.driver()).print(new PrintOptions());
            byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
            assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            Files.write(Chromium.SCREENSHOTS.resolve("transcript-ja.pdf"), bytes);
            Files.copy(page, Chromium.SCREENSHOTS.resolve("transcript-ja.html"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
