package org.macm.dist;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.macm.station.cli.Macm;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes, at package time, what the distribution ships about the command line: the man
 * pages' AsciiDoc ({@code macm.adoc}, {@code macm-init.adoc}, ...; asciidoctor turns them into
 * roff) and the bash completion script, both from the same picocli model that parses the
 * command line, so neither can drift from the commands. Usage:
 * {@code CliDocs ADOC_DIR COMPLETION_FILE}.
 */
public final class CliDocs {
    private CliDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CliDocs ADOC_DIR COMPLETION_FILE");
        }
        // Macm's constructor takes what commands read; nothing is read or run here.
        CommandLine cli = Macm.commandLine(InputStream.nullInputStream(),
                new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()), Clock.systemUTC());
        Path adocDir = Path.of(args[0]);
        Files.createDirectories(adocDir);
        int status = ManPageGenerator.generateManPage(
                adocDir.toFile(), null, new boolean[1], false, cli.getCommandSpec());
        if (status != 0) {
            throw new IOException("ManPageGenerator failed with status " + status);
        }
        Path completion = Path.of(args[1]);
        Files.createDirectories(completion.toAbsolutePath().getParent());
        Files.writeString(completion, AutoComplete.bash("macm", cli), StandardCharsets.UTF_8);
        System.out.println("CliDocs: man pages in " + adocDir + ", completion " + new File(args[1]).getName());
    }
}
