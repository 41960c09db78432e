package org.macm.station.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.net.ConnectException;
import java.net.HttpURLConnection;
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
    /**
     * For {@link #download} only, made on first use: building an HttpClient sets up TLS (about
     * 200 ms of a CLI run) even for the API's plain HTTP on loopback, so the short commands'
     * requests go through {@link HttpURLConnection}, which does not.
     */
    private HttpClient http;
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
        return call("GET", path, null);
    }

    JsonNode post(String path, JsonNode body) {
        try {
            return call("POST", path, json.writeValueAsBytes(body));
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

    private JsonNode call(String method, String path, byte[] body) {
        int status;
        byte[] answer;
        try {
            HttpURLConnection c = (HttpURLConnection) base.resolve(path).toURL().openConnection();
            c.setConnectTimeout(5_000);
            c.setReadTimeout(30_000);
            c.setRequestMethod(method);
            c.setRequestProperty("Authorization", token.bearer());
            if (body != null) {
                c.setRequestProperty("Content-Type", "application/json");
                c.setDoOutput(true);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            status = c.getResponseCode();
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                answer = in == null ? new byte[0] : in.readAllBytes();
            }
        } catch (ConnectException e) {
            throw notRunning(e);
        } catch (IOException e) {
            throw new StationException("cannot reach the station at " + base + ": " + e.getMessage(), e);
        }
        if (status != 200) {
            refused(status, answer);
        }
        try {
            return json.readTree(answer);
        } catch (IOException e) {
            throw new StationException("the station answered " + status + " with something that is not JSON", e);
        }
    }

    private NotRunning notRunning(ConnectException e) {
        return new NotRunning("station " + layout.dir() + " is not running (nothing answers at " + base
                + "): start it with 'macm run --dir " + layout.dir() + "'", e);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        try {
            return http.send(request.header("Authorization", token.bearer()).timeout(Duration.ofSeconds(30)).build(), body);
        } catch (ConnectException e) {
            throw notRunning(e);
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
