package org.macm.encounter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared test corpora, which are never copied into the repository: the folder named
 * by system property {@code macm.testdata} (set by the parent POM), else
 * {@code ../shared/testdata} next to the repository root. Tests that need a corpus are
 * skipped, with a message saying where it was looked for, when the folder is absent.
 */
public final class TestData {
    private TestData() {}

    /** The corpus file at {@code relative}, or a skipped test when it is not there. */
    public static Path require(String relative) {
        Path root = root();
        Path file = root.resolve(relative);
        assumeTrue(
                Files.isRegularFile(file),
                () -> "conformance corpus " + file + " is absent; set -Dmacm.testdata=DIR to the shared testdata folder");
        return file;
    }

    private static Path root() {
        String property = System.getProperty("macm.testdata");
        if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property))) {
            return Path.of(property);
        }
        String repo = System.getProperty("macm.root");
        Path base = repo != null && !repo.isBlank() ? Path.of(repo) : Path.of("").toAbsolutePath().getParent();
        return base.resolve("../shared/testdata").normalize();
    }
}
