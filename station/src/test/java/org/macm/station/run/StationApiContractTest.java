package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.api.Route;
import org.macm.station.StationPair;

/** The API as documented is the API as built, and no route answers without the token. */
class StationApiContractTest {
    @TempDir
    Path tmp;

    private static Set<String> documented() throws Exception {
        Path spec = Path.of(System.getProperty("macm.root", "..")).resolve("docs/api/openapi.yaml");
        List<String> lines = Files.readAllLines(spec);
        Set<String> out = new TreeSet<>();
        String path = null;
        Pattern pathLine = Pattern.compile("^  (/\\S+):\\s*$");
        Pattern methodLine = Pattern.compile("^    (get|post|put|delete|patch):\\s*$");
        for (String line : lines) {
            Matcher p = pathLine.matcher(line);
            Matcher m = methodLine.matcher(line);
            if (p.matches()) {
                path = p.group(1);
            } else if (m.matches() && path != null) {
                out.add(m.group(1).toUpperCase(java.util.Locale.ROOT) + " " + path);
            } else if (!line.startsWith(" ") && !line.isBlank()) {
                path = null;
            }
        }
        return out;
    }

    @Test
    void everyRouteIsDocumented_andEveryDocumentedRouteExists_andEachDeclaresARole() throws Exception {
        StationPair s = StationPair.create(tmp);
        s.write(s.listening(CN, loopback(0)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test")) {
            Set<String> built = new TreeSet<>();
            for (Route r : cn.api().routes()) {
                assertThat(r.role()).as("role of %s %s", r.method(), r.template()).isNotNull();
                built.add(r.method() + " " + r.template());
            }
            assertThat(built).isEqualTo(documented());
        }
    }

    @Test
    void everyRoute_withoutTheToken_orWithAWrongOne_is401_andRevealsNothing() throws Exception {
        StationPair s = StationPair.create(tmp);
        s.write(s.listening(CN, loopback(0)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test")) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + cn.apiAddress().getPort();
            List<String> paths = new ArrayList<>();
            for (Route r : cn.api().routes()) {
                paths.add(r.method() + " " + r.template().replace("{author}", "jp-mod").replace("{seq}", "1")
                        .replace("{peer}", "jp-mod"));
            }
            paths.add("GET /api/v1/no-such-route");
            for (String call : paths) {
                String method = call.substring(0, call.indexOf(' '));
                String path = call.substring(call.indexOf(' ') + 1);
                for (String auth : new String[] {null, "Bearer wrong-token", "Basic YWRtaW46YWRtaW4="}) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                            .method(method, HttpRequest.BodyPublishers.ofString("{\"to\":\"jp-mod\",\"precedence\":\"FLASH\","
                                    + "\"text\":\"x\"}"));
                    if (auth != null) {
                        b.header("Authorization", auth);
                    }
                    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as("%s with %s", call, auth).isEqualTo(401);
                    assertThat(r.body()).contains("missing or wrong API token");
                }
            }
            assertThat(cn.station().store().head(cn.station().ownLog(JP)).seq())
                    .as("nothing was sent by unauthenticated requests (only the scheduled link test)").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void api_bindsToLoopbackByDefault_andTheTokenFileIsOwnerOnly() throws Exception {
        StationPair s = StationPair.create(tmp);
        // The default config (no [api] section) must also bind to loopback.
        s.write(s.listening(CN, loopback(0)).withApi(Optional.empty()));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test")) {
            assertThat(cn.apiAddress().getAddress().isLoopbackAddress()).isTrue();
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(s.cn().dir().resolve("api.token")))).isEqualTo("rw-------");
        }
    }
}
