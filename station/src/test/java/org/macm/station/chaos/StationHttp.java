package org.macm.station.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.macm.core.log.StationId;
import org.macm.station.StationLayout;
import org.macm.station.api.ApiToken;

/**
 * A tiny client for a station's local API, as an operator's tool would use it, that tells
 * apart the two ways a send can fail: the request surely never reached the station
 * ({@link Sent.NotReached}: nothing answers at the address, or the address is not written
 * yet), or it may have ({@link Sent.Unknown}: the connection broke after the request went
 * out, so the message may or may not be in the log).
 *
 * <p>It reads {@code api.url} on every call, because a restarted station listens on a new port.
 */
public final class StationHttp {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final StationLayout layout;

    StationHttp(StationLayout layout) {
        this.layout = layout;
    }

    /** What became of one send. */
    sealed interface Sent {
        /** The station wrote the message durably at {@code seq}. */
        record Written(long seq) implements Sent {
        }

        /** The request never reached a station; sending again cannot duplicate. */
        record NotReached(String why) implements Sent {
        }

        /** The request may have reached the station before the connection broke. */
        record Unknown(String why) implements Sent {
        }
    }

    Sent send(StationId to, String text) throws InterruptedException {
        Optional<URI> base = base();
        if (base.isEmpty()) {
            return new Sent.NotReached("api.url not written yet");
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(json.createObjectNode().put("to", to.value()).put("precedence", "ROUTINE")
                    .put("text", text).put("lang", "en"));
        } catch (IOException e) {
            throw new AssertionError("cannot encode a send request", e);
        }
        HttpRequest request = request(base.get(), "/api/v1/messages").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return new Sent.NotReached(String.valueOf(e));
        } catch (IOException e) {
            return new Sent.Unknown(String.valueOf(e));
        }
        if (response.statusCode() == 401) {
            // A stale api.url whose port another process now holds: no handler ran, nothing was written.
            return new Sent.NotReached("HTTP 401 at " + base.get());
        }
        if (response.statusCode() >= 500) {
            return new Sent.Unknown("HTTP " + response.statusCode() + ": " + utf8(response.body()));
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("the station refused a send with HTTP " + response.statusCode() + ": "
                    + utf8(response.body()));
        }
        return new Sent.Written(readTree(response.body()).path("seq").asLong());
    }

    /** The station's status, or empty when its API does not answer (down, or starting). */
    public Optional<JsonNode> status() throws InterruptedException {
        return get("/api/v1/status");
    }

    /** The status of the station's one link (these tests pair two stations), or empty when its API does not answer. */
    public Optional<JsonNode> link() throws InterruptedException {
        return status().map(st -> st.path("links").path(0));
    }

    /** Message {@code id} ({@code author/seq}) as the API shows it; empty when the API does not answer. */
    Optional<JsonNode> message(String id) throws InterruptedException {
        return get("/api/v1/messages/" + id);
    }

    /** The texts of the messages this station has sent, in log order; empty when its API does not answer. */
    Optional<List<String>> sentTexts() throws InterruptedException {
        return get("/api/v1/sent").map(sent -> {
            List<String> texts = new ArrayList<>();
            for (JsonNode m : sent.path("messages")) {
                if (m.path("kind").asText().equals("MESSAGE")) {
                    texts.add(m.path("summary").asText());
                }
            }
            return texts;
        });
    }

    private Optional<JsonNode> get(String path) throws InterruptedException {
        Optional<URI> base = base();
        if (base.isEmpty()) {
            return Optional.empty();
        }
        try {
            HttpResponse<byte[]> response = http.send(request(base.get(), path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Optional.of(readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", ApiToken.read(layout.dir().resolve("api.token")).bearer());
    }

    /** The address in {@code api.url}, once the station has written all of it (it ends with a newline). */
    private Optional<URI> base() {
        Path file = layout.dir().resolve("api.url");
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            return text.endsWith("\n") ? Optional.of(URI.create(text.strip())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private JsonNode readTree(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the station answered with something that is not JSON: " + utf8(body), e);
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
