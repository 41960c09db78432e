package org.macm.station.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.macm.station.PrivateFile;

/**
 * The password of the PostgreSQL store's role, from the environment variable
 * {@value #ENV} when it is set, else from the password file ({@code [store] password-file},
 * default {@value #DEFAULT_FILE}): one line, readable by its owner only. It never travels in
 * station.toml, a URL, process arguments or a log line: {@link #toString} names only where it
 * came from, and {@link #reveal} is called where the driver is handed it. Every refusal is one
 * line saying what to do.
 */
public final class StorePassword {
    /** The environment variable that, when set, wins over the file. */
    public static final String ENV = "MACM_STORE_PASSWORD";
    /** The password file, relative to the station folder, when {@code [store]} does not name one. */
    public static final String DEFAULT_FILE = "keys/store.password";

    private final String value;
    private final String source;

    private StorePassword(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /** Reads it from {@value #ENV} or, when that is not set, from {@code file}. */
    public static StorePassword read(Path file) {
        return read(file, System.getenv());
    }

    /** As {@link #read(Path)} with {@code env} as the process environment (tests give their own). */
    public static StorePassword read(Path file, Map<String, String> env) {
        Objects.requireNonNull(file, "file");
        String fromEnv = env.get(ENV);
        if (fromEnv != null) {
            if (fromEnv.isEmpty()) {
                throw new ConfigException("store password: " + ENV + " is set but empty; set it to the database"
                        + " password, or unset it to read " + file);
            }
            return new StorePassword(fromEnv, "environment variable " + ENV);
        }
        return new StorePassword(fromFile(file), "file " + file);
    }

    private static String fromFile(Path file) {
        String hint = "write the database password into it on one line and chmod 600 it, or set " + ENV;
        if (!Files.exists(file)) {
            throw new ConfigException("store password file " + file + " does not exist: " + hint);
        }
        try {
            if (PrivateFile.openMode(file).isPresent()) {
                throw new ConfigException("store password file " + file + " is readable by other users; "
                        + "run: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new ConfigException("store password file " + file + " cannot be checked (" + e.getMessage() + ")", e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException("store password file " + file + " is not UTF-8 text; " + hint, e);
        } catch (NoSuchFileException e) {
            throw new ConfigException("store password file " + file + " does not exist: " + hint, e);
        } catch (AccessDeniedException e) {
            throw new ConfigException("store password file " + file + " cannot be read by this user; "
                    + "run macm as the file's owner", e);
        } catch (IOException e) {
            throw new ConfigException("store password file " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
        // An editor's final newline is not part of the password; any other line break is a mistake.
        String line = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (line.isEmpty()) {
            throw new ConfigException("store password file " + file + " is empty; " + hint);
        }
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new ConfigException("store password file " + file + " has more than one line; " + hint);
        }
        return line;
    }

    /** The password itself: only for the database driver, never for a message or a log. */
    public String reveal() {
        return value;
    }

    /** Where it came from, e.g. {@code file /srv/cn-mnd/keys/store.password}: safe to print. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "StorePassword(from " + source + ")";
    }
}
