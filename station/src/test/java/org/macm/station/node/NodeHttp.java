package org.macm.station.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Optional;
import org.macm.station.StationLayout;
import org.macm.station.api.ApiToken;

/**
 * Calls on a node's API at the URL its folder's api.url names, with or without the token, as
 * a script or a monitor makes them. A node that is between roles (no api.url, nothing
 * listening) answers {@link Optional#empty}.
 */
public final class NodeHttp {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final StationLayout node;

    public NodeHttp(StationLayout node) {
        this.node = node;
    }

    /** An answer: the HTTP status and the body. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** GET {@code path} with the token. */
    public Optional<Answer> get(String path) {
        return call("GET", path, true, null);
    }

    /** GET {@code path} without a token. */
    public Optional<Answer> getWithoutToken(String path) {
        return call("GET", path, false, null);
    }

    /** POST {@code body} (JSON) to {@code path} with the token. */
    public Optional<Answer> post(String path, String body) {
        return call("POST", path, true, body);
    }

    /** The node's role as its status says it ({@code active}, {@code standby}), or empty while it does not answer. */
    public Optional<String> role() {
        return get("/api/v1/status").filter(a -> a.status() == 200).map(a -> a.json().path("node").path("role").asText());
    }

    private Optional<Answer> call(String method, String path, boolean token, String body) {
        try {
            String base = Files.readString(node.dir().resolve("api.url"), StandardCharsets.US_ASCII).strip();
            HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout((int) Duration.ofSeconds(2).toMillis());
            // Short: a poll that hits a standby's listener as it closes for the takeover must not
            // hang there (it would add its wait to a measured takeover); the next poll asks again.
            c.setReadTimeout((int) Duration.ofSeconds(2).toMillis());
            if (token) {
                c.setRequestProperty("Authorization", ApiToken.read(node.dir().resolve("api.token")).bearer());
            }
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            }
            int status = c.getResponseCode();
            var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            c.disconnect();
            return Optional.of(new Answer(status, text));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // nothing listening (between roles, or the process is gone)
        }
    }
}
