package org.macm.station.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * An officer using the console over HTTP, as a browser does it but with every answer kept
 * as sent: a real {@link HttpClient} with a cookie jar that follows no redirect (so a test
 * sees each 303 and where it points), {@link #login} through the login page's hidden
 * {@code csrf} field, and {@link #post} that adds the session's CSRF token as the console's
 * forms do. One client talks to one console (browsers keep cookies per host, not per port,
 * so two consoles on 127.0.0.1 need two clients).
 */
public final class ConsoleClient {
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private static final Pattern DATA_CSRF = Pattern.compile("data-csrf=\"([^\"]*)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf = "";

    /** A client of the console at {@code baseUrl} ({@code http://127.0.0.1:PORT}, as console.url holds it). */
    public ConsoleClient(String baseUrl) {
        this(baseUrl, Optional.empty());
    }

    /** A client of an HTTPS console that trusts what {@code ssl} trusts. */
    public ConsoleClient(String baseUrl, Optional<SSLContext> ssl) {
        this.base = URI.create(baseUrl.strip());
        HttpClient.Builder b = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT);
        ssl.ifPresent(b::sslContext);
        this.http = b.build();
    }

    /** One answer of the console: status, headers and body as sent. */
    public record Answer(int status, HttpHeaders headers, String body) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** Where a redirect points, or empty. */
        public String location() {
            return header("Location").orElse("");
        }

        /** The raw {@code Set-Cookie} lines for cookie {@code name} (attributes included). */
        public List<String> setCookie(String name) {
            return headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).toList();
        }

        /** The CSRF token this page carries: {@code data-csrf} on the body, else a hidden {@code csrf} input. */
        public Optional<String> csrf() {
            Matcher m = DATA_CSRF.matcher(body);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
            Matcher input = CSRF_INPUT.matcher(body);
            return input.find() ? Optional.of(input.group(1)) : Optional.empty();
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + "\n" + (body.length() > 2_000 ? body.substring(0, 2_000) + "…" : body);
        }
    }

    /**
     * Logs in through the login page: GET /login, its hidden {@code csrf}, POST /login with
     * {@code username}, {@code password} and {@code csrf}. Returns the POST's answer (303 to
     * the next page when the password was right); on success it also fetches that page, as a
     * browser does, and keeps its CSRF token for {@link #post}.
     */
    public Answer login(String name, String password) {
        return loginTo(name, password, Map.of());
    }

    /** As {@link #login}, with more form fields ({@code next}, say). */
    public Answer loginTo(String name, String password, Map<String, String> more) {
        Answer page = get("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", name);
        form.put("password", password);
        form.put("csrf", page.csrf().orElseThrow(() -> new AssertionError("the login page has no csrf field:\n" + page)));
        form.putAll(more);
        Answer answer = postExactly("/login", form);
        if (answer.status() == 303 && answer.location().startsWith("/")) {
            get(answer.location());
        }
        return answer;
    }

    /** GET {@code path}; keeps the page's CSRF token when it has one. */
    public Answer get(String path) {
        return get(path, Map.of());
    }

    /** GET {@code path} with these request headers ({@code HX-Request}, {@code Authorization}…). */
    public Answer get(String path, Map<String, String> headers) {
        return send(request(path, headers).GET());
    }

    /** GET {@code path} and its body parsed as JSON, failing the test unless the answer is a 200. */
    public JsonNode json(String path) {
        Answer a = get(path);
        if (a.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + a);
        }
        try {
            return JSON.readTree(a.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " is no JSON: " + a, e);
        }
    }

    /**
     * POSTs {@code form} as the console's forms do: with the session's CSRF token (from the
     * last page this client read) unless the form names its own {@code csrf}.
     */
    public Answer post(String path, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>();
        if (csrf.isEmpty()) {
            get("/");
        }
        all.put("csrf", csrf);
        all.putAll(form);
        return postExactly(path, all);
    }

    /** As {@link #post(String, Map)}, with request headers ({@code HX-Request}, say). */
    public Answer post(String path, Map<String, String> form, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        if (csrf.isEmpty()) {
            get("/");
        }
        all.put("csrf", csrf);
        all.putAll(form);
        return postExactly(path, all, headers);
    }

    /** Logs in and returns this client, failing the test unless the login went into the console. */
    public ConsoleClient signedIn(String name, String password) {
        Answer a = login(name, password);
        if (a.status() != 303 || a.location().startsWith("/login")) {
            throw new AssertionError("login as " + name + " failed: " + a);
        }
        return this;
    }

    /** Starts reading {@code path} as an event stream, line by line, as a browser's EventSource asks for it. */
    public java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> lines(String path) {
        return http.sendAsync(request(path, Map.of("Accept", "text/event-stream")).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    /** POSTs exactly {@code form}, adding nothing: how a forged or stale form arrives. */
    public Answer postExactly(String path, Map<String, String> form) {
        return postExactly(path, form, Map.of());
    }

    /** POSTs exactly {@code form} with these request headers. */
    public Answer postExactly(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method, no body: {@code DELETE}, {@code PUT}… (the console has no such route). */
    public Answer call(String method, String path, Map<String, String> headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * Opens {@code path} and reads only the status and headers, then hangs up: for the event
     * stream, whose body never ends.
     */
    public Answer open(String path) {
        try {
            HttpResponse<InputStream> r = http.send(request(path, Map.of()).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            r.body().close();
            return new Answer(r.statusCode(), r.headers(), "");
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " on the console at " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The CSRF token of the session, as the last page read gave it (empty before login). */
    public String csrf() {
        return csrf;
    }

    /** The value of cookie {@code name} this client holds for the console. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Puts a cookie in the jar as an attacker's page or a shared machine would have left it. */
    public void plantCookie(String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        c.setDomain(base.getHost()); // as the jar stores the console's own cookies, so that a Set-Cookie replaces it
        cookies.getCookieStore().add(base, c);
    }

    /** The console's address. */
    public URI base() {
        return base;
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        headers.forEach(b::header);
        return b;
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> r = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Answer a = new Answer(r.statusCode(), r.headers(), r.body());
            Matcher session = DATA_CSRF.matcher(a.body());
            if (r.statusCode() == 200 && session.find()) {
                csrf = session.group(1); // a logged-in page: the session's token (the login page's is not)
            }
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
