package org.macm.station.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.core.log.MessageContent;
import org.macm.station.StationException;
import org.macm.template.Catalog;
import org.macm.template.CatalogException;
import org.macm.template.Form;
import org.macm.template.Language;
import org.macm.template.TemplateValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm template}: the agreed message forms. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "List, show, render and validate the agreed message forms.",
        subcommands = {TemplateCommand.ListForms.class, TemplateCommand.Show.class, TemplateCommand.Render.class,
            TemplateCommand.Validate.class})
final class TemplateCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "say what to do: macm template list | show ID | render ID | validate DIR");
    }

    static Language language(String tag) {
        return Language.fromTag(tag).orElseThrow(() -> new StationException("--lang " + tag
                + " is not a language this station renders: use en, ja or zh-Hans"));
    }

    /** Reads a fields file, saying which file and what is wrong when it is not a JSON object. */
    static ObjectNode fields(Path file) {
        try {
            JsonNode node = JsonMapper.builder().build().readTree(Files.readString(file));
            if (node == null || !node.isObject()) {
                throw new StationException("fields file " + file + " must hold one JSON object");
            }
            return (ObjectNode) node;
        } catch (NoSuchFileException e) {
            throw new StationException("fields file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new StationException("fields file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the forms of the built-in catalog.")
    static final class ListForms implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--lang", defaultValue = "en", description = "Language of the titles (en, ja, zh-Hans).")
        private String lang;

        @Override
        public Integer call() {
            Catalog catalog = Catalog.builtIn();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Catalog " + catalog.hash().hex());
            for (Form f : catalog.forms()) {
                out.printf("  %-22s v%-2d %-9s %s%n", f.id(), f.version(), f.precedence(),
                        catalog.describe(f, language(lang)).lines().findFirst().orElse(""));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a form: its fields and what each allows.")
    static final class Show implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The form, e.g. encounter-notice.")
        private String id;

        @Option(names = "--lang", defaultValue = "en", description = "Language (en, ja, zh-Hans).")
        private String lang;

        @Override
        public Integer call() {
            Catalog catalog = Catalog.builtIn();
            Form form = catalog.latest(id).orElseThrow(() -> new StationException("no form '" + id
                    + "' in the catalog; see 'macm template list'"));
            spec.commandLine().getOut().println(catalog.describe(form, language(lang)));
            return 0;
        }
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Render a form with the fields in a JSON file, as a reader of a language sees it.")
    static final class Render implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The form, e.g. encounter-notice.")
        private String id;

        @Option(names = "--lang", defaultValue = "en", description = "The reader's language (en, ja, zh-Hans).")
        private String lang;

        @Option(names = "--zone", paramLabel = "ZONE", description = "The reader's time zone (default: the language's own).")
        private Optional<String> zone;

        @Option(names = "--fields", required = true, paramLabel = "FILE", description = "The fields, one JSON object.")
        private Path fieldsFile;

        @Override
        public Integer call() {
            Catalog catalog = Catalog.builtIn();
            MessageContent.Template content;
            try {
                content = catalog.message(id, fields(fieldsFile));
            } catch (TemplateValidationException e) {
                throw new StationException(fieldsFile + ": " + e.getMessage(), e);
            }
            Language language = language(lang);
            spec.commandLine().getOut().println(catalog.render(content, language,
                    zone.map(ZoneId::of).orElse(language.defaultZone())).text());
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a folder of form files (a proposed catalog); print its hash if valid.")
    static final class Validate implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The folder holding catalog.toml and the form files.")
        private Path dir;

        @Override
        public Integer call() {
            try {
                Catalog catalog = Catalog.load(dir);
                spec.commandLine().getOut().println("valid: " + catalog.forms().size() + " forms, catalog hash "
                        + catalog.hash().hex());
                return 0;
            } catch (CatalogException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("macm: " + dir + " is not a valid catalog:");
                e.problems().forEach(p -> err.println("  " + p));
                return 1;
            }
        }
    }
}
