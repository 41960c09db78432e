package org.macm.station.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.macm.station.FileProblem;
import org.macm.station.StationException;
import org.macm.station.StationLayout;
import org.macm.station.api.ApiToken;

/** The CLI's way into a running station: its local API, found through {@code api.url} and {@code api.token}. */
final class ApiClient {
    private final ObjectMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final ApiToken token;
    private final StationLayout layout;

    /** Nothing answers at the station's API address: it was started once, but it is not running now. */
    static final class NotRunning extends StationException {
        @Serial
        private static final long serialVersionUID = 1L;

        NotRunning(String message, Throwable cause) {
            super(message, cause);
        }
    }

    ApiClient(StationLayout layout) {
        this(layout, readUrl(layout).orElseThrow(() -> new StationException(notStarted(layout))));
    }

    private ApiClient(StationLayout layout, URI base) {
        this.layout = layout;
        this.base = base;
        this.token = ApiToken.read(layout.dir().resolve("api.token"));
    }

    /**
     * A client for a station that has been started at least once (it wrote {@code api.url}),
     * or empty for one never started: for a command that also works on a stopped station.
     */
    static Optional<ApiClient> ifStarted(StationLayout layout) {
        return readUrl(layout).map(url -> new ApiClient(layout, url));
    }

    private static Optional<URI> readUrl(StationLayout layout) {
        Path file = layout.dir().resolve("api.url");
        try {
            return Optional.of(URI.create(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StationException(FileProblem.cannotRead("file", file, e), e);
        }
    }

    /** Why there is no api.url: no such folder, not a station folder, or a station never started or stopped cleanly. */
    private static String notStarted(StationLayout layout) {
        if (!Files.isDirectory(layout.dir())) {
            return "station folder " + layout.dir() + " does not exist: check --dir (or MACM_DIR), "
                    + "or create a station there with 'macm init --station NAME --dir " + layout.dir() + "'";
        }
        if (!Files.exists(layout.config())) {
            return layout.dir() + " is not a station folder (it has no station.toml): check --dir (or MACM_DIR)";
        }
        // A clean stop deletes api.url too, so "never started" and "stopped" look the same here.
        return "station " + layout.dir() + " is not running (never started, or stopped): start it with 'macm run --dir "
                + layout.dir() + "'";
    }

    JsonNode get(String path) {
        return call(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    JsonNode post(String path, JsonNode body) {
        try {
            return call(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new StationException("cannot encode the request: " + e.getMessage(), e);
        }
    }

    ObjectMapper json() {
        return json;
    }

    /**
     * GETs {@code path} and writes the answer's body to {@code sink} as it arrives, never
     * holding it whole; returns the answer's headers. Throws {@link NotRunning} when nothing
     * answers, and the station's error (one line) when it refuses.
     */
    HttpHeaders download(String path, OutputStream sink) {
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(base.resolve(path)).GET(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                refused(response.statusCode(), in.readAllBytes());
            }
            in.transferTo(sink);
        } catch (IOException e) {
            throw new StationException("the answer from the station at " + base + " broke off or could not be written: "
                    + e.getMessage() + "; try again", e);
        }
        return response.headers();
    }

    private JsonNode call(HttpRequest.Builder request) {
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            refused(response.statusCode(), response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new StationException("the station answered " + response.statusCode() + " with something that is not JSON", e);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.header("Authorization", token.bearer()).timeout(Duration.ofSeconds(30)).build(), body);
        } catch (ConnectException e) {
            throw new NotRunning("station " + layout.dir() + " is not running (nothing answers at " + base
                    + "): start it with 'macm run --dir " + layout.dir() + "'", e);
        } catch (IOException e) {
            throw new StationException("cannot reach the station at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StationException("interrupted", e);
        }
    }

    /** Throws the station's error message for a refused request. */
    private void refused(int status, byte[] answer) {
        JsonNode body;
        try {
            body = json.readTree(answer);
        } catch (IOException e) {
            throw new StationException("the station answered " + status + " with something that is not JSON", e);
        }
        throw new StationException(body.path("error").asText("the station answered " + status));
    }
}
