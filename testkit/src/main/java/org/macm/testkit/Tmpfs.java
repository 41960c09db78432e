package org.macm.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test: a real full disk, or a real read-only file system,
 * instead of a simulated one. Mounting needs root. CI runs as root, so when {@code CI=true}
 * a mount that fails fails the test; elsewhere the test is skipped and says so loudly on
 * stderr, so that a green run on a laptop is not taken for one that filled a disk.
 */
public final class Tmpfs implements AutoCloseable {
    private static final byte[] BLOCK = new byte[4096];

    private final Path dir;
    private boolean mounted = true;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /**
     * Mounts a tmpfs of {@code size} (as mount takes it: {@code 8m}) on {@code dir}, created
     * if needed; skips the calling test (or fails it on CI) when that is not possible here.
     */
    public static Tmpfs mount(Path dir, String size) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the mount point " + dir, e);
        }
        Result r = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        if (r.exit() != 0) {
            String why = "mounting a " + size + " tmpfs on " + dir + " failed (" + r.output()
                    + "); it needs root";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + ", and CI=true runs as root: this test must not be skipped here");
            }
            System.err.println("*** SKIPPED: " + why + ". Run as root (CI does) to test a real full disk. ***");
            Assumptions.abort("skipped: " + why + " (CI runs as root)");
        }
        return new Tmpfs(dir);
    }

    /** The mounted folder. */
    public Path dir() {
        return dir;
    }

    /** Fills the disk with one file, written until the disk is full; delete it to make room again. */
    public Path fill() {
        Path filler = dir.resolve("filler");
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(BLOCK);
            }
        } catch (IOException expectedWhenFull) {
            // The disk is full now: that was the point.
        }
        return filler;
    }

    /** Remounts read-only: every write, and opening a database for writing, now fails. */
    public void readOnly() {
        remount("ro");
    }

    /** Remounts read-write again. */
    public void readWrite() {
        remount("rw");
    }

    private void remount(String mode) {
        Result r = run("mount", "-o", "remount," + mode, dir.toString());
        if (r.exit() != 0) {
            throw new AssertionError("cannot remount " + dir + " " + mode + ": " + r.output());
        }
    }

    /** Unmounts (lazily, so that a file a failed test left open does not keep it mounted). Idempotent. */
    @Override
    public void close() {
        if (mounted) {
            mounted = false;
            Result r = run("umount", "-l", dir.toString());
            if (r.exit() != 0) {
                System.err.println("*** could not unmount the test tmpfs on " + dir + ": " + r.output() + " ***");
            }
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            // The first line says what failed; mount's further lines only point at dmesg.
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().lines()
                    .findFirst().orElse("");
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, command[0] + " did not finish within 30 s");
            }
            return new Result(p.exitValue(), output.isEmpty() ? "exit " + p.exitValue() : output);
        } catch (IOException e) {
            return new Result(-1, "cannot run " + command[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted while running " + command[0]);
        }
    }
}
