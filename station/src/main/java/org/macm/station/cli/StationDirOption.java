package org.macm.station.cli;

import java.nio.file.Path;
import org.macm.station.StationLayout;
import picocli.CommandLine.Option;

/** The {@code --dir} option every station command takes. */
final class StationDirOption {
    @Option(names = {"-d", "--dir"}, required = true, paramLabel = "DIR",
            description = "The station folder (made by 'macm init').")
    Path dir;

    StationLayout layout() {
        return new StationLayout(dir);
    }
}
