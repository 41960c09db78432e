package org.macm.station.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.Callable;
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

    @Override
    public Integer call() {
        ApiClient api = new ApiClient(dir.layout());
        ObjectNode body = api.json().createObjectNode().put("id", id).put("officer", officer);
        remark.ifPresent(r -> body.put("remark", r));
        JsonNode done = api.post("/api/v1/acknowledgements", body);
        spec.commandLine().getOut().println("acknowledged " + id + " as " + done.get("id").asText());
        return 0;
    }
}
