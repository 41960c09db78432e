package org.macm.station.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.StationId;
import org.macm.station.FileProblem;
import org.macm.station.Station;
import org.macm.station.StationException;
import org.macm.station.StationLayout;
import org.macm.station.api.ExportsHandler;
import org.macm.station.config.ConfigFile;
import org.macm.station.export.EquivocationFile;
import org.macm.station.export.ExportFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code macm export}: writes one log of a link to a JSON Lines file that anyone can verify.
 * While the station runs it holds the store, so the export goes through the station's API
 * (the hotline keeps working during an incident); when the station is stopped it reads the
 * store itself. Both give the same bytes.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write one log of a link (exact signed bytes) to a JSON Lines file for 'macm verify'.",
            "With --equivocations PEER, write the evidence that PEER signed two different entries at one seq",
            "(both signed entries, and when this station saw each) instead: 'macm verify' checks it is proof.",
            "Works whether the station is running or stopped."})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    private Macm macm;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StationDirOption dir;

    @Option(names = {"-l", "--link"}, paramLabel = "LINK",
            description = "The link: the peer's name (cn-mnd) or the link name (cn-mnd~jp-mod).")
    private Optional<String> link;

    @Option(names = "--equivocations", paramLabel = "PEER",
            description = "Export the equivocation evidence recorded against PEER instead of a log.")
    private Optional<String> equivocations;

    @Option(names = "--author", paramLabel = "STATION",
            description = "Whose log to export: this station (default) or the peer (our copy of what it said).")
    private Optional<String> author;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The file to write.")
    private Path out;

    @Override
    public Integer call() {
        if (link.isPresent() == equivocations.isPresent()) {
            throw new ParameterException(spec.commandLine(), "give either --link (a log) or --equivocations PEER (evidence)");
        }
        if (equivocations.isPresent() && author.isPresent()) {
            throw new ParameterException(spec.commandLine(), "--author goes with --link, not with --equivocations");
        }
        StationLayout layout = dir.layout();
        PrintWriter say = spec.commandLine().getOut();
        Optional<ApiClient> api = ApiClient.ifStarted(layout);
        if (api.isPresent()) {
            try {
                online(api.get(), layout, say);
                return 0;
            } catch (ApiClient.NotRunning stopped) {
                // api.url is left from an earlier run and nothing answers: the station is stopped.
            }
        }
        offline(layout, say);
        return 0;
    }

    /** Through the running station's API, which holds the store: the log up to its head when the request arrived. */
    private void online(ApiClient api, StationLayout layout, PrintWriter say) {
        StationId self = new ConfigFile().read(layout.config()).station();
        if (equivocations.isPresent()) {
            onlineEvidence(api, layout, StationId.of(equivocations.get()), say);
            return;
        }
        LogId log = chosen(self);
        Path part = partFile();
        try {
            HttpHeaders headers;
            try (OutputStream sink = new BufferedOutputStream(Files.newOutputStream(part))) {
                headers = api.download("/api/v1/exports/" + log.link().peerOf(self) + "/" + log.author(), sink);
            }
            long promised = headers.firstValueAsLong(ExportsHandler.ENTRIES_HEADER).orElseThrow(() -> new StationException(
                    "the station's answer has no " + ExportsHandler.ENTRIES_HEADER + " header; is it an older version?"));
            String promisedHead = headers.firstValue(ExportsHandler.HEAD_HEADER).orElseThrow(() -> new StationException(
                    "the station's answer has no " + ExportsHandler.HEAD_HEADER + " header; is it an older version?"));
            Written written = written(part);
            if (written.lines() != promised) {
                throw new StationException("the station sent " + written.lines() + " of the " + promised + " entries of log "
                        + log + "; nothing written, try again");
            }
            if (!written.lastHash().equals(promisedHead)) {
                throw new StationException("the last entry the station sent of log " + log + " has hash "
                        + written.lastHash() + ", but it announced head " + promisedHead + "; nothing written, try again");
            }
            long got = written.lines();
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            say.println("Exported " + got + " entries of log " + log + " to " + out);
            say.println("(online: through the running station's API, up to the log's head when the export began)");
        } catch (IOException e) {
            throw new StationException("cannot write export " + out + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(part);
        }
    }

    /** The evidence file through the running station's API: the same bytes an offline export gives. */
    private void onlineEvidence(ApiClient api, StationLayout layout, StationId peer, PrintWriter say) {
        Path part = partFile();
        try {
            HttpHeaders headers;
            try (OutputStream sink = new BufferedOutputStream(Files.newOutputStream(part))) {
                headers = api.download("/api/v1/equivocations/" + peer, sink);
            }
            long promised = headers.firstValueAsLong(ExportsHandler.CLAIMS_HEADER).orElseThrow(() -> new StationException(
                    "the station's answer has no " + ExportsHandler.CLAIMS_HEADER + " header; is it an older version?"));
            long got = written(part).lines();
            if (got != promised) {
                throw new StationException("the station sent " + got + " of the " + promised
                        + " claims of equivocation; nothing written, try again");
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            say.println(evidenceWritten(got, peer, layout));
            say.println("(online: through the running station's API)");
        } catch (IOException e) {
            throw new StationException("cannot write equivocation evidence " + out + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(part);
        }
    }

    private String evidenceWritten(long claims, StationId peer, StationLayout layout) {
        return "Exported " + claims + (claims == 1 ? " claim" : " claims") + " of equivocation by " + peer + " to " + out
                + "; check it with: macm verify " + Shell.quote(out.toString()) + " --key "
                + Shell.quote(layout.peer(peer).toString());
    }

    /** From the store itself, which only a stopped station leaves free. */
    private void offline(StationLayout layout, PrintWriter say) {
        try (Station station = Station.open(layout, macm.clock())) {
            if (equivocations.isPresent()) {
                StationId peer = StationId.of(equivocations.get());
                station.peers().require(peer);
                List<EquivocationFile.Claim> claims = station.store().equivocations(station.peerLog(peer)).stream()
                        .map(e -> EquivocationFile.Claim.of(e, station.id())).toList();
                if (claims.isEmpty()) {
                    throw new StationException(EquivocationFile.noEvidence(peer, station.id()));
                }
                EquivocationFile.write(out, claims);
                say.println(evidenceWritten(claims.size(), peer, layout));
                say.println("(offline: read from the store, the station is not running)");
                return;
            }
            LogId log = chosen(station.id());
            Head head = station.store().head(log);
            if (head.isEmpty()) {
                throw new StationException("log " + log + " has no entries yet; nothing exported");
            }
            long written = ExportFile.write(out, station.store(), log, head.seq());
            say.println("Exported " + written + " entries of log " + log + " to " + out);
            say.println("(offline: read from the store, the station is not running)");
        }
    }

    private LogId chosen(StationId self) {
        String link = this.link.orElseThrow();
        LinkId linkId = link.contains("~") ? LinkId.parse(link) : LinkId.between(self, StationId.of(link));
        if (!linkId.includes(self)) {
            throw new StationException("link " + linkId + " does not include this station (" + self + ")");
        }
        return new LogId(linkId, author.map(StationId::of).orElse(self));
    }

    /** Where the answer goes until it is known complete: next to {@code out}, so the move is atomic. */
    private Path partFile() {
        return out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".part");
    }

    /** How many lines a downloaded export holds and the hash of its last entry ("" when it is empty). */
    private record Written(long lines, String lastHash) {
    }

    /**
     * Counts the lines of {@code file} and hashes the entry of its last line, so that a cut or
     * altered answer is told from the head the station announced before sending it.
     */
    private static Written written(Path file) {
        long n = 0;
        String last = null;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                last = line;
            }
        } catch (IOException e) {
            throw new StationException(FileProblem.cannotRead("export", file, e), e);
        }
        if (last == null) {
            return new Written(0, "");
        }
        try {
            String entry = Json.MAPPER.readTree(last).path("entry").asText("");
            return new Written(n, EntryHash.of(Base64.getDecoder().decode(entry)).hex());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Written(n, "unreadable (" + e.getMessage() + ")");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind as a dot file beside the export; it holds nothing secret.
        }
    }
}
