package org.macm.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock file next to a store ({@code macm.db.lock}) that keeps a second station process
 * off it: SQLite alone would let two writers take turns, and two stations appending to one
 * log would fork its chain.
 */
final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of the store at {@code store} (an absolute path), or says who holds it. */
    static StoreLock acquire(Path store) throws IOException {
        Path lockFile = store.resolveSibling(store.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new StoreException("store " + store + " is in use by another station process: stop it first "
                    + "(one process per store)");
        }
        return new StoreLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases the lock as well.
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Best effort: the process exiting releases the lock too.
        }
    }
}
