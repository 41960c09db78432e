package org.macm.station.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.macm.station.StationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DIR/api.url} and {@code DIR/console.url}: where a running station (or a standby node)
 * answers, for the CLI to find. Written at the start; deleted at the stop only while the file
 * still holds this run's URL, since another run on the same folder may have written its own.
 */
public final class UrlFile {
    private static final Logger LOG = LoggerFactory.getLogger(UrlFile.class);

    private UrlFile() {
    }

    /**
     * Writes {@code url} to {@code file} and returns the file. The text goes to a temporary file
     * that is then renamed over it, so a reader ({@code macm status}, a script, a standby taking
     * over the same address) finds the old URL, the new one or none, never half of one.
     */
    public static Path write(Path file, String url) {
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, url + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new StationException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code file} if it still says {@code url}. */
    public static void deleteIfOurs(Path file, String url) {
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.US_ASCII).strip().equals(url)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            LOG.warn("could not delete {} ({}); the CLI will say the station is not running when nothing answers there",
                    file, e.getMessage());
        }
    }
}
