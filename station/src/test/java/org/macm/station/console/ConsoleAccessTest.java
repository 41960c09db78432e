package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.api.ApiToken;
import org.macm.station.officer.Role;
import org.macm.station.run.StationRuntime;

/**
 * Deny by default: without a session, every console route, asset and unknown path sends the
 * browser to the login page (or answers 401 to htmx and the event stream); only the login
 * page and its stylesheet are open. The API's token does not open the console, a console
 * session does not open the API, and every answer carries the strict headers.
 */
class ConsoleAccessTest {
    private static final String OFFICER = "li.wei";
    private static final List<String> UNKNOWN = List.of("/nope", "/api/v1/status", "/api/v1/messages", "/station.toml",
            "/keys/signing.key", "/assets/", "/assets/nope.js", "/assets/..%2Fstation.toml", "/%2e%2e/api.token",
            "/WEB-INF/web.xml", "/login/../api.token", "/messages", "/index.html");

    @TempDir
    static Path tmp;

    @AutoClose
    private static StationRuntime station;

    @BeforeAll
    static void start() {
        station = ConsoleStations.startCn(tmp, Clock.systemUTC(),
                (pair, cn) -> ConsoleStations.officer(cn, OFFICER, "Maj Li Wei", Role.DUTY, Optional.empty()));
    }

    private static ConsoleClient client() {
        return new ConsoleClient(station.consoleUrl());
    }

    private static ConsoleClient loggedIn() {
        ConsoleClient c = client();
        assertThat(c.login(OFFICER, ConsoleStations.PASSWORD).status()).isEqualTo(303);
        return c;
    }

    /** Every path a request can name: the routes, login and logout, each asset, and paths that exist nowhere. */
    private static List<ConsoleRoute> everything() {
        List<ConsoleRoute> all = new ArrayList<>(station.console().site().routes());
        ConsoleRoute.Handler none = r -> {
        };
        all.add(ConsoleRoute.post("/logout", Role.DUTY, none));
        Assets.names().stream().filter(a -> !Assets.isPublic(a)).sorted()
                .forEach(a -> all.add(ConsoleRoute.get("/assets/" + a, Role.DUTY, none)));
        UNKNOWN.forEach(p -> all.add(ConsoleRoute.get(p, Role.DUTY, none)));
        UNKNOWN.forEach(p -> all.add(ConsoleRoute.post(p, Role.DUTY, none)));
        return all;
    }

    /** {@code /messages/{id}} as a request names it. */
    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "1");
    }

    @Test
    void everyRouteAssetAndUnknownPath_withoutASession_isDenied() {
        SoftAssertions soft = new SoftAssertions();
        ConsoleClient anonymous = client();
        for (ConsoleRoute route : everything()) {
            String path = concrete(route.path());
            String what = route.method() + " " + path;
            Optional<ConsoleClient.Answer> plain = answer(anonymous, route.method(), path, Map.of());
            Optional<ConsoleClient.Answer> htmx = answer(anonymous, route.method(), path, Map.of("HX-Request", "true"));
            if (plain.isEmpty() || htmx.isEmpty() || plain.get().status() == 400) {
                // Jetty itself refuses an ambiguous path ("%2e%2e") before any route: nothing is served.
                soft.assertThat(path).as(what + " refused by the server itself").contains("%2");
                continue;
            }
            if (path.equals("/events")) {
                soft.assertThat(plain.get().status()).as(what + " (event stream)").isEqualTo(401);
            } else {
                soft.assertThat(plain.get().status()).as(what).isEqualTo(303);
                soft.assertThat(plain.get().location()).as(what + " goes to the login page").startsWith("/login");
                soft.assertThat(plain.get().body()).as(what + " shows nothing").isEmpty();
            }
            soft.assertThat(htmx.get().status()).as(what + " from htmx").isEqualTo(401);
            soft.assertThat(htmx.get().header("HX-Redirect").orElse("")).as(what + " from htmx: where to log in")
                    .startsWith("/login");
            soft.assertThat(htmx.get().body()).as(what + " from htmx shows nothing of the page").doesNotContain("data-csrf");
        }
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            soft.assertThat(anonymous.call(method, "/", Map.of()).status()).as(method + " /").isEqualTo(303);
        }
        soft.assertAll();
    }

    /**
     * The answer, or empty when the server hung up without one (which serves nothing either).
     * A hang-up is asked once more on a new connection: after Jetty closes a connection (it
     * does after refusing an ambiguous path), the client may have sent the next request on it
     * before noticing, and that request was never seen by the server at all.
     */
    private static Optional<ConsoleClient.Answer> answer(ConsoleClient c, String method, String path,
            Map<String, String> headers) {
        try {
            return Optional.of(c.call(method, path, headers));
        } catch (java.io.UncheckedIOException first) {
            try {
                return Optional.of(client().call(method, path, headers));
            } catch (java.io.UncheckedIOException again) {
                return Optional.empty();
            }
        }
    }

    @Test
    void aDeniedPage_isReachedAfterLogin_throughTheLoginPage() {
        ConsoleClient c = client();
        ConsoleClient.Answer denied = c.get("/traffic/rows?x=1");
        assertThat(denied.location()).isEqualTo("/login?next=%2Ftraffic%2Frows%3Fx%3D1");
        ConsoleClient.Answer login = c.get(denied.location());
        assertThat(login.body()).contains("name=\"next\" value=\"/traffic/rows?x=1\"");
        assertThat(c.loginTo(OFFICER, ConsoleStations.PASSWORD, Map.of("next", "/traffic/rows?x=1")).location())
                .isEqualTo("/traffic/rows?x=1");
    }

    @Test
    void console_listensOnLoopbackByDefault_andSaysWhereInConsoleUrl() throws Exception {
        assertThat(station.consoleUrl()).startsWith("http://127.0.0.1:");
        assertThat(java.nio.file.Files.readString(station.station().layout().dir().resolve("console.url")).strip())
                .isEqualTo(station.consoleUrl());
    }

    @Test
    void onlyTheLoginPageAndItsStylesheet_areOpen() {
        ConsoleClient anonymous = client();
        ConsoleClient.Answer login = anonymous.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"csrf\"").doesNotContain("data-csrf");
        ConsoleClient.Answer css = anonymous.get("/assets/console.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).get().asString().startsWith("text/css");
        assertThat(Assets.PUBLIC).containsExactly("console.css");
    }

    @Test
    void withASession_everyAssetIsServed_andAnUnknownPathIs404_evenUnderApi() {
        ConsoleClient c = loggedIn();
        for (String asset : Assets.names()) {
            // A listed file that is not in the jar is a 404, never a directory listing or another file.
            assertThat(c.get("/assets/" + asset).status()).as(asset).isIn(200, 404);
        }
        assertThat(c.get("/assets/console.js").status()).isEqualTo(200);
        assertThat(c.get("/assets/htmx.min.js").status()).isEqualTo(200);
        ConsoleClient.Answer api = c.get("/api/v1/status");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body()).contains("There is no such page.").doesNotContain("\"link\"");
        assertThat(c.get("/nope").status()).isEqualTo(404);
    }

    @Test
    void apiToken_doesNotOpenTheConsole() throws Exception {
        String bearer = ApiToken.read(station.station().layout().dir().resolve("api.token")).bearer();
        ConsoleClient anonymous = client();
        for (String path : List.of("/", "/traffic/rows", "/api/v1/status")) {
            ConsoleClient.Answer a = anonymous.get(path, Map.of("Authorization", bearer));
            assertThat(a.status()).as(path).isEqualTo(303);
            assertThat(a.location()).as(path).startsWith("/login");
        }
    }

    @Test
    void consoleSession_doesNotOpenTheApi() throws Exception {
        ConsoleClient c = loggedIn();
        String session = c.cookie(ConsoleSite.SESSION_COOKIE).orElseThrow();
        URI api = URI.create("http://127.0.0.1:" + station.apiAddress().getPort() + "/api/v1/status");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api)
                .header("Cookie", ConsoleSite.SESSION_COOKIE + "=" + session).header("X-CSRF-Token", c.csrf()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("\"link\"");
    }

    @Test
    void everyAnswer_carriesTheStrictHeaders() {
        assertThat(ConsoleSite.CSP).contains("frame-ancestors 'none'", "script-src 'self'", "style-src 'self'",
                "default-src 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        ConsoleClient anonymous = client();
        ConsoleClient c = loggedIn();
        Map<String, ConsoleClient.Answer> answers = new java.util.LinkedHashMap<>();
        answers.put("login page", anonymous.get("/login"));
        answers.put("public stylesheet", anonymous.get("/assets/console.css"));
        answers.put("denied page", anonymous.get("/"));
        answers.put("denied htmx", anonymous.get("/traffic/rows", Map.of("HX-Request", "true")));
        answers.put("refused login (no csrf)", anonymous.postExactly("/login", Map.of("username", OFFICER)));
        answers.put("traffic page", c.get("/"));
        answers.put("fragment", c.get("/traffic/rows"));
        answers.put("alarms", c.get("/alarms"));
        answers.put("script", c.get("/assets/console.js"));
        answers.put("unknown page", c.get("/nope"));
        answers.put("forged form", c.postExactly("/alarms/1/dismiss", Map.of("csrf", "forged")));
        answers.put("event stream", c.open("/events"));
        SoftAssertions soft = new SoftAssertions();
        answers.forEach((what, a) -> {
            soft.assertThat(a.header("Content-Security-Policy")).as(what).contains(ConsoleSite.CSP);
            soft.assertThat(a.header("X-Content-Type-Options")).as(what).contains("nosniff");
            soft.assertThat(a.header("X-Frame-Options")).as(what).contains("DENY");
        });
        soft.assertAll();
    }

    @Test
    void pages_holdNoInlineScriptOrStyle() {
        ConsoleClient c = loggedIn();
        for (String path : List.of("/", "/alarms")) {
            String html = c.get(path).body();
            assertThat(html).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style")
                    .doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=\"");
        }
        assertThat(client().get("/login").body()).doesNotContain("<script").doesNotContain("style=\"");
    }
}
