package org.macm.station.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
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

    ApiClient(StationLayout layout) {
        this.layout = layout;
        try {
            this.base = URI.create(Files.readString(layout.dir().resolve("api.url"), StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException e) {
            throw new StationException(notStarted(layout), e);
        } catch (IOException e) {
            throw new StationException(FileProblem.cannotRead("file", layout.dir().resolve("api.url"), e), e);
        }
        this.token = ApiToken.read(layout.dir().resolve("api.token"));
    }

    /** Why there is no api.url: no such folder, not a station folder, or a station never started. */
    private static String notStarted(StationLayout layout) {
        if (!Files.isDirectory(layout.dir())) {
            return "station folder " + layout.dir() + " does not exist: check --dir (or MACM_DIR), "
                    + "or create a station there with 'macm init --station NAME --dir " + layout.dir() + "'";
        }
        if (!Files.exists(layout.config())) {
            return layout.dir() + " is not a station folder (it has no station.toml): check --dir (or MACM_DIR)";
        }
        return "station " + layout.dir() + " has not been started: run 'macm run --dir " + layout.dir() + "' first";
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

    private JsonNode call(HttpRequest.Builder request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.header("Authorization", token.bearer()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new StationException("station " + layout.dir() + " is not running (nothing answers at " + base
                    + "): start it with 'macm run --dir " + layout.dir() + "'", e);
        } catch (IOException e) {
            throw new StationException("cannot reach the station at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StationException("interrupted", e);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new StationException("the station answered " + response.statusCode() + " with something that is not JSON", e);
        }
        if (response.statusCode() != 200) {
            throw new StationException(body.path("error").asText("the station answered " + response.statusCode()));
        }
        return body;
    }
}
