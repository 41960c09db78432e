package org.macm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One duty officer's console as the console load check sees it: its own
 * {@link HttpClient} with its own cookies, logged in as a browser does (GET /login for the
 * hidden {@code csrf}, POST /login, session cookie {@code macm_session}), then holding
 * {@code GET /events} open on a thread of its own and parsing the server-sent events itself
 * ({@code id:}, {@code event:}, {@code data:}, a blank line ends an event). Each event is kept
 * with the time ({@link System#nanoTime()}) its last line was read: what an officer sees.
 */
final class ConsoleStream implements AutoCloseable {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** One event as read by this client. */
    record Received(long id, String name, String data, long nanos) {
    }

    private final HttpClient http;
    private final URI console;
    private final List<Received> received = new ArrayList<>();
    private volatile Thread reader;
    private volatile Stream<String> lines;
    private volatile String failure;

    private ConsoleStream(HttpClient http, URI console) {
        this.http = http;
        this.console = console;
    }

    /** Logs in to {@code console} as {@code user}; throws if the console does not let it in. */
    static ConsoleStream login(URI console, String user, String password) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(console.resolve("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("GET /login answered " + page.statusCode() + " without a csrf field");
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&csrf=" + enc(csrf.group(1)) + "&next=";
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(console.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        boolean session = cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName)
                .anyMatch("macm_session"::equals);
        if (login.statusCode() != 303 || !session) {
            throw new IllegalStateException("POST /login as " + user + " answered " + login.statusCode()
                    + (session ? "" : " without a session cookie"));
        }
        return new ConsoleStream(http, console);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Opens {@code GET /events} and reads it on a thread named {@code name} until closed. */
    ConsoleStream open(String name) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(console.resolve("/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException("GET /events answered " + response.statusCode());
        }
        lines = response.body();
        // A platform thread, as a browser is a process of its own: it does not queue behind
        // the station's virtual threads for a carrier.
        reader = Thread.ofPlatform().daemon().name(name).start(this::read);
        return this;
    }

    private void read() {
        long id = 0;
        String event = "message";
        String data = null;
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        long now = System.nanoTime();
                        synchronized (received) {
                            received.add(new Received(id, event, data, now));
                        }
                    }
                    event = "message";
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = Long.parseLong(value(line));
                } else if (line.startsWith("event:")) {
                    event = value(line);
                } else if (line.startsWith("data:")) {
                    data = data == null ? value(line) : data + "\n" + value(line);
                }
            }
        } catch (UncheckedIOException | NumberFormatException e) {
            failure = e.toString();
        }
    }

    private static String value(String line) {
        String v = line.substring(line.indexOf(':') + 1);
        return v.startsWith(" ") ? v.substring(1) : v;
    }

    /** What this console has read so far, in order. */
    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Why the stream ended early, if it did (empty while it runs or after a clean close). */
    String failure() {
        return failure == null ? "" : failure;
    }

    @Override
    public void close() {
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
        Thread r = reader;
        if (r != null) {
            r.interrupt();
        }
        http.shutdownNow();
    }
}
