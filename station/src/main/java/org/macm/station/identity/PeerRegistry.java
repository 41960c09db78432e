package org.macm.station.identity;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.macm.core.log.StationId;
import org.macm.station.FileProblem;
import org.macm.station.StationException;
import org.macm.station.StationLayout;

/**
 * The peers a station has pinned: one identity file per peer in {@code peers/}. Pinning is
 * the only way a key becomes trusted; nothing is learnt from the network.
 */
public final class PeerRegistry {
    private final StationLayout layout;

    public PeerRegistry(StationLayout layout) {
        this.layout = layout;
    }

    public Optional<Identity> find(StationId peer) {
        Path file = layout.peer(peer);
        return Files.exists(file) ? Optional.of(Identity.read(file)) : Optional.empty();
    }

    public Identity require(StationId peer) {
        return find(peer).orElseThrow(() -> new StationException("station " + peer + " is not a pinned peer: "
                + "pin its identity first with 'macm peer add --dir " + layout.dir() + " FILE'"));
    }

    public List<Identity> all() {
        List<Identity> out = new ArrayList<>();
        if (!Files.isDirectory(layout.peers())) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.peers(), "*.toml")) {
            for (Path f : files) {
                out.add(Identity.read(f));
            }
        } catch (IOException e) {
            throw new StationException("cannot list pinned peers in " + layout.peers() + ": " + FileProblem.reason(e), e);
        }
        out.sort(Comparator.comparing(Identity::station));
        return out;
    }

    /**
     * Pins {@code peer}. Pinning the same identity again changes nothing; a different identity
     * under a name already pinned is refused, because silently replacing a pinned key is
     * exactly what an attacker would want.
     */
    public boolean pin(Identity self, Identity peer) {
        if (peer.station().equals(self.station())) {
            throw new StationException("that is this station's own identity (" + self.station() + "), not a peer's");
        }
        Optional<Identity> existing = find(peer.station());
        if (existing.isPresent()) {
            if (existing.get().fingerprint().equals(peer.fingerprint())) {
                return false;
            }
            throw new StationException("peer " + peer.station() + " is already pinned with fingerprint "
                    + existing.get().fingerprint() + "; the new file has " + peer.fingerprint()
                    + ". If the peer really changed its keys, remove " + layout.peer(peer.station()) + " first");
        }
        try {
            Files.createDirectories(layout.peers());
        } catch (IOException e) {
            throw new StationException(FileProblem.cannotCreateFolder("peers folder", layout.peers(), e), e);
        }
        peer.write(layout.peer(peer.station()));
        return true;
    }
}
