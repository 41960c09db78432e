package org.macm.station.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
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
            if (m.has("acknowledgedBy")) {
                out.printf("%-12s acknowledged by %s%n", "", m.path("acknowledgedBy").asText());
            } else if (m.has("deadline")) {
                out.printf("%-12s acknowledgement due %s%n", "", m.path("deadline").asText());
            }
        }
        return 0;
    }
}
