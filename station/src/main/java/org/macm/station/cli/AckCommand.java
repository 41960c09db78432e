package org.macm.station.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm ack}: a duty officer's signed statement that they have read a message. */
@Command(name = "ack", mixinStandardHelpOptions = true,
        description = "Acknowledge a received message (signed, sent to the peer).")
final class AckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StationDirOption dir;

    @Parameters(paramLabel = "ID", description = "The message, as the inbox shows it: AUTHOR/SEQ, e.g. cn-mnd/7.")
    private String id;

    @Option(names = "--officer", required = true, paramLabel = "NAME", description = "Who read it (rank and name).")
    private String officer;

    @Option(names = "--remark", paramLabel = "TEXT", description = "A short remark sent with the acknowledgement.")
    private Optional<String> remark;

    @Option(names = "--again", description = "Acknowledge a message already acknowledged once more (needs --remark).")
    private boolean again;

    @Override
    public Integer call() {
        if (again && remark.filter(r -> !r.isBlank()).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--again needs --remark saying why " + id + " is acknowledged once more");
        }
        ApiClient api = new ApiClient(dir.layout());
        ObjectNode body = api.json().createObjectNode().put("id", id).put("officer", officer);
        remark.ifPresent(r -> body.put("remark", r));
        if (again) {
            body.put("again", true);
        }
        JsonNode done = api.post("/api/v1/acknowledgements", body);
        spec.commandLine().getOut().println("acknowledged " + id + " as " + done.get("id").asText());
        return 0;
    }
}
