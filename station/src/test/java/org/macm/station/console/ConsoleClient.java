package org.macm.station.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part in console tests, without the browser: a real HttpClient with its own
 * cookies (no redirects followed, so a test sees each 303), logged in as a real officer by
 * GET /login, the hidden {@code csrf} field and POST /login; every later form carries the
 * session's CSRF token, read from the pages as a browser's forms carry it.
 */
public final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf = "";

    /** A client of the console at {@code base} ({@code http://127.0.0.1:PORT}), not logged in. */
    public ConsoleClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An answer: status, Location (for a redirect) and body. */
    public record Page(int status, Optional<String> location, String body) {
    }

    /** Logs in as {@code name}; throws unless the console answers with a redirect into the console. */
    public ConsoleClient login(String name, String password) {
        Page form = get("/login");
        csrf = token(form.body());
        Page in = post("/login", Map.of("username", name, "password", password));
        if (in.status() != 303 || in.location().filter(l -> !l.startsWith("/login")).isEmpty()) {
            throw new IllegalStateException("login as " + name + " failed: " + in.status() + " " + in.body());
        }
        csrf = token(get("/").body());
        return this;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** POSTs {@code form} (URL-encoded) with the session's CSRF token added. */
    public Page post(String path, Map<String, String> form) {
        return post(path, form, Map.of());
    }

    /** POSTs {@code form} with the CSRF token and these request {@code headers} (e.g. htmx's {@code HX-Request}). */
    public Page post(String path, Map<String, String> form, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.putIfAbsent("csrf", csrf);
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** Sends {@code request} with this client's cookies; for what {@link #get} and {@link #post} do not cover. */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Starts reading {@code path} as an event stream, line by line, as a browser's EventSource asks for it. */
    public java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> lines(String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                .GET().build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    public String base() {
        return base;
    }

    private Page send(HttpRequest.Builder request) {
        HttpResponse<String> r = send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Page(r.statusCode(), r.headers().firstValue("Location"), r.body());
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no csrf field in the page");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
