package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.EntryKind;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.link.LinkState;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import org.macm.station.run.StationRuntime;
import org.macm.template.Catalog;
import org.macm.template.Language;

/**
 * The Traffic and Message pages and the console's acknowledgement, over HTTP against two real
 * stations on loopback: cn-mnd's officer (zh-Hans) reads what jp-mod sends, acknowledges it in
 * their own name, and jp-mod's officer (ja) sees that within a second; whatever the peer sends
 * is shown escaped; an arriving FLASH raises an alarm on the list and the event stream.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ConsoleTrafficTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String HOSTILE = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> javascript:alert(1) "
            + "\u202Eexe.txt ";
    private static final String LONG_LINE = "A".repeat(10_000);

    @TempDir
    static Path tmp;

    private static StationRuntime cn;
    private static StationRuntime jp;
    private static ConsoleClient wang;
    private static ConsoleClient sato;

    @BeforeAll
    static void start() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        officer(s.cn(), "wang", "Lt Col Wang Hao", Language.ZH_HANS);
        officer(s.jp(), "sato", "Cdr Sato Kenji", Language.JA);
        s.write(s.listening(CN, loopback(0)));
        cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test");
        s.write(s.dialling(JP, loopback(cn.linkPorts().get(0))));
        jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test");
        await("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state() == LinkState.UP);
        wang = new ConsoleClient(cn.consoleUrl()).signedIn("wang", PASSWORD);
        sato = new ConsoleClient(jp.consoleUrl()).signedIn("sato", PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (jp != null) {
            jp.close();
        }
        if (cn != null) {
            cn.close();
        }
    }

    private static void officer(StationLayout layout, String name, String display, Language language) {
        try (Password p = Password.of(PASSWORD.toCharArray())) {
            new OfficerRegistry(layout, Clock.systemUTC(), new SecureRandom()).add(name, display, Role.DUTY,
                    Optional.of(language), p);
        }
    }

    /** {@code from} writes {@code body} to the other station, which holds it when this returns. */
    private static SignedEntry send(StationRuntime from, StationRuntime to, Body body) throws InterruptedException {
        SignedEntry e = from.station().write(to.station().id(), body);
        await("delivery of seq " + e.seq(), Duration.ofSeconds(10),
                () -> to.station().store().get(to.station().peerLog(from.station().id()), e.seq()).isPresent());
        return e;
    }

    private static String id(StationId author, SignedEntry e) {
        return author + "/" + e.seq();
    }

    /** The table row of message {@code id} on a traffic page. */
    private static String row(String html, String id) {
        int at = html.indexOf("data-id=\"" + id + "\"");
        assertThat(at).as("a row for " + id).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    private static ObjectNode callbackFields(String remarks) {
        ObjectNode f = JsonMapper.builder().build().createObjectNode();
        f.put("subject", "incident").put("means", "hotline-voice");
        f.putObject("remarks").put("lang", "en").put("text", remarks);
        return f;
    }

    private static MessageContent.Template callback(String remarks) {
        return Catalog.builtIn().message("callback-request", callbackFields(remarks));
    }

    @Test
    void trafficPage_listsThePeersMessage_withPrecedenceStateAndCountdown_andLinkTestsApart() throws Exception {
        SignedEntry flash = send(jp, cn, new Body.Message(Precedence.FLASH,
                new MessageContent.FreeText("en", "Request your intentions.")));
        String id = id(JP, flash);

        String page = wang.get("/").body();
        String row = row(page, id);
        assertThat(row).contains("class=\"p-flash", ">FLASH<", "来自 jp-mod", "lang=\"en\"", "dir=\"auto\"",
                "Request your intentions.", "剩余 ");
        assertThat(row).containsAnyOf("已接收", "已回执");
        assertThat(page).contains("与 jp-mod 的线路", "hx-get=\"/traffic/rows\"", "every 15s", "sse:traffic from:body");

        String messages = page.substring(page.indexOf("id=\"messages\""), page.indexOf("id=\"tests\""));
        String tests = page.substring(page.indexOf("id=\"tests\""));
        assertThat(messages).as("link tests are not listed among messages").doesNotContain("线路测试（");
        assertThat(tests).contains("线路测试（");

        String sent = row(sato.get("/traffic/rows").body(), id);
        assertThat(sent).contains("cn-mnd へ", "p-flash").containsAnyOf("送信済", "受領通知済");
    }

    @Test
    void messagePage_showsTheFormInTheOfficersLanguage_theOtherLanguagesBeside_itsFieldsHashAndSeq() throws Exception {
        SignedEntry e = send(jp, cn, new Body.Message(Precedence.FLASH, callback("Call us on the hotline now.")));
        String id = id(JP, e);

        ConsoleClient.Answer page = wang.get("/messages/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("紧急通话请求", "直接通話の要請", "Request for immediate communication",
                "callback-request v1", "class=\"seq\">" + e.seq() + "<", e.hash().hex(), ">subject<", ">incident<",
                ">remarks<", "lang=\"en\"", "Call us on the hotline now.", "action=\"/messages/" + id + "/ack\"",
                "本站将以您的名义签署此确认：Lt Col Wang Hao", "尚未确认");
        assertThat(row(wang.get("/").body(), id)).as("a form is listed by its title in the officer's language")
                .contains("紧急通话请求");

        assertThat(wang.get("/messages/jp-mod/999999").status()).isEqualTo(404);
        assertThat(wang.get("/messages/jp-mod/999999").body()).contains("本站没有电报 jp-mod/999999");
        for (String bad : List.of("/nosuch", "/messages/jp-mod", "/messages/jp-mod/abc", "/messages/JP%20MOD/1", "/messages/x/1/2")) {
            ConsoleClient.Answer p = wang.get(bad);
            assertThat(p.status()).as(bad).isEqualTo(404);
            assertThat(p.body()).as(bad).containsAnyOf("没有这个页面", "本站没有电报").doesNotContain("Exception");
        }
    }

    @Test
    void ack_signsTheOfficersDisplayName_recordsTheAccount_isRefusedTwice_andThePeerSeesItWithin1s() throws Exception {
        SignedEntry e = send(jp, cn, new Body.Message(Precedence.IMMEDIATE,
                new MessageContent.FreeText("ja", "貴艦の意図を知らせ。")));
        String id = id(JP, e);

        ConsoleClient.Answer acked = wang.post("/messages/" + id + "/ack",
                Map.of("remark", "已阅，稍后答复。", "officer", "Mallory"));
        long sentAt = System.nanoTime();
        assertThat(acked.status()).isEqualTo(303);
        assertThat(acked.location()).contains("/messages/" + id);

        await("jp-mod's traffic rows to show the acknowledgement", Duration.ofSeconds(1),
                () -> row(sato.get("/traffic/rows").body(), id).contains("Lt Col Wang Hao"));
        long ms = (System.nanoTime() - sentAt) / 1_000_000;
        System.out.println("ack seen on the peer's console after " + ms + " ms");
        assertThat(row(sato.get("/").body(), id)).contains("受領確認済", "確認者 Lt Col Wang Hao");

        SignedEntry ack = lastAck(cn);
        Body.Acknowledgement body = (Body.Acknowledgement) ack.entry().body();
        assertThat(body.officer()).as("signed with the display name, never a name from the form").isEqualTo("Lt Col Wang Hao");
        assertThat(body.remark()).contains("已阅，稍后答复。");
        assertThat(body.message().seq()).isEqualTo(e.seq());

        Path audit = cn.station().layout().dir().resolve("console-audit.jsonl");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(audit))).isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(audit);
        JsonNode line = JsonMapper.builder().build().readTree(lines.get(lines.size() - 1));
        assertThat(line.path("account").asText()).isEqualTo("wang");
        assertThat(line.path("display").asText()).isEqualTo("Lt Col Wang Hao");
        assertThat(line.path("action").asText()).isEqualTo("ack");
        assertThat(line.path("entry").asText()).isEqualTo(id);
        assertThat(line.path("ack").asText()).isEqualTo("cn-mnd/" + ack.seq());
        assertThat(line.path("time").asText()).isNotEmpty();

        String shown = wang.get("/messages/" + id).body();
        assertThat(shown).contains("已确认", "Lt Col Wang Hao", "已阅，稍后答复。", "cn-mnd/" + ack.seq())
                .doesNotContain("action=\"/messages/" + id + "/ack\"");

        ConsoleClient.Answer twice = wang.post("/messages/" + id + "/ack", Map.of("remark", "again"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("已由 Lt Col Wang Hao 于", "未签署任何内容");
        assertThat(lastAck(cn).seq()).as("nothing signed the second time").isEqualTo(ack.seq());
        assertThat(Files.readAllLines(audit)).hasSameSizeAs(lines);

        ConsoleClient.Answer own = sato.post("/messages/" + id + "/ack", Map.of());
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body()).contains("この通報は本ステーションが送信したものです");
    }

    private static SignedEntry lastAck(StationRuntime r) {
        var s = r.station();
        long head = s.store().head(s.ownLog(JP)).seq();
        return s.store().read(s.ownLog(JP), 1, (int) head).stream().filter(x -> x.entry().kind() == EntryKind.ACK)
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void peerText_scriptsTagsLinksRtlOverridesAndLongLines_areShownEscaped_onTrafficAndMessagePages() throws Exception {
        String text = HOSTILE + LONG_LINE;
        SignedEntry free = send(jp, cn, new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en", text)));
        // Signed as a hostile peer would: not validated against the form (its remarks are too long for it).
        SignedEntry form = send(jp, cn, new Body.Message(Precedence.ROUTINE,
                new MessageContent.Template("callback-request", 1, callbackFields(text))));
        SignedEntry ours = send(cn, jp, new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("zh-Hans", "收到。")));
        SignedEntry peerAck = jp.station().acknowledge(CN, ours.seq(), "<img src=x onerror=alert(2)>", Optional.of(text));
        await("jp-mod's acknowledgement at cn-mnd", Duration.ofSeconds(10),
                () -> cn.station().store().get(cn.station().peerLog(JP), peerAck.seq()).isPresent());

        for (String path : List.of("/", "/traffic/rows", "/messages/" + id(JP, free), "/messages/" + id(JP, form),
                "/messages/" + id(CN, ours))) {
            String html = wang.get(path).body();
            assertThat(html).as(path).doesNotContain("<script>alert", "<img src=x", "href=\"javascript:")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                            "javascript:alert(1)", LONG_LINE);
            int rtl = html.indexOf('\u202E');
            assertThat(rtl).as(path + " shows the RTL override as written").isPositive();
            int opened = html.lastIndexOf("dir=\"auto\"", rtl);
            int closed = Math.max(html.lastIndexOf("</td>", rtl), html.lastIndexOf("</div>", rtl));
            assertThat(opened).as(path + ": the text is inside an element with dir=auto").isGreaterThan(closed);
        }
        assertThat(wang.get("/messages/" + id(CN, ours)).body()).contains("&lt;img src=x onerror=alert(2)&gt;");
        assertThat(row(wang.get("/").body(), id(CN, ours))).contains("&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<img");
    }

    @Test
    void flashFromThePeer_raisesAnAlarm_onTheListAndTheEventStreamWithin1s_untilDismissed() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        int before = cn.console().events().connected();
        CompletableFuture<HttpResponse<Stream<String>>> stream = wang.lines("/events");
        Thread reader = Thread.ofVirtual().start(() -> {
            try (Stream<String> s = stream.join().body()) {
                s.forEach(lines::add);
            } catch (RuntimeException e) {
                // The stream ends when the test is over.
            }
        });
        try {
            await("the event stream to connect", Duration.ofSeconds(5), () -> cn.console().events().connected() > before,
                    () -> stream.isDone() ? "answered " + stream.join().statusCode() + " " + stream.join().headers().map()
                            : "no answer yet");
            lines.clear();
            long start = System.nanoTime();
            SignedEntry flash = jp.station().write(CN, new Body.Message(Precedence.FLASH,
                    new MessageContent.FreeText("en", "Collision imminent.")));
            String seen = null;
            long deadline = start + Duration.ofSeconds(1).toNanos();
            while (seen == null && System.nanoTime() < deadline) {
                String l = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (l != null && l.equals("event: alarm")) {
                    seen = l;
                }
            }
            System.out.println("alarm event on the stream after " + (System.nanoTime() - start) / 1_000_000 + " ms");
            assertThat(seen).as("an alarm event on /events within 1 s").isNotNull();

            String href = "/messages/" + id(JP, flash);
            String alarms = wang.get("/alarms").body();
            assertThat(alarms).contains("来自 jp-mod 的 FLASH 电报", "href=\"" + href + "\"", "确认并关闭");
            assertThat(wang.get("/").body()).as("every page's banner shows it").contains("href=\"" + href + "\"");

            ConsoleClient.Answer dismissed = wang.post("/alarms/" + alarmId(alarms, href) + "/dismiss", Map.of());
            assertThat(dismissed.status()).isEqualTo(303);
            assertThat(wang.get("/alarms").body()).doesNotContain("href=\"" + href + "\"");

            SignedEntry second = jp.station().write(CN, new Body.Message(Precedence.FLASH,
                    new MessageContent.FreeText("en", "Second call.")));
            String href2 = "/messages/" + id(JP, second);
            await("the second alarm", Duration.ofSeconds(5), () -> wang.get("/alarms").body().contains(href2));
            ConsoleClient.Answer byHtmx = wang.post("/alarms/" + alarmId(wang.get("/alarms").body(), href2) + "/dismiss",
                    Map.of(), Map.of("HX-Request", "true"));
            assertThat(byHtmx.status()).as("htmx gets the banner without the dismissed alarm at once").isEqualTo(200);
            assertThat(byHtmx.body()).doesNotContain(href2);
            assertThat(wang.get("/alarms").body()).doesNotContain(href2);
        } finally {
            if (!stream.cancel(true)) {
                stream.join().body().close();
            }
            reader.interrupt();
        }
    }

    private static String alarmId(String alarms, String href) {
        Matcher m = Pattern.compile("data-alarm=\"(\\d+)\">\\s*<a href=\"" + Pattern.quote(href) + "\"").matcher(alarms);
        assertThat(m.find()).as("an alarm linking to " + href).isTrue();
        return m.group(1);
    }
}
