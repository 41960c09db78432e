package org.macm.station.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.macm.station.StationLayout;
import org.macm.station.api.ApiToken;

/** Raw calls on a running station's API with its token, as a script would make them: status and body kept as sent. */
final class ApiCalls {
    private final HttpClient http = HttpClient.newHttpClient();
    private final StationLayout station;

    ApiCalls(StationLayout station) {
        this.station = station;
    }

    /** An answer: the HTTP status and the body as text. */
    record Answer(int status, String body) {
        JsonNode json() throws IOException {
            return JsonMapper.builder().build().readTree(body);
        }

        String error() throws IOException {
            return json().path("error").asText();
        }
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return call(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String path) throws IOException, InterruptedException {
        return call(request(path).GET());
    }

    private HttpRequest.Builder request(String path) throws IOException {
        URI base = URI.create(Files.readString(station.dir().resolve("api.url")).strip());
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", ApiToken.read(station.dir().resolve("api.token")).bearer());
    }

    private Answer call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }
}
