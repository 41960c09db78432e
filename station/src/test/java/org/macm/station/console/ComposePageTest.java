package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;
import static org.macm.testkit.Await.awaitValue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.link.LinkState;
import org.macm.station.Station;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.demo.ScenarioGenerator;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import org.macm.station.run.StationRuntime;
import org.macm.template.Language;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Compose page over HTTP, on a real pair of stations on loopback: an officer of jp-mod
 * (reading Japanese) logs in with a real client and cookies, fills a form or writes free text,
 * previews it in the languages of the link and sends it; cn-mnd receives it. What the officer
 * types is checked by the catalog as {@code macm template validate} checks it, and shown
 * escaped.
 */
class ComposePageTest {
    private static final String HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

    @TempDir
    Path tmp;

    @FunctionalInterface
    private interface Linked {
        void run(StationRuntime jp, StationRuntime cn, ConsoleClient officer) throws Exception;
    }

    /** jp-mod dials cn-mnd; Cdr Sato (duty, Japanese) is logged in to jp-mod's console. */
    private void linked(String watch, Linked body) throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        s.write(s.listening(CN, loopback(0)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC())) {
            s.write(s.dialling(JP, loopback(cn.linkPorts().get(0))));
            Files.writeString(s.jp().config(), Files.readString(s.jp().config()) + watch);
            addOfficer(s.jp(), "sato", "Cdr Sato", Language.JA);
            try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC())) {
                awaitValue("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state(),
                        LinkState.UP::equals);
                body.run(jp, cn, new ConsoleClient(jp.consoleUrl()).signedIn("sato", "correct horse battery"));
            }
        }
    }

    private static void addOfficer(StationLayout layout, String name, String display, Language language) {
        new OfficerRegistry(layout, Clock.systemUTC(), new SecureRandom()).add(name, display, Role.DUTY,
                Optional.of(language), Password.of("correct horse battery".toCharArray()));
    }

    private static long ownHead(Station station) {
        return station.store().head(station.ownLog(CN)).seq();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void composePage_listsTheCatalogsForms_inTheOfficersLanguage_andPreselectsTheOnlyPeer() throws Exception {
        linked("", (jp, cn, officer) -> {
            ConsoleClient.Answer page = officer.get("/compose");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>通報作成</h1>")
                    .contains("<option value=\"encounter-notice\">不慮の遭遇に関する通報 (encounter-notice)</option>")
                    .contains("<option value=\"cn-mnd\" selected>cn-mnd</option>")
                    .contains("<option value=\"ja\" selected>日本語 (ja)</option>")
                    .contains("<script src=\"/assets/compose.js\" defer></script>");

            ConsoleClient.Answer form = officer.get("/compose?template=encounter-notice");
            assertThat(form.body()).contains("<h2>不慮の遭遇に関する通報 · encounter-notice v1</h2>")
                    .contains("<legend>位置 <abbr").contains("<span>緯度</span>")
                    .contains("name=\"f:position.lat\" type=\"number\" value=\"\" dir=\"auto\" min=\"-90\" max=\"90\"")
                    .contains("name=\"f:time\" type=\"datetime-local\"")
                    .contains("<select name=\"f:ownActivity\">").contains("<option value=\"patrol\">警戒監視</option>")
                    .contains("<option value=\"IMMEDIATE\" selected>IMMEDIATE（緊急）</option>");
            assertThat(officer.get("/assets/compose.js").body()).contains("sessionStorage");
        });
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void templateForm_withABadValue_showsTheCatalogsReasonNextToTheField_andSendsNothing() throws Exception {
        linked("", (jp, cn, officer) -> {
            long before = ownHead(jp.station());
            Map<String, String> fields = encounterNotice();
            fields.put("f:position.lat", "95");
            fields.put("f:ownUnits[0].mmsi", "41200");
            ConsoleClient.Answer sent = officer.post("/compose/send", fields);

            assertThat(sent.status()).isEqualTo(422);
            assertThat(fieldset(sent.body(), "position")).contains("<p class=\"field-error\" role=\"alert\">"
                    + "受け付けられません（様式の理由は英語で表示されます）: position.lat: is 95, out of range;");
            assertThat(fieldset(sent.body(), "ownUnits")).contains("ownUnits[0].mmsi: is \"41200\"; allowed: 9 digits (or leave it out)");
            assertThat(fieldset(sent.body(), "time")).doesNotContain("field-error");
            assertThat(sent.body()).as("what was typed stays in the form").contains("value=\"95\"");
            Thread.sleep(300);
            assertThat(ownHead(jp.station())).as("nothing written").isEqualTo(before);
        });
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void preview_showsTheMessageInJapaneseChineseAndEnglish_sideBySide_withAndWithoutScript() throws Exception {
        linked("", (jp, cn, officer) -> {
            long before = ownHead(jp.station());
            ConsoleClient.Answer fragment = officer.post("/compose/preview", encounterNotice(), Map.of("HX-Request", "true"));
            assertThat(fragment.status()).isEqualTo(200);
            assertThat(fragment.body()).doesNotContain("<html").contains("<article lang=\"ja\">")
                    .contains("<h4 dir=\"auto\">不慮の遭遇に関する通報</h4>")
                    .contains("<h4 dir=\"auto\">海上意外相遇通报</h4>")
                    .contains("<h4 dir=\"auto\">Notice of unplanned encounter</h4>")
                    .contains("我が方部隊：日本側 駆逐艦「JS KIRISAME」")
                    .contains("我方兵力：日方驱逐舰“JS KIRISAME”号");
            assertThat(fragment.body().indexOf("lang=\"ja\"")).isLessThan(fragment.body().indexOf("lang=\"zh-Hans\""));

            ConsoleClient.Answer page = officer.post("/compose/preview", encounterNotice());
            assertThat(page.body()).contains("<html").contains("data-restore=\"keep\"")
                    .contains("<h4 dir=\"auto\">海上意外相遇通报</h4>");
            assertThat(ownHead(jp.station())).as("a preview sends nothing").isEqualTo(before);
        });
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void send_writesExactlyOneEntry_thePeerReceivesIt_andTheBrowserGoesToTheMessage() throws Exception {
        linked("", (jp, cn, officer) -> {
            long before = ownHead(jp.station());
            Map<String, String> fields = encounterNotice();
            fields.put("precedence", "FLASH");
            ConsoleClient.Answer sent = officer.post("/compose/send", fields);

            long seq = before + 1;
            assertThat(sent.status()).isEqualTo(303);
            assertThat(sent.location()).isEqualTo("/messages/jp-mod/" + seq);
            assertThat(sent.setCookie("macm_compose_sent")).isNotEmpty();
            assertThat(ownHead(jp.station())).as("exactly one entry").isEqualTo(seq);
            assertThat(Files.readAllLines(jp.station().layout().dir().resolve(Console.AUDIT_FILE)))
                    .as("the account that sent it").anyMatch(l -> l.contains("\"account\":\"sato\"")
                            && l.contains("\"action\":\"send\"") && l.contains("\"entry\":\"jp-mod/" + seq + "\""));
            SignedEntry mine = jp.station().store().read(jp.station().ownLog(CN), seq, 1).get(0);
            Body.Message body = (Body.Message) mine.entry().body();
            assertThat(body.precedence()).isEqualTo(Precedence.FLASH);
            assertThat(((MessageContent.Template) body.content()).id()).isEqualTo("encounter-notice");
            assertThat(((MessageContent.Template) body.content()).fields().path("position").path("lat").asDouble())
                    .isEqualTo(27.5);

            await("cn-mnd to hold the message", Duration.ofSeconds(20),
                    () -> cn.station().store().head(cn.station().peerLog(JP)).seq() >= seq);
            assertThat(cn.station().store().read(cn.station().peerLog(JP), seq, 1).get(0).hash()).isEqualTo(mine.hash());
        });
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void send_withoutOrWithAWrongCsrfToken_isRefused403_andNothingIsWritten() throws Exception {
        linked("", (jp, cn, officer) -> {
            long before = ownHead(jp.station());
            Map<String, String> fields = freeText("Request your intentions.");
            ConsoleClient.Answer none = officer.postExactly("/compose/send", fields);
            fields.put("csrf", "not-the-token");
            ConsoleClient.Answer wrong = officer.postExactly("/compose/send", fields);

            assertThat(none.status()).isEqualTo(403);
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(none.body()).contains("CSRF");
            Thread.sleep(300);
            assertThat(ownHead(jp.station())).isEqualTo(before);
        });
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void hostileText_isShownEscapedInThePreview_andInTheForm() throws Exception {
        linked("", (jp, cn, officer) -> {
            String body = officer.post("/compose/preview", freeText(HOSTILE + "\u202Eevil")).body();
            assertThat(body).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .contains("<pre dir=\"auto\">&lt;script&gt;alert(1)&lt;/script&gt;\"&gt;&lt;img src=x onerror=alert(2)&gt;");
            assertThat(body.indexOf("&lt;script&gt;alert(1)")).as("in the preview, not only the form")
                    .isLessThan(body.lastIndexOf("&lt;script&gt;alert(1)"));

            Map<String, String> fields = encounterNotice();
            fields.put("f:ownUnits[0].name", HOSTILE);
            fields.put("f:remarks.text", "x".repeat(10_000));
            String form = officer.post("/compose/preview", fields).body();
            assertThat(form).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .contains("value=\"&lt;script>alert(1)&lt;/script>&#34;>&lt;img src=x onerror=alert(2)>\"")
                    .contains("remarks.text: is 10000 characters long; allowed: at most 2000 characters");
        });
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void alertDraft_opensTheEncounterNotice_prefilledAsTheCliWouldSendIt() throws Exception {
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(1).generate(scenario);
        linked(ConsoleStations.demoWatch(scenario, false, "JP", "CN", 0), (jp, cn, officer) -> {
            await("an encounter alert with a draft", Duration.ofSeconds(30), () -> jp.watch().orElseThrow().alerts()
                    .stream().anyMatch(a -> a.draft().isPresent() && a.id().startsWith("enc:")));
            String id = jp.watch().orElseThrow().alerts().stream().filter(a -> a.draft().isPresent()).findFirst()
                    .orElseThrow().id();
            MessageContent.Template notice = jp.watch().orElseThrow().notice(id);

            ConsoleClient.Answer page = officer.get("/compose?alert=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<h2>不慮の遭遇に関する通報 · encounter-notice v1</h2>")
                    .contains("遭遇警報 " + id.replace("\"", "&#34;") + " の通報案です")
                    .contains("<option value=\"IMMEDIATE\" selected>")
                    .contains("name=\"f:ownUnits[0].name\" type=\"text\" value=\"JS KIRISAME\"")
                    .contains("name=\"f:otherUnits[0].name\" type=\"text\" value=\"PLAN NANCHANG\"")
                    .contains("name=\"f:position.lat\" type=\"number\" value=\""
                            + notice.fields().path("position").path("lat").asText() + "\"")
                    .contains("Predicted by the encounter watch");

            Map<String, String> filled = inputs(page.body());
            ConsoleClient.Answer sent = officer.post("/compose/send", filled);
            assertThat(sent.status()).as(sent.body()).isEqualTo(303);
            long seq = ownHead(jp.station());
            MessageContent.Template signed = (MessageContent.Template) ((Body.Message) jp.station().store()
                    .read(jp.station().ownLog(CN), seq, 1).get(0).entry().body()).content();
            assertThat(signed.fields()).as("the fields the CLI's --draft would sign").isEqualTo(notice.fields());
        });
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void halfWrittenDraft_survivesAnExpiredSession_inARealBrowser_andIsForgottenOnceSent() throws Exception {
        linked("", (jp, cn, officer) -> {
            try (Chromium chromium = Chromium.start(Language.JA)) {
                ConsoleBrowser console = new ConsoleBrowser(chromium, jp.consoleUrl(), "compose");
                WebDriver browser = chromium.driver();
                String base = jp.consoleUrl();
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
                console.logIn("sato", "correct horse battery");
                browser.get(base + "/compose");
                String draft = "Half-written: request your intentions in area K.";
                browser.findElement(By.name("text")).sendKeys(draft);

                jp.console().sessions().endAll("sato");
                browser.findElement(By.cssSelector("button[value=preview]")).click();
                wait.until(d -> d.getCurrentUrl().contains("/login?expired"));
                console.logIn("sato", "correct horse battery");
                browser.get(base + "/compose");
                wait.until(d -> draft.equals(d.findElement(By.name("text")).getDomProperty("value")));

                long before = ownHead(jp.station());
                browser.findElement(By.id("compose-send")).click();
                wait.until(d -> d.getCurrentUrl().endsWith("/messages/jp-mod/" + (before + 1)));
                assertThat(ownHead(jp.station())).isEqualTo(before + 1);
                browser.get(base + "/compose");
                wait.until(d -> d.findElement(By.id("compose-form")).getDomAttribute("data-restore").equals("fresh"));
                Thread.sleep(300);
                assertThat(browser.findElement(By.name("text")).getDomProperty("value")).as("sent, so forgotten").isEmpty();
            }
        });
    }

    /** A complete encounter notice as the form posts it. */
    private static Map<String, String> encounterNotice() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("peer", "cn-mnd");
        f.put("precedence", "IMMEDIATE");
        f.put("template", "encounter-notice");
        f.put("f:time", "2026-11-29T03:38:00");
        f.put("f:position.lat", "27.5");
        f.put("f:position.lon", "125.25");
        f.put("f:ownUnits[0].side", "jp");
        f.put("f:ownUnits[0].type", "destroyer");
        f.put("f:ownUnits[0].name", "JS KIRISAME");
        f.put("f:otherUnits[0].side", "cn");
        f.put("f:otherUnits[0].type", "destroyer");
        f.put("f:otherUnits[0].name", "PLAN NANCHANG");
        f.put("f:remarks.lang", "en");
        return f;
    }

    private static Map<String, String> freeText(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("peer", "cn-mnd");
        f.put("precedence", "ROUTINE");
        f.put("template", "");
        f.put("text", text);
        f.put("lang", "en");
        return f;
    }

    /** The fieldset of field {@code name} in a compose page. */
    private static String fieldset(String html, String name) {
        int start = html.indexOf("data-field=\"" + name + "\"");
        assertThat(start).as("fieldset " + name).isPositive();
        int next = html.indexOf("data-field=", start + 1);
        return html.substring(start, next < 0 ? html.indexOf("compose-actions", start) : next);
    }

    /** The values of a page's compose form, as a browser would post them unchanged. */
    private static Map<String, String> inputs(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        String form = html.substring(html.indexOf("id=\"compose-form\""));
        Matcher input = Pattern.compile("<input (?:type=\"hidden\" )?name=\"([^\"]+)\"(?: type=\"[a-z-]+\")? value=\"([^\"]*)\"")
                .matcher(form);
        while (input.find()) {
            out.put(input.group(1), unescape(input.group(2)));
        }
        Matcher select = Pattern.compile("<select name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(form);
        while (select.find()) {
            Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(select.group(2));
            out.put(select.group(1), chosen.find() ? unescape(chosen.group(1)) : "");
        }
        Matcher area = Pattern.compile("<textarea name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(form);
        while (area.find()) {
            out.put(area.group(1), unescape(area.group(2)));
        }
        out.remove("csrf");
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
