package org.macm.station.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.macm.station.StationException;
import org.macm.station.StationLayout;
import org.macm.station.config.ConfigFile;
import org.macm.station.identity.Identity;
import org.macm.station.identity.KeyFiles;
import org.macm.station.identity.PeerRegistry;
import org.macm.station.identity.TlsIdentity;
import org.macm.station.config.StationConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm peer}: pin and list the peers this station trusts. */
@Command(name = "peer", mixinStandardHelpOptions = true,
        description = "Pin a peer's identity, or list the pinned peers.",
        subcommands = {PeerCommand.Add.class, PeerCommand.ListPeers.class})
final class PeerCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    Macm macm;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: macm peer add | macm peer list");
    }

    static Identity self(StationLayout layout) {
        StationConfig config = new ConfigFile().read(layout.config());
        return new Identity(config.station(), KeyFiles.readSigningKey(config.signingKeyFile()).verifyingKey(),
                TlsIdentity.read(config.tlsKeyFile(), config.tlsCertificateFile()).certificate());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Pin a peer's identity file, after you have compared its fingerprint with the peer's operator.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        private PeerCommand parent;

        @Spec
        private CommandSpec spec;

        @Mixin
        private StationDirOption dir;

        @Parameters(paramLabel = "FILE", description = "The peer's identity file (its identity.toml).")
        private Path file;

        @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (the fingerprint was checked another way).")
        private boolean yes;

        @Override
        public Integer call() throws IOException {
            StationLayout layout = dir.layout();
            Identity self = self(layout);
            Identity peer = Identity.read(file);
            Instant now = parent.macm.clock().instant();
            PeerRegistry.requirePinnable(peer, now);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Peer station: " + peer.station());
            out.println("Fingerprint:  " + peer.fingerprint());
            if (!yes) {
                out.print("Does the peer's operator read the same fingerprint? [y/N] ");
                out.flush();
                String answer = parent.macm.in().readLine();
                if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
                    throw new StationException("not pinned: the fingerprint was not confirmed");
                }
            }
            boolean added = new PeerRegistry(layout).pin(self, peer, now);
            out.println(added ? "Pinned " + peer.station() + "." : peer.station() + " was already pinned with this identity.");
            printPeersTable(layout, peer, out);
            return 0;
        }
    }

    /**
     * What to paste into station.toml for this station to dial the peer, unless it already
     * does: a [[peers]] table with a placeholder that the config refuses until it is replaced.
     */
    static void printPeersTable(StationLayout layout, Identity peer, PrintWriter out) {
        StationConfig config = new ConfigFile().read(layout.config());
        if (config.dial().containsKey(peer.station())) {
            out.println(layout.config() + " already dials " + peer.station() + ".");
            return;
        }
        out.println();
        out.println("If this station is to dial " + peer.station() + " (one side dialling is enough), add to "
                + layout.config() + ":");
        out.println();
        out.println("[[peers]]");
        out.println("station = \"" + peer.station() + "\"");
        out.println("# Replace HOST:PORT with the peer's [link] listen address; list one per path.");
        out.println("endpoints = [\"HOST:PORT\"]");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the pinned peers and their fingerprints.")
    static final class ListPeers implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StationDirOption dir;

        @Option(names = "--json", description = "Print JSON for machines: each peer's station, fingerprint and signing key.")
        private boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            var peers = new PeerRegistry(dir.layout()).all();
            if (json) {
                ObjectNode root = Json.MAPPER.createObjectNode();
                ArrayNode list = root.putArray("peers");
                peers.forEach(p -> list.add(Json.MAPPER.createObjectNode().put("station", p.station().value())
                        .put("fingerprint", p.fingerprint().text()).put("signingKey", p.signingKey().toBase64())));
                Json.print(out, root);
                return 0;
            }
            if (peers.isEmpty()) {
                out.println("No peers pinned. Pin one with: macm peer add --dir " + dir.layout().dir() + " FILE");
            }
            for (Identity p : peers) {
                out.println(p.station() + "  " + p.fingerprint());
            }
            return 0;
        }
    }
}
