package org.macm.station.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm alerts}: the running station's encounter alerts and its feeds' counters. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Show the encounter watch's alerts (send one with 'macm send --draft ID') and its feeds.")
final class AlertsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StationDirOption dir;

    @Option(names = "--json", description = "Print JSON for machines (the API's /api/v1/alerts answer).")
    private boolean json;

    @Override
    public Integer call() {
        JsonNode a = new ApiClient(dir.layout()).get("/api/v1/alerts");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, a);
            return 0;
        }
        if (!a.path("watching").asBoolean()) {
            out.println("This station runs no encounter watch (add [watch] to station.toml).");
            return 0;
        }
        if (a.path("alerts").isEmpty()) {
            out.println("No alerts.");
        }
        for (JsonNode alert : a.path("alerts")) {
            out.println(alert.path("text").asText() + (alert.path("draft").asBoolean() ? "  [draft]" : ""));
        }
        for (JsonNode f : a.path("feeds")) {
            out.printf("feed %s: %d lines, %d decoded, rejected %s%n", f.path("source").asText(), f.path("lines").asLong(),
                    f.path("decoded").asLong(), f.path("rejected").isEmpty() ? "none" : f.path("rejected").toString());
        }
        return 0;
    }
}
