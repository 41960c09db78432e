package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.macm.station.web.Site;
import org.macm.station.web.WebServer;
import org.macm.testkit.Await;

/**
 * The event stream as a browser reads it: {@link ConsoleEvents} served over real HTTP on
 * loopback (without the console's login, which {@code ConsoleSite} adds in front of it), read
 * line by line by {@link HttpClient}.
 */
class ConsoleEventsTest {
    private final ConsoleEvents events = new ConsoleEvents();
    private final List<Stream<String>> streams = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private WebServer server;
    private URI url;

    @BeforeEach
    void serve() {
        server = new WebServer(List.of(new EventsOnly(events))).start();
        InetSocketAddress at = server.address("events");
        url = URI.create("http://127.0.0.1:" + at.getPort() + "/events");
    }

    @AfterEach
    void stop() {
        events.close();
        streams.forEach(Stream::close);
        http.shutdownNow();
        server.close();
    }

    @Test
    void every_console_gets_each_event_with_its_id_and_name_and_each_line_of_data_on_a_data_line() throws Exception {
        AtomicInteger written = new AtomicInteger();
        events.onWritten(e -> written.incrementAndGet());
        BlockingQueue<String> first = open(null);
        BlockingQueue<String> second = open(null);
        Await.within(Duration.ofSeconds(5), Duration.ofMillis(5), () -> events.connected() == 2);

        events.publish("traffic", "jp-mod/1");
        events.publish("alarm", "FLASH from jp-mod\n<script>alert(1)</script>");

        List<String> expected = List.of("id: 1", "event: traffic", "data: jp-mod/1", "",
                "id: 2", "event: alarm", "data: FLASH from jp-mod", "data: <script>alert(1)</script>", "");
        assertThat(lines(first, expected.size())).containsExactlyElementsOf(expected);
        assertThat(lines(second, expected.size())).containsExactlyElementsOf(expected);
        assertThat(Await.within(Duration.ofSeconds(5), Duration.ofMillis(5), () -> written.get() == 4)).isTrue();
    }

    @Test
    void a_console_that_reconnects_with_the_last_event_id_it_saw_gets_what_it_missed_and_then_what_is_new()
            throws Exception {
        for (int i = 1; i <= 3; i++) {
            events.publish("traffic", "jp-mod/" + i);
        }
        BlockingQueue<String> back = open("1");
        Await.within(Duration.ofSeconds(5), Duration.ofMillis(5), () -> events.connected() == 1);
        events.publish("traffic", "jp-mod/4");

        assertThat(lines(back, 12)).filteredOn(l -> l.startsWith("id: ")).containsExactly("id: 2", "id: 3", "id: 4");
    }

    /** Opens the stream (with {@code Last-Event-ID} when given) and returns the lines it delivers, blank ones included. */
    private BlockingQueue<String> open(String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        streams.add(response.body());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (UncheckedIOException e) {
                // the stream was closed at the end of the test
            }
        });
        return lines;
    }

    /** The next {@code n} lines that are not comments (keep-alives start with a colon). */
    private static List<String> lines(BlockingQueue<String> from, int n) throws InterruptedException {
        List<String> got = new ArrayList<>();
        while (got.size() < n) {
            String line = from.poll(5, TimeUnit.SECONDS);
            if (line == null) {
                break;
            }
            if (!line.startsWith(":")) {
                got.add(line);
            }
        }
        return got;
    }

    /** A site with one open route, the event stream. */
    private record EventsOnly(ConsoleEvents events) implements Site {
        @Override
        public String name() {
            return "events";
        }

        @Override
        public InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        }

        @Override
        public void install(RoutesConfig routes) {
            routes.get("/events", ctx -> {
                long since = Long.parseLong(ctx.headerAsClass("Last-Event-ID", String.class).getOrDefault("0"));
                new SseHandler(0, client -> events.serve(client, since)).handle(ctx);
            });
        }

        @Override
        public void guard(Context ctx) {
        }

        @Override
        public void failed(Exception e, Context ctx) {
            ctx.status(500);
        }

        @Override
        public void notFound(Context ctx) {
            ctx.status(404);
        }
    }
}
