package org.macm.station;

import java.nio.file.Path;
import java.util.Objects;
import org.macm.core.log.StationId;

/**
 * Where a station keeps its files, all below one folder:
 *
 * <pre>
 * DIR/station.toml        configuration (see docs/CONFIG.md)
 * DIR/identity.toml       public identity, handed to the peer out of band
 * DIR/keys/signing.key    Ed25519 private key, PKCS#8 PEM, mode 0600
 * DIR/keys/tls.key        TLS private key (EC P-256), PKCS#8 PEM, mode 0600
 * DIR/keys/tls.crt        self-signed TLS certificate, PEM
 * DIR/peers/NAME.toml     pinned identities of peers
 * DIR/store/macm.db       the SQLite store (default; configurable)
 * DIR/officers.json       console accounts with Argon2id password hashes, mode 0600
 * DIR/officers.lock       held while the accounts are changed (empty)
 * </pre>
 */
public record StationLayout(Path dir) {
    public StationLayout {
        Objects.requireNonNull(dir, "dir");
        dir = dir.toAbsolutePath().normalize();
    }

    public Path config() {
        return dir.resolve("station.toml");
    }

    public Path identity() {
        return dir.resolve("identity.toml");
    }

    public Path keys() {
        return dir.resolve("keys");
    }

    public Path signingKey() {
        return keys().resolve("signing.key");
    }

    public Path tlsKey() {
        return keys().resolve("tls.key");
    }

    public Path tlsCertificate() {
        return keys().resolve("tls.crt");
    }

    public Path peers() {
        return dir.resolve("peers");
    }

    public Path peer(StationId peer) {
        return peers().resolve(peer + ".toml");
    }

    public Path officers() {
        return dir.resolve("officers.json");
    }

    public Path officersLock() {
        return dir.resolve("officers.lock");
    }

    public Path defaultStore() {
        return dir.resolve("store").resolve("macm.db");
    }
}
