package org.macm.station.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.StationException;
import org.macm.station.export.ExportFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm export}: writes one log of a link to a JSON Lines file that anyone can verify. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write one log of a link (exact signed bytes) to a JSON Lines file for 'macm verify'.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    private Macm macm;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StationDirOption dir;

    @Option(names = {"-l", "--link"}, required = true, paramLabel = "LINK",
            description = "The link: the peer's name (cn-mnd) or the link name (cn-mnd~jp-mod).")
    private String link;

    @Option(names = "--author", paramLabel = "STATION",
            description = "Whose log to export: this station (default) or the peer (our copy of what it said).")
    private Optional<String> author;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The file to write.")
    private Path out;

    @Override
    public Integer call() {
        try (Station station = Station.open(dir.layout(), macm.clock())) {
            LinkId linkId = link.contains("~") ? LinkId.parse(link) : station.link(StationId.of(link));
            if (!linkId.includes(station.id())) {
                throw new StationException("link " + linkId + " does not include this station (" + station.id() + ")");
            }
            StationId who = author.map(StationId::of).orElse(station.id());
            LogId log = new LogId(linkId, who);
            List<SignedEntry> entries = station.store().read(log, 1, Integer.MAX_VALUE);
            if (entries.isEmpty()) {
                throw new StationException("log " + log + " has no entries yet; nothing exported");
            }
            ExportFile.write(out, entries);
            spec.commandLine().getOut().println("Exported " + entries.size() + " entries of log " + log + " to " + out);
            return 0;
        }
    }

}
