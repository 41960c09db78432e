package org.macm.station.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample alert rules and dashboard under {@code packaging/} as Prometheus takes them:
 * {@code promtool check rules} on the rules, {@code promtool test rules} on their unit tests
 * (a link DOWN for over a minute fires, a FLASH overdue fires...), and every dashboard query
 * checked as an expression. promtool comes with Debian's {@code prometheus} package, which is
 * large and not installed by {@code .ci/run}: where it is missing this test is skipped loudly.
 * That every metric these files read is one a station serves is checked by
 * {@code MetricsEndpointTest} against a real scrape.
 */
class MonitoringFilesTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path ROOT = Path.of(System.getProperty("macm.root", ".."));
    private static final Path ALERTS = ROOT.resolve("packaging/prometheus/macm-alerts.yml");
    private static final Path ALERT_TESTS = ROOT.resolve("packaging/prometheus/macm-alerts.test.yml");
    private static final Path DASHBOARD = ROOT.resolve("packaging/grafana/macm-dashboard.json");

    @TempDir
    Path tmp;

    private record Run(int exit, String output) {
    }

    private static Run promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("promtool " + List.of(args) + " did not finish in 60 s: " + out);
        }
        return new Run(p.exitValue(), out);
    }

    private static void requirePromtool() {
        if (!Files.isExecutable(PROMTOOL)) {
            System.err.println("*** SKIPPED: " + PROMTOOL + " is missing, so the alert rules and dashboard queries are not "
                    + "checked. Install it with: apt-get install -y --no-install-recommends prometheus ***");
            Assumptions.abort("skipped: " + PROMTOOL + " is missing");
        }
    }

    @Test
    void alertRules_passPromtoolsCheck_andTheirUnitTests() throws Exception {
        requirePromtool();
        Run check = promtool("check", "rules", ALERTS.toString());
        assertThat(check.exit()).as(check.output()).isZero();
        Run tests = promtool("test", "rules", ALERT_TESTS.toString());
        assertThat(tests.exit()).as(tests.output()).isZero();
        assertThat(tests.output()).contains("SUCCESS");
    }

    @Test
    void everyDashboardQuery_isAValidExpression() throws Exception {
        requirePromtool();
        JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int n = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                // Grafana's variables, as Grafana fills them in before Prometheus sees the query.
                String expr = target.path("expr").asText().replace("$__rate_interval", "1m").replace("$instance", ".*");
                rules.append("      - record: dashboard_query_").append(++n).append("\n        expr: ")
                        .append(JsonMapper.builder().build().writeValueAsString(expr)).append('\n');
            }
        }
        assertThat(n).as("queries in the dashboard").isGreaterThanOrEqualTo(10);
        Path file = tmp.resolve("dashboard-queries.yml");
        Files.writeString(file, rules, StandardCharsets.UTF_8);
        Run check = promtool("check", "rules", file.toString());
        assertThat(check.exit()).as(check.output() + "\n" + rules).isZero();
    }
}
