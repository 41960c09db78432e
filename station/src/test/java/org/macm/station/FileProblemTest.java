package org.macm.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * File errors are said in words. Permission denied cannot be provoked with real files when
 * the tests run as root (root reads every file), so its text is checked here on the
 * exception the JDK throws for it.
 */
class FileProblemTest {
    private static final Path KEY = Path.of("/srv/macm/jp/keys/signing.key");

    @Test
    void unreadableKeyFile_saysPermissionDenied_andTheFix() {
        assertThat(FileProblem.cannotRead("key file", KEY, new AccessDeniedException(KEY.toString())))
                .isEqualTo("key file " + KEY + " cannot be read: permission denied; run macm as the user who owns "
                        + "the station folder, or as that user run 'chmod u+r " + KEY + "'");
    }

    @Test
    void undecodableFile_saysItIsNotUtf8Text_notTheDecodersDetail() {
        assertThat(FileProblem.cannotRead("config file", KEY, new MalformedInputException(1)))
                .isEqualTo("config file " + KEY + " is not UTF-8 text (is it a binary file?): "
                        + "restore it from your backup or write it again")
                .doesNotContain("Input length");
    }

    @Test
    void stationFolderWithoutWriteAccess_saysPermissionDenied_andWhatToDo() {
        Path dir = Path.of("/srv/macm/jp");
        assertThat(FileProblem.cannotCreateFolder("station folder", dir, new AccessDeniedException("/srv/macm")))
                .isEqualTo("cannot create station folder /srv/macm/jp: permission denied on /srv/macm; choose a folder "
                        + "you can write to (e.g. under your home folder), or run macm as a user who may write there");
    }

    @Test
    void stationFolderWhoseParentCannotBeMade_saysTheParentIsMissing() {
        Path dir = Path.of("/proc/none/jp");
        assertThat(FileProblem.cannotCreateFolder("station folder", dir, new NoSuchFileException("/proc/none")))
                .isEqualTo("cannot create station folder /proc/none/jp: its parent folder /proc/none does not exist "
                        + "and cannot be made; choose another --dir");
    }

    @Test
    void reason_neverJustRepeatsThePath() {
        assertThat(FileProblem.reason(new AccessDeniedException(KEY.toString()))).isEqualTo("permission denied");
        assertThat(FileProblem.reason(new NoSuchFileException(KEY.toString()))).isEqualTo(KEY + " does not exist");
        assertThat(FileProblem.reason(new FileSystemException(KEY.toString(), null, "Read-only file system")))
                .isEqualTo(KEY + ": read-only file system");
    }
}
