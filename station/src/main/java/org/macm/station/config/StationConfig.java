package org.macm.station.config;

import java.nio.file.Path;
import java.util.Objects;
import org.macm.core.log.StationId;

/**
 * A station's validated configuration, read from {@code station.toml}. Paths are resolved
 * against the station folder. Keys and defaults are listed in docs/CONFIG.md.
 *
 * @param station            this station's name (required)
 * @param storeFile          the SQLite store (default {@code store/macm.db})
 * @param signingKeyFile     Ed25519 private key (default {@code keys/signing.key})
 * @param tlsKeyFile         TLS private key (default {@code keys/tls.key})
 * @param tlsCertificateFile TLS certificate (default {@code keys/tls.crt})
 */
public record StationConfig(StationId station, Path storeFile, Path signingKeyFile, Path tlsKeyFile,
        Path tlsCertificateFile) {
    public StationConfig {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(storeFile, "storeFile");
        Objects.requireNonNull(signingKeyFile, "signingKeyFile");
        Objects.requireNonNull(tlsKeyFile, "tlsKeyFile");
        Objects.requireNonNull(tlsCertificateFile, "tlsCertificateFile");
    }
}
