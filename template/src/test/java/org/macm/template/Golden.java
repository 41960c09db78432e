package org.macm.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}: read from the source tree (not the
 * classpath) so that {@code -Dmacm.golden.update=true} rewrites the very files compared.
 */
final class Golden {
    static final Path DIR = Path.of("src", "test", "resources", "golden");
    static final boolean UPDATE = Boolean.getBoolean("macm.golden.update");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {
    }

    static ObjectNode fields(String name) {
        try {
            return (ObjectNode) JSON.readTree(DIR.resolve("fields").resolve(name + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasFields(String name) {
        return Files.isRegularFile(DIR.resolve("fields").resolve(name + ".json"));
    }

    /** The file as a reviewer reads it: a header line with the flags, then title and body. */
    static String show(String what, RenderedMessage m, String zone) {
        return "# " + what + " · " + m.language().tag() + " · reader zone " + zone
                + " · untranslated=" + m.untranslated() + " · raw=" + m.raw() + "\n"
                + m.text() + "\n";
    }

    static void check(String file, String actual) {
        Path path = DIR.resolve(file);
        try {
            if (UPDATE) {
                Files.writeString(path, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(path).as("golden file %s is missing; run with -Dmacm.golden.update=true to create it", path)
                    .isRegularFile();
            assertThat(actual).as("rendering differs from golden file %s (if the change is intended, regenerate "
                    + "with -Dmacm.golden.update=true and review the diff)", path)
                    .isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
