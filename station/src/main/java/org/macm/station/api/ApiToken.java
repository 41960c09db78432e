package org.macm.station.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.macm.station.StationException;

/**
 * The bearer token that guards the local API. It lives in {@code DIR/api.token} (mode 0600),
 * so whoever may read the station folder may use the API; it never prints itself and is
 * compared in constant time.
 */
public final class ApiToken {
    private final byte[] value;

    private ApiToken(byte[] value) {
        this.value = value;
    }

    /** Reads the token file, creating it with a fresh random token the first time. */
    public static ApiToken loadOrCreate(Path file, SecureRandom random) {
        if (!Files.exists(file)) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, text + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException e) {
                // Another process created it first; read theirs.
            } catch (IOException e) {
                throw new StationException("cannot create API token " + file + ": " + e.getMessage(), e);
            }
        }
        return read(file);
    }

    public static ApiToken read(Path file) {
        try {
            return new ApiToken(Files.readString(file, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new StationException("cannot read API token " + file + " (is the station running, and may you read "
                    + "its folder?): " + e.getMessage(), e);
        }
    }

    /** Whether {@code presented} is this token; constant time in the token's length. */
    public boolean matches(String presented) {
        return MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** The header value a client sends. */
    public String bearer() {
        return "Bearer " + new String(value, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "ApiToken[not shown]";
    }
}
