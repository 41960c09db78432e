package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.station.StationPair;
import org.macm.station.cli.CliRun;
import org.macm.station.console.page.ReadinessPage;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import org.macm.station.run.StationRuntime;
import org.macm.station.traffic.Acknowledgements;
import org.macm.station.traffic.MessageBoard;
import org.macm.template.Catalog;
import org.macm.template.Language;
import org.macm.testkit.FreePort;

/**
 * The Link and Readiness pages over HTTP, against a real pair of stations on loopback: the
 * link page tells the truth about the link as it goes from UP to DOWN, readiness counts what
 * the logs hold and names the peer's officer (escaped), and only a supervisor sees readiness.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LinkAndReadinessPagesTest {
    private static final String SECRET = "correct horse battery staple";

    @TempDir
    Path tmp;

    private StationPair pair;
    private StationRuntime jp;
    private StationRuntime cn;
    private int port;

    @BeforeEach
    void twoLinkedStationsWithOfficers() throws InterruptedException {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(500), 4);
        pair = s;
        port = FreePort.loopback();
        s.write(s.dialling(JP, loopback(port)));
        s.write(s.listening(CN, loopback(port)));
        OfficerRegistry officers = new OfficerRegistry(s.jp(), Clock.systemUTC(), new java.security.SecureRandom());
        officers.add("sato", "Lt Sato", Role.SUPERVISOR, Optional.of(Language.EN), Password.of(SECRET.toCharArray()));
        officers.add("tanaka", "Ens Tanaka", Role.DUTY, Optional.of(Language.JA), Password.of(SECRET.toCharArray()));
        jp = StationRuntime.start(s.jp(), Clock.systemUTC(), "test");
        cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test");
        await("the link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state().name().equals("UP"));
    }

    @AfterEach
    void stop() {
        if (cn != null) {
            cn.close();
        }
        jp.close();
    }

    @Test
    void linkPage_showsThePeerUpWithItsPath_andDownOnceThePeerStops() throws Exception {
        ConsoleClient sato = new ConsoleClient(jp.consoleUrl()).signedIn("sato", SECRET);
        ConsoleClient.Answer page = sato.get("/link");
        assertThat(page.status()).isEqualTo(200);
        String up = section(page.body(), "cn-mnd");
        assertThat(up).contains("class=\"link link-up\"").contains("<span class=\"state\">UP</span>")
                .contains("<td class=\"path-name\">127.0.0.1:" + port + "</td>")
                .contains("<td>outbound (we dial)</td>", "<td>yes</td>")
                .contains("Our log head", "The peer holds of ours", "We hold of theirs", "same as the peer's")
                .as("no earlier dial error beside a connected path").doesNotContain("Connection refused");
        assertThat(page.body()).contains("Store: healthy.");
        assertThat(page.body()).contains("hx-get=\"/link/panel\"").contains("sse:link from:body").contains("every 5s");

        cn.close();
        cn = null;
        await("the Link page to show cn-mnd DOWN", Duration.ofSeconds(10),
                () -> section(sato.get("/link/panel").body(), "cn-mnd").contains("<span class=\"state\">DOWN</span>"));
        String down = section(sato.get("/link/panel").body(), "cn-mnd");
        assertThat(down).contains("class=\"link link-down\"").contains("<td>no</td>")
                .as("cn-mnd stopped in order: the page says so").contains("the peer stopped in order (SHUTDOWN)")
                .contains("Refused head claims").doesNotContain("Fork evidence");
    }

    @Test
    void readiness_countsAFlashSentAndAcknowledged_andNamesThePeersOfficerEscaped() throws Exception {
        SignedEntry flash = jp.station().write(CN, new Body.Message(Precedence.FLASH,
                new MessageContent.FreeText("en", "vessel closing, answer now")));
        await("cn-mnd to hold the FLASH", Duration.ofSeconds(20),
                () -> cn.station().store().head(cn.station().peerLog(JP)).seq() >= flash.seq());
        String officer = "Lt Wang <script>alert(1)</script>";
        SignedEntry ack = new Acknowledgements(cn.station(), new MessageBoard(cn.station(), Catalog.builtIn()))
                .acknowledge(JP, flash.seq(), officer, Optional.empty(), false);
        await("jp-mod to hold the acknowledgement", Duration.ofSeconds(20),
                () -> jp.station().store().head(jp.station().peerLog(CN)).seq() >= ack.seq());

        ConsoleClient.Answer page = new ConsoleClient(jp.consoleUrl()).signedIn("sato", SECRET).get("/readiness");
        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        String flashSent = row(body, "data-precedence=\"FLASH\" data-direction=\"sent\"");
        assertThat(flashSent).contains("<td class=\"messages\">1</td>").contains("<td class=\"missed\">0</td>");
        assertThat(row(body, "data-precedence=\"FLASH\" data-direction=\"received\""))
                .contains("<td class=\"messages\">0</td>");
        String wang = row(body, "<td class=\"peer-text\" dir=\"auto\">Lt Wang &lt;script&gt;alert(1)&lt;/script&gt;</td>");
        assertThat(wang).contains("<td>cn-mnd</td>").contains("<td class=\"acks\">1</td>");
        assertThat(body).doesNotContain("<script>alert(1)").contains("Per officer").contains("sse:traffic-slow from:body");

        // The page shows what 'macm report' computes from the two exports (taken while the stations run).
        JsonNode report = reportOfExports();
        JsonNode sent = flash(report, "jp-mod");
        UiText en = UiText.of(Language.EN, ZoneOffset.UTC, UiText.load());
        assertThat(flashSent).contains("<td class=\"messages\">" + sent.path("messages").asInt() + "</td>")
                .contains("<td class=\"missed\">" + sent.path("missed").asInt() + "</td>")
                .contains(cells(en, sent.path("toReceipt"))).contains(cells(en, sent.path("toAck")));
        assertThat(sent.path("toAck").path("count").asInt()).isEqualTo(1);
        assertThat(wang).contains(cells(en, report.path("directions").get(1).path("officers").get(0).path("toAck")));
    }

    /** Both logs exported from jp-mod while it runs, and the report of them. */
    private JsonNode reportOfExports() throws Exception {
        Path own = tmp.resolve("jp-mod.jsonl");
        Path copy = tmp.resolve("cn-mnd.held-by-jp-mod.jsonl");
        assertThat(CliRun.run("export", "--dir", pair.jp().dir().toString(), "--link", "cn-mnd", "--out", own.toString())
                .exitCode()).isZero();
        assertThat(CliRun.run("export", "--dir", pair.jp().dir().toString(), "--link", "cn-mnd", "--author", "cn-mnd",
                "--out", copy.toString()).exitCode()).isZero();
        CliRun r = CliRun.run("report", own.toString(), copy.toString(), "--json", "--key", pair.jp().identity().toString(),
                "--key", pair.cn().identity().toString());
        assertThat(r.exitCode()).as("%s", r).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static JsonNode flash(JsonNode report, String from) {
        for (JsonNode d : report.path("directions")) {
            if (d.path("from").asText().equals(from)) {
                return d.path("precedences").get(0);
            }
        }
        throw new AssertionError("no direction from " + from + " in " + report);
    }

    /** The median, 95th percentile and maximum cells of a spread as the page writes them in English. */
    private static String cells(UiText en, JsonNode spread) {
        StringBuilder out = new StringBuilder();
        for (String key : new String[] {"median", "p95", "max"}) {
            JsonNode ms = spread.path(key);
            out.append("<td>").append(ReadinessPage.View.duration(en,
                    ms.isNull() ? Optional.empty() : Optional.of(Duration.ofMillis(ms.asLong())))).append("</td>");
        }
        return out.toString();
    }

    @Test
    void readiness_isForSupervisors_aDutyOfficerGetsTheRefusalInTheirLanguage() throws Exception {
        ConsoleClient tanaka = new ConsoleClient(jp.consoleUrl()).signedIn("tanaka", SECRET);
        ConsoleClient.Answer refused = tanaka.get("/readiness");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("ではこのページを開けません").doesNotContain("Per officer");
        assertThat(tanaka.get("/readiness/tables").status()).isEqualTo(403);
        ConsoleClient.Answer link = tanaka.get("/link");
        assertThat(link.status()).as("the Link page is every officer's").isEqualTo(200);
        assertThat(link.body()).as("in Japanese").contains("<th>経路</th>", "当局ログの先頭", "発信 (当局から接続)");
    }

    @Test
    void readiness_badDates_sayHowToWriteThem_andShowTheLastSevenDays() throws Exception {
        ConsoleClient.Answer page = new ConsoleClient(jp.consoleUrl()).signedIn("sato", SECRET)
                .get("/readiness?from=30.11.2026&to=x");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Dates are written YYYY-MM-DD").contains("data-precedence=\"FLASH\"");
    }

    /** The link section of {@code peer} on the page. */
    private static String section(String html, String peer) {
        int start = html.lastIndexOf("<section", html.indexOf("data-peer=\"" + peer + "\""));
        assertThat(start).as("a section for %s in %s", peer, html).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** The table row that holds {@code marker}. */
    private static String row(String html, String marker) {
        int start = html.lastIndexOf("<tr", html.indexOf(marker));
        assertThat(start).as("a row with %s in %s", marker, html).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
