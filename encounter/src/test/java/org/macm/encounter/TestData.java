package org.macm.encounter;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared test corpora, which are never copied into the repository: the folder named
 * by system property {@code macm.testdata} (set by the parent POM), else
 * {@code ../shared/testdata} next to the repository root. When a corpus is absent, a test that
 * needs it fails under CI (environment variable {@code CI=true}, as CI servers set it), so that
 * a green CI run always means the conformance tests ran; on a developer's machine it is
 * skipped, and the reason is printed on stderr as well as recorded as the skip reason.
 */
public final class TestData {
    /** The environment variable CI servers set to {@code true}. */
    static final String CI = "CI";

    private TestData() {}

    /** The corpus file at {@code relative}; a failed test under CI, a skipped one elsewhere, when it is absent. */
    public static Path require(String relative) {
        return require(root(), relative, Optional.ofNullable(System.getenv(CI)), System.err);
    }

    /**
     * As {@link #require(String)}, with the corpus folder, the value of {@code CI} and the stream a skip is
     * printed on given, so that the rule can be tested without changing the real environment.
     */
    static Path require(Path root, String relative, Optional<String> ci, PrintStream console) {
        Path file = root.resolve(relative);
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (ci.filter("true"::equalsIgnoreCase).isPresent()) {
            return fail("conformance corpus " + file + " is absent, and CI=true requires every conformance test to run;"
                    + " provide the shared testdata folder next to the repository or set -Dmacm.testdata=DIR");
        }
        String why = "conformance corpus " + file + " is absent, so this test is skipped (under CI=true it fails);"
                + " set -Dmacm.testdata=DIR to the shared testdata folder to run it";
        console.println("SKIPPED: " + why);
        return abort(why);
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
