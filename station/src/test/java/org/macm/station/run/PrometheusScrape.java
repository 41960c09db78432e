package org.macm.station.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A scrape of a station's {@code /metrics} as Prometheus reads it: fetched over HTTP and parsed
 * by the Prometheus project's own text parser (Debian's {@code python3-prometheus-client}),
 * so a line our exposition gets wrong fails here as it would fail the server. Where the parser
 * is missing the calling test is skipped loudly, and fails under {@code CI=true}, where
 * {@code .ci/run} installs it.
 */
record PrometheusScrape(String contentType, String text, List<Sample> samples) {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String PARSER = """
            import json, math, sys
            from prometheus_client.parser import text_string_to_metric_families
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    value = s.value if math.isfinite(s.value) else None
                    print(json.dumps({"family": family.name, "type": family.type, "name": s.name,
                                      "labels": s.labels, "value": value}))
            """;

    /** One sample as the parser gives it: a NaN or infinite value is empty. */
    record Sample(String family, String type, String name, Map<String, String> labels, OptionalDouble value) {
    }

    /** Skips (or fails, under CI=true) the calling test when the Prometheus parser is not installed. */
    static void requireParser() throws IOException, InterruptedException {
        String why = null;
        if (!Files.isExecutable(PYTHON)) {
            why = PYTHON + " is missing";
        } else {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import prometheus_client.parser")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                why = "python3 cannot import prometheus_client (" + out.strip() + ")";
            }
        }
        if (why == null) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why + "; .ci/run installs python3-prometheus-client, so CI must not skip this test");
        }
        System.err.println("*** SKIPPED: " + why + ". Install it with: apt-get install -y python3-prometheus-client ***");
        Assumptions.abort("skipped: " + why);
    }

    /** GETs {@code /metrics} at {@code address} and parses it; fails on any status but 200 or a line the parser refuses. */
    static PrometheusScrape of(HttpClient http, InetSocketAddress address) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort()
                + "/metrics")).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /metrics answered " + r.statusCode() + ": " + r.body());
        }
        return new PrometheusScrape(r.headers().firstValue("Content-Type").orElse(""), r.body(), parse(r.body()));
    }

    static List<Sample> parse(String text) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", PARSER).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("the Prometheus parser refused the scrape: " + err + "\n--- scrape ---\n" + text);
        }
        JsonMapper json = JsonMapper.builder().build();
        List<Sample> samples = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            Map<String, String> labels = new LinkedHashMap<>();
            n.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            samples.add(new Sample(n.path("family").asText(), n.path("type").asText(), n.path("name").asText(), labels,
                    n.path("value").isNull() ? OptionalDouble.empty() : OptionalDouble.of(n.path("value").asDouble())));
        }
        return List.copyOf(samples);
    }

    /** The samples named {@code name} whose labels include every one of {@code labels} (name, value, name, value…). */
    List<Sample> find(String name, String... labels) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : samples) {
            if (!s.name().equals(name)) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= labels[i + 1].equals(s.labels().get(labels[i]));
            }
            if (all) {
                out.add(s);
            }
        }
        return out;
    }

    /** The value of the one sample named {@code name} with these labels; fails when there is none or more than one. */
    double value(String name, String... labels) {
        List<Sample> found = find(name, labels);
        if (found.size() != 1) {
            throw new AssertionError("expected one sample " + name + " " + List.of(labels) + ", found " + found.size()
                    + ": " + found);
        }
        return found.get(0).value().orElseThrow(() -> new AssertionError(name + " " + List.of(labels) + " is NaN"));
    }

    /** The value, if exactly one sample matches. */
    Optional<Double> maybe(String name, String... labels) {
        List<Sample> found = find(name, labels);
        return found.size() == 1 && found.get(0).value().isPresent() ? Optional.of(found.get(0).value().getAsDouble())
                : Optional.empty();
    }
}
