package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.crypto.Fingerprint;
import org.macm.core.log.Body;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.template.Catalog;
import org.macm.template.Language;
import org.macm.template.RenderedMessage;

/**
 * {@code macm transcript}: a real exchange between two pinned stations (messages both ways,
 * receipts, acknowledgements, a link test, a link-parameters announcement), exported by each
 * station and written as one HTML page per language that shows every message rendered, its
 * answers, both fingerprints and the command that verifies the exports again; the peer's text
 * is escaped; a tampered export gives no page.
 */
class TranscriptCommandTest {
    private static final String SCRIPT = "<script>alert('owned')</script><b onclick=\"x()\">bold</b> & <img src=x>";
    private static final Catalog CATALOG = Catalog.builtIn();

    @TempDir
    static Path tmp;

    private static StationPair pair;
    private static Path jpExport;
    private static Path cnExport;
    private static String jpKey;
    private static String cnKey;
    private static MessageContent.Template callback;
    private static SignedEntry flash;
    private static SignedEntry chinese;
    private static SignedEntry parameters;

    private static Body message(Precedence p, MessageContent content) {
        return new Body.Message(p, content);
    }

    @BeforeAll
    static void exchange() {
        pair = StationPair.create(tmp.resolve("pair"));
        ObjectNode fields = JsonMapper.builder().build().createObjectNode();
        fields.put("subject", "incident").put("means", "hotline-voice");
        fields.putObject("remarks").put("lang", "en").put("text", "Call on the hotline at once.");
        callback = CATALOG.message("callback-request", fields);
        try (StationPair.Opened open = pair.open(Clock.systemUTC())) {
            Station jp = open.jp();
            Station cn = open.cn();
            LinkParameters shorter = new LinkParameters(Map.of(Precedence.FLASH, Duration.ofMinutes(3),
                    Precedence.IMMEDIATE, Duration.ofMinutes(20), Precedence.PRIORITY, Duration.ofHours(2),
                    Precedence.ROUTINE, Duration.ofHours(6)));
            parameters = cn.write(JP, message(Precedence.ROUTINE, shorter.template()));
            flash = jp.write(CN, message(Precedence.FLASH, new MessageContent.FreeText("en", SCRIPT)));
            jp.write(CN, message(Precedence.IMMEDIATE, callback));
            jp.write(CN, new Body.LinkTest(Instant.now(), true));
            deliver(jp, cn);
            chinese = cn.write(JP, message(Precedence.PRIORITY, new MessageContent.FreeText("zh-Hans", "贵舰请说明意图。")));
            cn.acknowledge(JP, flash.seq(), "王浩 中校", Optional.of("已阅，<i>正在</i>处理"));
            cn.acknowledge(JP, 3, "王浩 中校", Optional.empty());
            deliver(jp, cn);
            jp.acknowledge(CN, chinese.seq(), "佐藤 健二 二佐", Optional.empty());
            deliver(jp, cn);
            deliver(jp, cn);
        }
        jpExport = tmp.resolve("jp-mod.jsonl");
        cnExport = tmp.resolve("cn-mnd.jsonl");
        assertThat(CliRun.run("export", "--dir", pair.jp().dir().toString(), "--link", "cn-mnd", "--out", jpExport.toString())
                .exitCode()).isZero();
        assertThat(CliRun.run("export", "--dir", pair.cn().dir().toString(), "--link", "jp-mod", "--out", cnExport.toString())
                .exitCode()).isZero();
        jpKey = pair.jp().identity().toString();
        cnKey = pair.cn().identity().toString();
    }

    private static void deliver(Station jp, Station cn) {
        cn.receive(JP, jp.store().read(jp.ownLog(CN), 1, 1000));
        jp.receive(CN, cn.store().read(cn.ownLog(JP), 1, 1000));
    }

    private static String transcript(Language language) throws Exception {
        Path out = tmp.resolve("transcript-" + language.tag() + ".html");
        CliRun r = CliRun.run("transcript", jpExport.toString(), cnExport.toString(), "--key", jpKey, "--key", cnKey,
                "--lang", language.tag(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Transcript of link cn-mnd~jp-mod (3 messages, 1 link test, "
                + (Files.readAllLines(jpExport).size() + Files.readAllLines(cnExport).size()) + " entries, in "
                + language.tag() + ") written to " + out + "\n");
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** What jte writes for text inside an element: the page must show the peer's words, never run them. */
    private static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void showsEveryMessageReceiptAckFingerprintAndTheVerifyCommand(String html, Language language) {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + language.tag() + "\">");
        // Each message rendered in the page's language, with its original.
        RenderedMessage form = CATALOG.render(callback, language);
        assertThat(html).contains(escaped(form.title()));
        for (String line : form.body().lines().toList()) {
            assertThat(html).contains(escaped(line));
        }
        assertThat(html).contains("<td class=\"field-name\">subject</td><td class=\"peer-text\" dir=\"auto\">incident</td>");
        assertThat(html).contains("lang=\"zh-Hans\">贵舰请说明意图。</div>");
        assertThat(html).contains(escaped(SCRIPT));
        // Both keys' fingerprints, identity and signing key.
        for (var station : List.of(JP, CN)) {
            var identity = pair.identity(station);
            assertThat(html).contains(identity.fingerprint().text())
                    .contains(Fingerprint.of("ed25519", identity.signingKey().toBytes()).text());
        }
        // The command that verifies the two exports again.
        assertThat(html).contains("<pre class=\"command\"><code>macm verify " + jpExport + " " + cnExport + " --key " + jpKey
                + " --key " + cnKey + "</code></pre>");
        // Acknowledgements with the officer's signed name and remark; every entry's seq and full hash.
        assertThat(html).contains("王浩 中校").contains("佐藤 健二 二佐").contains(escaped("已阅，<i>正在</i>处理"));
        assertThat(html).contains(flash.hash().hex()).contains(chinese.hash().hex());
        // The announcement shown as parameters, not as a message.
        String announcement = article(html, parameters.hash().hex());
        assertThat(announcement).startsWith("<article class=\"item parameters\">").contains("3 min").contains("20 min")
                .contains("2 h").doesNotContain("class=\"item message");
    }

    /** The article of the item whose entry has {@code hash}. */
    private static String article(String html, String hash) {
        int at = html.indexOf("<code class=\"hash\">" + hash + "</code>");
        assertThat(at).as("an item for " + hash).isPositive();
        int start = html.lastIndexOf("<article", at);
        return html.substring(start, html.indexOf("</article>", at));
    }

    @Test
    void transcriptInJapanese_rendersEachMessage_withReceiptsAcksFingerprintsAndTheVerifyCommand() throws Exception {
        String html = transcript(Language.JA);
        showsEveryMessageReceiptAckFingerprintAndTheVerifyCommand(html, Language.JA);
        String flashItem = article(html, flash.hash().hex());
        assertThat(flashItem).contains(">FLASH<").contains("jp-mod → cn-mnd").contains("受領通知</dt>")
                .containsPattern("cn-mnd 通番 \\d+ · 20\\d\\d-").contains("王浩 中校")
                .contains("自由文、原文のまま表示（言語 en、翻訳なし）");
        assertThat(html).contains("リンク cn-mnd~jp-mod の記録").contains("回線試験（当直幹部が受領確認）");
        assertThat(article(html, chinese.hash().hex())).contains("受領通知</dt>").contains("jp-mod 通番");
    }

    @Test
    void transcriptInChinese_rendersEachMessage_withReceiptsAcksFingerprintsAndTheVerifyCommand() throws Exception {
        String html = transcript(Language.ZH_HANS);
        showsEveryMessageReceiptAckFingerprintAndTheVerifyCommand(html, Language.ZH_HANS);
        assertThat(article(html, flash.hash().hex())).contains("回执</dt>").containsPattern("cn-mnd 序号 \\d+ · 20\\d\\d-");
        assertThat(html).contains("链路 cn-mnd~jp-mod 的记录").contains("链路参数");
    }

    @Test
    void transcriptInEnglish_rendersEachMessage_withReceiptsAcksFingerprintsAndTheVerifyCommand() throws Exception {
        String html = transcript(Language.EN);
        showsEveryMessageReceiptAckFingerprintAndTheVerifyCommand(html, Language.EN);
        assertThat(article(html, flash.hash().hex())).contains("Receipt</dt>").containsPattern("cn-mnd seq \\d+ · 20\\d\\d-")
                .contains("Acknowledgements</dt>");
        assertThat(html).contains("Transcript of link cn-mnd~jp-mod").contains("Every entry of both logs");
    }

    @Test
    void thePeersText_isEscaped_andThePageRunsNothingAndFetchesNothing() throws Exception {
        String html = transcript(Language.EN);
        assertThat(html).doesNotContain("<script").doesNotContain("<b onclick").doesNotContain("<img")
                .doesNotContain("<i>正在").doesNotContainPattern("<[a-z]+[^<>]*\\s(src|href)=").doesNotContain("url(")
                .doesNotContain("@import").doesNotContain("http://").doesNotContain("https://");
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; "
                + "style-src &#39;sha256-");
        assertThat(html).contains("@media print");
    }

    @Test
    void aTamperedExport_givesAClearErrorAndNoFile() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(jpExport));
        String line = lines.get(0);
        String entry = line.substring(line.indexOf(":\"") + 2, line.indexOf("\","));
        String said = new String(Base64.getDecoder().decode(entry), StandardCharsets.UTF_8);
        assertThat(said).contains("FLASH");
        lines.set(0, line.replace(entry, Base64.getEncoder().encodeToString(
                said.replace("FLASH", "ROUTINE").getBytes(StandardCharsets.UTF_8))));
        Path tampered = tmp.resolve("tampered.jsonl");
        Files.write(tampered, lines);
        Path out = tmp.resolve("never.html");
        CliRun r = CliRun.run("transcript", tampered.toString(), cnExport.toString(), "--key", jpKey, "--key", cnKey,
                "--lang", "en", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).startsWith("macm: the exports do not verify, so no transcript was written: " + tampered
                + " line 1 (seq 1): [C-SIGNATURE] entry seq 1: signature does not verify");
        assertThat(out).doesNotExist();
        assertThat(tmp.resolve(".never.html.part")).doesNotExist();
    }
}
