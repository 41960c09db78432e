package org.macm.station.officer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.macm.station.FileProblem;
import org.macm.station.PrivateFile;
import org.macm.station.StationException;

/**
 * Replaces a private file all at once: the new bytes go to a temporary file beside it, made
 * with mode 0600 from the first byte, which is flushed to disk and then renamed over the
 * target (an atomic rename on POSIX), and the folder is flushed so the rename survives a
 * power cut. A process killed at any point, or a disk that fills up, leaves either the old
 * file or the new one, never half of one; a failed write removes its temporary file.
 */
final class AtomicFile {

    /** Writes bytes into an open channel; tests swap in one that fails part-way, as a full disk does. */
    @FunctionalInterface
    interface ChannelWriter {
        void write(FileChannel channel, ByteBuffer bytes) throws IOException;
    }

    private final ChannelWriter writer;

    AtomicFile() {
        this((channel, bytes) -> {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        });
    }

    AtomicFile(ChannelWriter writer) {
        this.writer = writer;
    }

    /** Replaces {@code target} with {@code content}; {@code what} names the file in the error ("officers file"). */
    void replace(Path target, byte[] content, String what) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PrivateFile.OWNER_ONLY));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writer.write(channel, ByteBuffer.wrap(content));
                channel.force(true);
            }
            move(temp, target);
            temp = null;
            syncFolder(dir);
        } catch (IOException e) {
            throw new StationException("cannot write " + what + " " + target + ": " + FileProblem.reason(e)
                    + "; the previous version is unchanged", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // The write already failed and says so; a stray temporary file is harmless.
                }
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename atomically", e);
        }
    }

    private static void syncFolder(Path dir) throws IOException {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        }
    }
}
