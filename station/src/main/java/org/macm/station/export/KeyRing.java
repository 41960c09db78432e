package org.macm.station.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.macm.core.MacmException;
import org.macm.core.crypto.VerifyingKey;
import org.macm.core.log.StationId;
import org.macm.station.StationException;
import org.macm.station.identity.Identity;

/**
 * The keys a verifier trusts, by station. Built from {@code --key} arguments: an identity
 * file, {@code STATION=BASE64KEY}, or a bare base64 key (allowed when only one log is
 * verified, since it names no station).
 */
public final class KeyRing {
    private final Map<StationId, VerifyingKey> named = new LinkedHashMap<>();
    private final Map<StationId, Identity> identities = new LinkedHashMap<>();
    private Optional<VerifyingKey> unnamed = Optional.empty();

    public KeyRing add(String spec) {
        Path asFile = Path.of(spec);
        int eq = spec.indexOf('=');
        if (Files.isRegularFile(asFile)) {
            Identity id = Identity.read(asFile);
            named.put(id.station(), id.signingKey());
            identities.put(id.station(), id);
        } else if (eq > 0 && spec.substring(0, eq).matches("[a-z][a-z0-9-]{1,31}")) {
            StationId station = StationId.of(spec.substring(0, eq));
            named.put(station, parse(spec.substring(eq + 1), spec));
            identities.remove(station);
        } else {
            if (unnamed.isPresent()) {
                throw new StationException("only one key without a station name may be given; name them as "
                        + "STATION=KEY or give identity files");
            }
            unnamed = Optional.of(parse(spec, spec));
        }
        return this;
    }

    private static VerifyingKey parse(String base64, String spec) {
        try {
            return VerifyingKey.fromBase64(base64);
        } catch (MacmException e) {
            throw new StationException("--key " + spec + ": not an identity file, STATION=KEY, or a base64 Ed25519 key ("
                    + e.getMessage() + ")", e);
        }
    }

    public Optional<VerifyingKey> find(StationId station, boolean singleLog) {
        VerifyingKey key = named.get(station);
        if (key != null) {
            return Optional.of(key);
        }
        return singleLog ? unnamed : Optional.empty();
    }

    /**
     * The identity file {@code station}'s key came from, when it was given as one: its
     * fingerprint is the one the operators read aloud to each other when pinning.
     */
    public Optional<Identity> identity(StationId station) {
        return Optional.ofNullable(identities.get(station));
    }

    public boolean hasUnnamed() {
        return unnamed.isPresent();
    }
}
