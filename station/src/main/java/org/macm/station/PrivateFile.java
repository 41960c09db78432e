package org.macm.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for a station's files of secrets (private keys, the officers' password hashes,
 * the store's password): only their owner may read or write them. New ones are created
 * {@link #OWNER_ONLY}; one found open to others is refused by its reader, which words the
 * refusal for its file and names the fix.
 */
public final class PrivateFile {
    /** {@code rw-------}: what a file of secrets is created with. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> TOO_OPEN = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private PrivateFile() {
    }

    /**
     * The file's mode as {@code ls} shows it ({@code rw-r--r--}) when its group or others may read
     * or write it; empty when only its owner may.
     */
    public static Optional<String> openMode(Path file) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        return mode.stream().anyMatch(TOO_OPEN::contains) ? Optional.of(PosixFilePermissions.toString(mode))
                : Optional.empty();
    }
}
