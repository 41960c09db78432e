package org.macm.station.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.core.log.Precedence;
import org.macm.station.StationException;
import org.macm.station.traffic.DutyTime;
import org.macm.template.Language;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm send}: writes a message to a peer's log through the running station. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send a message. Returns once it is durable here and prints its id.")
final class SendCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StationDirOption dir;

    @Option(names = "--to", required = true, paramLabel = "PEER", description = "The peer station, e.g. cn-mnd.")
    private String to;

    @Option(names = {"-p", "--precedence"}, paramLabel = "P", completionCandidates = PrecedenceConverter.Names.class,
            description = "${COMPLETION-CANDIDATES}, in any case (default: the form's, or ROUTINE for free text).")
    private Optional<Precedence> precedence;

    @Option(names = {"-t", "--text"}, paramLabel = "TEXT", description = "Free text, as written (shown untranslated).")
    private Optional<String> text;

    @Option(names = "--template", paramLabel = "ID", description = "An agreed form, e.g. encounter-notice (with --fields).")
    private Optional<String> template;

    @Option(names = "--fields", paramLabel = "FILE", description = "The form's fields: one JSON object.")
    private Optional<Path> fields;

    @Option(names = "--draft", paramLabel = "ALERT_ID", description = "Send the encounter notice drafted for an alert (see 'macm alerts').")
    private Optional<String> draft;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG", completionCandidates = LanguageConverter.Tags.class,
            description = "The language of the text: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    private Language lang;

    @Option(names = "--wait-receipt", description = "Wait until the peer's receipt says it holds the message.")
    private boolean waitReceipt;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "How long --wait-receipt waits (default ${DEFAULT-VALUE} s).")
    private int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if ((text.isPresent() ? 1 : 0) + (template.isPresent() ? 1 : 0) + (draft.isPresent() ? 1 : 0) != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give one of --text, --template with --fields, or --draft ALERT_ID");
        }
        if (template.isPresent() && fields.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--template needs --fields FILE.json");
        }
        ObjectNode fieldValues = template.isPresent() ? TemplateCommand.fields(fields.orElseThrow()) : null;
        ApiClient api = new ApiClient(dir.layout());
        ObjectNode body = api.json().createObjectNode().put("to", to);
        precedence.ifPresent(p -> body.put("precedence", p.name()));
        if (draft.isPresent()) {
            body.put("draft", draft.get());
        } else if (template.isPresent()) {
            body.put("template", template.get());
            body.set("fields", fieldValues);
        } else {
            body.put("text", text.orElseThrow()).put("lang", lang.tag());
        }
        JsonNode sent = api.post("/api/v1/messages", body);
        PrintWriter out = spec.commandLine().getOut();
        String id = sent.get("id").asText();
        out.println(id);
        out.flush();
        warnIfDown(sent.path("link"));
        if (!waitReceipt) {
            return 0;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (System.nanoTime() < deadline) {
            String state = api.get("/api/v1/messages/" + id).path("state").asText();
            if (!state.equals("SENT")) {
                out.println("receipted by " + to + " (" + state + ")");
                return 0;
            }
            Thread.sleep(100);
        }
        throw new StationException("no receipt from " + to + " within " + timeoutSeconds
                + " s; the message is durable here and will be delivered when the link is up (see 'macm status')");
    }

    /** Stored is not sent: when the link is down, say so and since when (the message waits for it). */
    private void warnIfDown(JsonNode link) {
        if (!link.path("state").asText().equals("DOWN")) {
            return;
        }
        String since = DutyTime.sinceToday(Instant.parse(link.path("since").asText()), Instant.now());
        PrintWriter err = spec.commandLine().getErr();
        err.println("warning: the link to " + link.path("peer").asText() + " is DOWN since " + since
                + "; the message is stored and goes out when the link is up");
        err.flush();
    }
}
