package org.macm.station.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.core.log.StationId;
import org.macm.station.StationInit;
import org.macm.station.StationLayout;
import org.macm.station.config.ConfigFile;
import org.macm.station.config.HostPort;
import org.macm.station.identity.Identity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm init}: creates a station's keys, certificate, config and public identity. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a new station: signing key, TLS certificate, config and identity file.")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    private Macm macm;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-s", "--station"}, required = true, paramLabel = "NAME",
            description = "This station's name, e.g. jp-mod (lower-case letters, digits, dashes).")
    private String station;

    @Mixin
    private StationDirOption dir;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Where the link accepts peers; repeat for several (default: a free port on 127.0.0.1).")
    private List<HostPort> listen = new ArrayList<>();

    @Option(names = "--api-listen", paramLabel = "HOST:PORT",
            description = "Where the local API listens (default: a free port on 127.0.0.1; keep it on loopback).")
    private Optional<HostPort> apiListen;

    @Override
    public Integer call() {
        StationLayout layout = dir.layout();
        Identity identity = new StationInit(macm.random(), macm.clock()).create(layout, StationId.of(station), listen,
                apiListen);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created station " + identity.station() + " in " + layout.dir());
        out.println();
        out.println("Fingerprint (read it aloud to the peer's operator, group by group):");
        out.println("  " + identity.fingerprint());
        out.println();
        out.println("Hand this file to the peer out of band: " + layout.identity());
        out.println("Pin the peer's identity with:            macm peer add --dir " + layout.dir() + " PEER-IDENTITY.toml");
        out.println("The link listens on " + String.join(", ", listenAddresses(layout, listen))
                + " (tell the peer's operator); see [link] and [[peers]] in " + layout.config());
        return 0;
    }

    private static List<String> listenAddresses(StationLayout layout, List<HostPort> given) {
        if (!given.isEmpty()) {
            return given.stream().map(HostPort::toString).toList();
        }
        return new ConfigFile().read(layout.config()).listen().stream()
                .map(a -> new HostPort(a.getHostString(), a.getPort()).toString()).toList();
    }
}
