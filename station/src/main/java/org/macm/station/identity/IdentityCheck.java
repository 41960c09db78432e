package org.macm.station.identity;

import java.nio.file.Files;
import java.util.List;
import org.macm.core.crypto.VerifyingKey;
import org.macm.core.log.StationId;
import org.macm.link.CertificateProfile;
import org.macm.station.StationLayout;
import org.macm.station.config.ConfigException;
import org.macm.station.config.StationConfig;

/**
 * Checks, before a station opens its store, that its files agree on who it is: the name in
 * {@code station.toml} is the one in {@code identity.toml} (the identity its peers pinned),
 * its TLS certificate fits the profile peers require ({@link CertificateProfile}),
 * the signing key is the one whose public key {@code identity.toml} states, and every peer
 * that {@code [[peers]]} dials is pinned. A station that started with a mismatch would sign
 * entries its peers refuse, or dial a peer it cannot authenticate.
 */
public final class IdentityCheck {
    private IdentityCheck() {
    }

    /** Throws, naming the file that disagrees and what to do, unless the station's files agree. */
    public static void verify(StationLayout layout, StationConfig config, VerifyingKey signingKey) {
        if (!Files.exists(layout.identity())) {
            throw new ConfigException(layout.identity() + " is missing: restore it from your backup (it is the public "
                    + "identity your peers pinned; the station does not start without it)");
        }
        Identity published = Identity.read(layout.identity());
        if (!published.station().equals(config.station())) {
            throw new ConfigException(layout.config() + " names station \"" + config.station() + "\" but "
                    + layout.identity() + " is for \"" + published.station() + "\": put station = \""
                    + published.station() + "\" back in station.toml (a station cannot be renamed; "
                    + "make a new one with 'macm init')");
        }
        List<String> problems = CertificateProfile.problems(published.tlsCertificate(), published.station());
        if (!problems.isEmpty()) {
            throw new ConfigException(layout.identity() + ": this station's TLS certificate does not fit the MACM profile: "
                    + String.join("; ", problems) + "; peers refuse it: make a new station with 'macm init' and have "
                    + "the peers pin its identity");
        }
        if (!published.signingKey().equals(signingKey)) {
            throw new ConfigException("the signing key " + config.signingKeyFile() + " is not the key in "
                    + layout.identity() + " (its public key differs): restore this station's own signing key "
                    + "from your backup, or point signing-key in station.toml at it");
        }
        for (StationId peer : config.dial().keySet()) {
            if (!Files.exists(layout.peer(peer))) {
                throw new ConfigException(layout.config() + ": [[peers]] names " + peer + ", which is not a pinned peer: "
                        + "pin its identity with 'macm peer add --dir " + layout.dir() + " FILE', "
                        + "or remove that [[peers]] table");
            }
        }
    }
}
