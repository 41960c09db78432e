package org.macm.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.StationId;
import org.macm.station.config.ConfigSpec;
import org.macm.station.config.StationConfigWriter;
import org.macm.station.identity.Identity;
import org.macm.station.identity.KeyFiles;
import org.macm.station.identity.TlsIdentity;

/**
 * Creates a new station folder: keys, certificate, config and public identity. It refuses
 * to touch a folder that already holds an identity, because a station that silently got
 * new keys would no longer be the one its peer pinned.
 */
public final class StationInit {
    private final SecureRandom random;
    private final Clock clock;

    public StationInit(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    public Identity create(StationLayout layout, StationId station) {
        for (Path existing : new Path[] {layout.config(), layout.identity(), layout.signingKey(), layout.tlsKey()}) {
            if (Files.exists(existing)) {
                throw new StationException(layout.dir() + " already holds a station (found " + existing
                        + "); refusing to overwrite its identity. Use another --dir, or delete the folder "
                        + "if you really mean to start a new station");
            }
        }
        try {
            Files.createDirectories(layout.dir());
            if (!Files.isDirectory(layout.keys())) {
                Files.createDirectory(layout.keys(),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createDirectories(layout.peers());
            Files.createDirectories(layout.defaultStore().getParent());
        } catch (IOException e) {
            throw new StationException("cannot create station folder " + layout.dir() + ": " + e.getMessage(), e);
        }
        SigningKey signingKey = SigningKey.generate(random);
        TlsIdentity tls = TlsIdentity.generate(station, random, clock.instant());
        KeyFiles.writeSigningKey(layout.signingKey(), signingKey);
        tls.write(layout.tlsKey(), layout.tlsCertificate());
        StationConfigWriter.create(ConfigSpec.initial(station), layout.config());
        Identity identity = new Identity(station, signingKey.verifyingKey(), tls.certificate());
        identity.write(layout.identity());
        return identity;
    }
}
