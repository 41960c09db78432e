package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The equivocation vector of docs/PROTOCOL.md §15.1, read from the document itself: proof
 * under the §6 public key, and not proof once its two entries are the same or a signature
 * is changed. A third party's verifier can run the same lines.
 */
class EquivocationVectorTest {
    /** The public key of docs/PROTOCOL.md §6, named for the author of the vector's entries. */
    private static final String KEY = "jp-mod=ebVWLo/mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ=";

    @TempDir
    Path tmp;

    private static String vector() throws Exception {
        Path doc = Path.of(System.getProperty("macm.root", "..")).resolve("docs/PROTOCOL.md");
        Matcher m = Pattern.compile("```vector-equivocation\n(.*?)\n```", Pattern.DOTALL)
                .matcher(Files.readString(doc, StandardCharsets.UTF_8));
        assertThat(m.find()).as("a vector-equivocation block in " + doc).isTrue();
        return m.group(1);
    }

    private CliRun verify(String name, String line) throws Exception {
        Path f = Files.writeString(tmp.resolve(name), line + "\n", StandardCharsets.UTF_8);
        return CliRun.run("verify", f.toString(), "--key", KEY);
    }

    @Test
    void theDocumentsVector_isProof() throws Exception {
        CliRun r = verify("vector.jsonl", vector());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("OK   [E-EQUIVOCATION]").contains("jp-mod signed two different entries at seq 1"
                + " of log cn-mnd~jp-mod/jp-mod: hash aac790ec").contains("and hash e58a19e0");
    }

    @Test
    void theVectorWithOneEntryTwice_orAChangedSignature_isNotProof() throws Exception {
        String line = vector();
        String first = line.substring(line.indexOf("\"first\":") + 8, line.indexOf(",\"second\":"));
        String twice = line.substring(0, line.indexOf("\"second\":") + 9) + first + "}";
        CliRun same = verify("twice.jsonl", twice);
        assertThat(same.exitCode()).isEqualTo(1);
        assertThat(same.out()).contains("not proof of equivocation: the two entries are the same bytes");

        String signature = "MDQj4jhnPkIHjOFJnXGgf65SIdITXi9QzYHgM3mGHr/lXjSYj06bCCqkEV1Z5V7f7v5FIXoCEx+lrzpNnSclCw==";
        assertThat(line).contains(signature);
        CliRun changed = verify("changed.jsonl", line.replace(signature, "NDQ" + signature.substring(3)));
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.out()).contains("not proof of equivocation: the second entry's signature does not verify");
    }
}
