package org.macm.station.identity;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.macm.core.log.StationId;
import org.macm.link.CertificateProfile;
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
     * Throws, saying what is wrong and what to do, unless {@code peer}'s TLS certificate fits the
     * MACM profile and is valid at {@code now}; {@code macm peer add} asks this before it asks
     * the operator to compare fingerprints, so nobody confirms a file that will be refused.
     */
    public static void requirePinnable(Identity peer, Instant now) {
        CertificateProfile.refusal(peer.tlsCertificate(), peer.station()).ifPresent(why -> {
            throw new StationException("not pinned: " + why);
        });
        X509Certificate certificate = peer.tlsCertificate();
        if (!CertificateProfile.validAt(certificate, now)) {
            throw new StationException("not pinned: the TLS certificate of " + peer.station() + " is valid from "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
                    + ", not now (" + now + "); ask the peer for a current identity.toml, or check this computer's clock");
        }
    }

    /**
     * Pins {@code peer}. Pinning the same identity again changes nothing; a different identity
     * under a name already pinned is refused, because silently replacing a pinned key is
     * exactly what an attacker would want. A TLS certificate outside the MACM profile
     * ({@link CertificateProfile}: CN the station's name, EC P-256, SHA256withECDSA,
     * self-signed) or not valid at {@code now} is refused: the link would refuse it anyway,
     * and pinning is the moment an operator can still ask the peer for the right file.
     */
    public boolean pin(Identity self, Identity peer, Instant now) {
        if (peer.station().equals(self.station())) {
            throw new StationException("that is this station's own identity (" + self.station() + "), not a peer's");
        }
        requirePinnable(peer, now);
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
