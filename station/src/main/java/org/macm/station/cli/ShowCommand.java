package org.macm.station.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.macm.template.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm show}: one message, rendered whole in the reader's language, with its state. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one message rendered in your language (templates are translated exactly; free text is not).")
final class ShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StationDirOption dir;

    @Parameters(paramLabel = "ID", description = "AUTHOR/SEQ as the inbox shows it, e.g. jp-mod/12.")
    private String id;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG", completionCandidates = LanguageConverter.Tags.class,
            description = "The reader's language: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    private Language lang;

    @Override
    public Integer call() {
        JsonNode m = new ApiClient(dir.layout()).get("/api/v1/messages/" + id + "?lang=" + lang.tag());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s  %s  %s  %s%n", m.path("id").asText(), m.path("precedence").asText(), m.path("state").asText(),
                m.path("time").asText());
        InboxCommand.acknowledgements(m).forEach(out::println);
        JsonNode r = m.path("rendered");
        if (r.isMissingNode()) {
            out.println(m.path("summary").asText());
        } else {
            out.println(r.path("title").asText());
            out.println();
            out.println(r.path("body").asText());
        }
        return 0;
    }
}
