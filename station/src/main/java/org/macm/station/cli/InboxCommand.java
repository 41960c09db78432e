package org.macm.station.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.macm.station.traffic.DutyTime;
import org.macm.template.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm inbox}: what the peers sent, in log order, with its state. */
@Command(name = "inbox", mixinStandardHelpOptions = true,
        description = "List received messages in log order: received, receipted, acknowledged or overdue.")
final class InboxCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StationDirOption dir;

    @Option(names = "--sent", description = "List the messages this station sent instead.")
    private boolean sent;

    @Option(names = "--json", description = "Print JSON for machines.")
    private boolean json;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG", completionCandidates = LanguageConverter.Tags.class,
            description = "Language of template titles: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    private Language lang;

    @Override
    public Integer call() throws JsonProcessingException {
        ApiClient api = new ApiClient(dir.layout());
        JsonNode body = api.get((sent ? "/api/v1/sent" : "/api/v1/inbox") + "?lang=" + lang.tag());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(api.json().writerWithDefaultPrettyPrinter().writeValueAsString(body));
            return 0;
        }
        if (body.path("messages").isEmpty()) {
            out.println(sent ? "Nothing sent yet." : "No messages received.");
        }
        for (JsonNode m : body.path("messages")) {
            out.printf("%-12s %-9s %-12s %s  %s%s%n", m.path("id").asText(), m.path("precedence").asText(),
                    m.path("state").asText(), m.path("time").asText(),
                    m.has("lang") ? "[" + m.path("lang").asText() + "] " : "", m.path("summary").asText());
            if (!m.path("acknowledgements").isEmpty()) {
                acknowledgements(m).forEach(line -> out.printf("%-12s %s%n", "", line));
            } else if (m.has("deadline")) {
                out.printf("%-12s acknowledgement due %s%n", "", m.path("deadline").asText());
            }
        }
        return 0;
    }

    /**
     * One line per acknowledgement of message {@code m}, first one first: "acknowledged by
     * OFFICER at 2026-11-30 03:12:09Z: REMARK", then "acknowledged again by ...".
     */
    static List<String> acknowledgements(JsonNode m) {
        List<String> lines = new ArrayList<>();
        for (JsonNode a : m.path("acknowledgements")) {
            lines.add((lines.isEmpty() ? "acknowledged by " : "acknowledged again by ") + a.path("officer").asText()
                    + " at " + DutyTime.full(Instant.parse(a.path("time").asText()))
                    + (a.has("remark") ? ": " + a.path("remark").asText() : ""));
        }
        return lines;
    }
}
