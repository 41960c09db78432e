package org.macm.station.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.StationException;
import org.macm.station.web.WebServer;

/** The server itself, with a small route table of its own: a real server on port 0 and a real client. */
class ApiSiteTest {
    private static final String SECRET_TEXT = "secret detail of the failure";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiToken token;
    private WebServer server;
    private ApiSite site;

    @BeforeEach
    void start() {
        token = ApiToken.loadOrCreate(dir.resolve("api.token"), new SecureRandom());
        site = new ApiSite(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token, List.of(
                new Route("GET", "/api/v1/echo/{id}", Role.OPERATOR,
                        r -> com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                                .put("id", r.param(1)).put("q", r.query("q").orElse(""))
                                .put("virtual", Thread.currentThread().isVirtual())),
                new Route("POST", "/api/v1/body", Role.OPERATOR, r -> r.body()),
                new Route("GET", "/api/v1/fails", Role.OPERATOR, r -> {
                    throw new IllegalStateException(SECRET_TEXT);
                }),
                Route.streaming("GET", "/api/v1/lines/{n}", Role.OPERATOR, r -> lines(Integer.parseInt(r.param(1)), false)),
                Route.streaming("GET", "/api/v1/lines-then-fail/{n}", Role.OPERATOR,
                        r -> lines(Integer.parseInt(r.param(1)), true))));
        server = new WebServer(List.of(site)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void portZero_isBound_andAddressReportsTheBoundPort_andRequestsRunOnVirtualThreads() throws Exception {
        assertThat(server.address("api").getPort()).isPositive();
        assertThat(server.address("api").getAddress().isLoopbackAddress()).isTrue();
        HttpResponse<String> answer = get("/api/v1/echo/a%20b?q=x%2By", true);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"id\" : \"a b\"").contains("\"q\" : \"x+y\"")
                .contains("\"virtual\" : true");
    }

    @Test
    void everyAnswer_isJson_neverCached_neverSniffed_andSendsNoReferrer() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                get("/api/v1/echo/1", true), get("/api/v1/echo/1", false), get("/api/v1/nowhere", true),
                post("/api/v1/echo/1", "{}"), post("/api/v1/body", "{\"a\":1,\"a\":2}"),
                post("/api/v1/body", "x".repeat(256 * 1024 + 1)), get("/api/v1/fails", true));
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 401, 404, 405, 400, 413, 500);
        for (HttpResponse<String> a : answers) {
            // Jetty writes the header without the optional space: application/json;charset=utf-8.
            assertThat(a.headers().firstValue("Content-Type").orElseThrow())
                    .isEqualToIgnoringWhitespace("application/json; charset=utf-8");
            assertThat(a.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(a.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(a.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        assertThat(answers.get(2).body()).contains("no such route: /api/v1/nowhere");
        assertThat(answers.get(3).body()).contains("method not allowed");
        assertThat(answers.get(4).body()).contains("duplicate field 'a': give each field once");
        assertThat(answers.get(5).body()).contains("request body larger than 262144 bytes");
    }

    /** {@code n} numbered lines of 100 bytes, then a failure if {@code fail}. */
    private static Route.Body lines(int n, boolean fail) {
        return new Route.Body("application/jsonl", java.util.Map.of("X-Lines", Integer.toString(n)), out -> {
            for (int i = 0; i < n; i++) {
                out.write(String.format(java.util.Locale.ROOT, "%-99d%n", i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            if (fail) {
                throw new IllegalStateException(SECRET_TEXT);
            }
        });
    }

    @Test
    void aStreamedAnswer_arrivesWhole_withItsHeaders_neverCachedNorSniffed() throws Exception {
        HttpResponse<String> answer = get("/api/v1/lines/100000", true);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).hasSize(100 * 100_000).startsWith("0 ").endsWith("99999" + " ".repeat(94) + "\n");
        assertThat(answer.headers().firstValue("X-Lines")).hasValue("100000");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/jsonl");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void aStreamFailingBeforeItsFirstByteLeaves_answers500AsJson_withoutItsHeadersOrExceptionText() throws Exception {
        HttpResponse<String> answer = get("/api/v1/lines-then-fail/3", true);
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
                .isEqualToIgnoringWhitespace("application/json; charset=utf-8");
        assertThat(answer.headers().firstValue("X-Lines")).isEmpty();
        assertThat(answer.body()).contains("internal error; see the station's log").doesNotContain(SECRET_TEXT)
                .doesNotContain("0  ");
    }

    @Test
    void aStreamFailingAfterItsFirstBytesLeft_cutsTheConnection_soNoClientTakesItForWhole() {
        // 10 MB: far more than Jetty buffers, so the status and the first lines are out when it fails.
        assertThatThrownBy(() -> get("/api/v1/lines-then-fail/100000", true)).isInstanceOf(IOException.class);
    }

    @Test
    void unknownPathWithoutToken_is401Before404() throws Exception {
        HttpResponse<String> answer = get("/no/such/thing", false);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("missing or wrong API token");
    }

    @Test
    void aFailingHandler_answers500WithoutItsExceptionText() throws Exception {
        HttpResponse<String> answer = get("/api/v1/fails", true);
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("internal error; see the station's log").doesNotContain(SECRET_TEXT)
                .doesNotContain("IllegalStateException");
    }

    @Test
    void aPortInUse_isOneLineNamingTheAddressAndTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort());
            WebServer second = new WebServer(List.of(new ApiSite(address, token, site.routes())));
            assertThatThrownBy(second::start).isInstanceOf(StationException.class)
                    .hasMessageStartingWith("cannot open the web server on [api " + address + "]: Address already in use")
                    .hasMessageEndingWith("(is another station using that port? set [api] listen or [console] listen in station.toml)")
                    .hasMessageNotContaining("\n");
            second.close();
        }
    }

    @Test
    void close_stopsTheServer_andIsIdempotent() throws Exception {
        assertThat(get("/api/v1/echo/1", true).statusCode()).isEqualTo(200);
        server.close();
        server.close();
        // a new client, so the request must open a connection: the shared one may still hold the pooled
        // connection of the request before, whose end the client can learn of only after sending on it
        try (HttpClient fresh = HttpClient.newHttpClient()) {
            assertThatThrownBy(() -> fresh.send(request("/api/v1/echo/1", true).GET().build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.net.ConnectException.class);
        }
    }

    private HttpResponse<String> get(String path, boolean withToken) throws IOException, InterruptedException {
        return http.send(request(path, withToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(request(path, true).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, boolean withToken) {
        // a bound on the wait for an answer's head, so that a server that never answers fails the test instead of hanging it
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address("api").getPort() + path))
                .timeout(Duration.ofSeconds(20));
        return withToken ? b.header("Authorization", token.bearer()) : b;
    }
}
