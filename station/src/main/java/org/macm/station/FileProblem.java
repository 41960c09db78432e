package org.macm.station;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file could not be read or made, in words a duty officer reads. Java's file
 * exceptions often carry nothing but the path ({@code cannot read X: X}) or a decoder's
 * detail ({@code Input length = 1}); every message about a station's files says the reason
 * through this one place instead.
 */
public final class FileProblem {
    private FileProblem() {
    }

    /** The reason, e.g. {@code permission denied} or {@code it is not UTF-8 text}; never just the path. */
    public static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied";
            case NoSuchFileException n -> n.getFile() + " does not exist";
            case FileAlreadyExistsException f -> f.getFile() + " already exists";
            case NotDirectoryException n -> n.getFile() + " is a file, not a folder";
            case CharacterCodingException c -> "it is not UTF-8 text";
            case FileSystemException f when f.getReason() != null ->
                (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason().toLowerCase(Locale.ROOT);
            default -> e.getMessage() == null ? "input/output error" : e.getMessage();
        };
    }

    /** The one-line message for a folder ({@code what}, e.g. "station folder") that cannot be made. */
    public static String cannotCreateFolder(String what, Path dir, IOException e) {
        String why = switch (e) {
            case FileAlreadyExistsException f -> f.getFile() + " exists and is a file, not a folder";
            case AccessDeniedException a -> "permission denied on " + a.getFile() + "; choose a folder you can write to "
                    + "(e.g. under your home folder), or run macm as a user who may write there";
            case NoSuchFileException n -> "its parent folder " + n.getFile() + " does not exist and cannot be made";
            case FileSystemException f when "Not a directory".equals(f.getReason()) ->
                "part of that path is a file, not a folder (" + f.getFile() + ")";
            default -> reason(e);
        };
        return "cannot create " + what + " " + dir + ": " + why + (e instanceof AccessDeniedException ? "" : "; choose another --dir");
    }

    /**
     * The one-line message for a file that cannot be read: {@code what} names it ("key file"),
     * and the fix follows the reason.
     */
    public static String cannotRead(String what, Path file, IOException e) {
        return switch (e) {
            case AccessDeniedException a -> what + " " + file + " cannot be read: permission denied; run macm as the "
                    + "user who owns the station folder, or as that user run 'chmod u+r " + file + "'";
            case CharacterCodingException c -> what + " " + file + " is not UTF-8 text (is it a binary file?): "
                    + "restore it from your backup or write it again";
            default -> "cannot read " + what + " " + file + ": " + reason(e);
        };
    }
}
