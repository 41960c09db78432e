package org.macm.station.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.core.log.MessageContent;
import org.macm.station.StationException;
import org.macm.template.Catalog;
import org.macm.template.CatalogException;
import org.macm.template.FieldSpec;
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

        @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG", completionCandidates = LanguageConverter.Tags.class,
                description = "Language of the titles: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        private Language lang;

        @Option(names = "--json", description = "Print JSON for machines: the catalog hash and each form's id, version, precedence and title.")
        private boolean json;

        @Override
        public Integer call() {
            Catalog catalog = Catalog.builtIn();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode root = Json.MAPPER.createObjectNode().put("catalog", catalog.hash().hex());
                ArrayNode forms = root.putArray("forms");
                catalog.forms().forEach(f -> forms.add(Json.MAPPER.createObjectNode().put("id", f.id())
                        .put("version", f.version()).put("precedence", f.precedence().name())
                        .put("title", f.title().in(lang))));
                Json.print(out, root);
                return 0;
            }
            out.println("Catalog " + catalog.hash().hex());
            for (Form f : catalog.forms()) {
                out.printf("  %-22s v%-2d %-9s %s%n", f.id(), f.version(), f.precedence(),
                        catalog.describe(f, lang).lines().findFirst().orElse(""));
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

        @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG", completionCandidates = LanguageConverter.Tags.class,
                description = "Language: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        private Language lang;

        @Option(names = "--json", description = "Print JSON for machines: the form and each field's name, "
                + "whether it is required, what it allows and its label.")
        private boolean json;

        @Override
        public Integer call() {
            Catalog catalog = Catalog.builtIn();
            Form form = catalog.latest(id).orElseThrow(() -> new StationException("no form '" + id
                    + "' in the catalog; see 'macm template list'"));
            String sheet = catalog.describe(form, lang);
            if (json) {
                Json.print(spec.commandLine().getOut(), json(form, sheet));
            } else {
                spec.commandLine().getOut().println(sheet);
            }
            return 0;
        }

        /** The form as JSON; what each field allows is taken from the sheet, which says it in words. */
        private ObjectNode json(Form form, String sheet) {
            ObjectNode root = Json.MAPPER.createObjectNode().put("id", form.id()).put("version", form.version())
                    .put("precedence", form.precedence().name()).put("title", form.title().in(lang));
            ArrayNode fields = root.putArray("fields");
            List<String> lines = sheet.lines().toList();
            for (FieldSpec f : form.fields()) {
                String prefix = "  " + f.name() + " (" + (f.required() ? "required" : "optional") + ", ";
                String suffix = "): " + f.label().in(lang);
                String allows = lines.stream().filter(l -> l.startsWith(prefix) && l.endsWith(suffix))
                        .map(l -> l.substring(prefix.length(), l.length() - suffix.length())).findFirst().orElse("");
                fields.add(Json.MAPPER.createObjectNode().put("name", f.name()).put("required", f.required())
                        .put("allows", allows).put("label", f.label().in(lang)));
            }
            ArrayNode ordered = root.putArray("ordered");
            form.ordered().forEach(p -> ordered.add(Json.MAPPER.createObjectNode().put("first", p.first())
                    .put("second", p.second())));
            return root;
        }
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Render a form with the fields in a JSON file, as a reader of a language sees it.")
    static final class Render implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The form, e.g. encounter-notice.")
        private String id;

        @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG", completionCandidates = LanguageConverter.Tags.class,
                description = "The reader's language: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        private Language lang;

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
            spec.commandLine().getOut().println(catalog.render(content, lang,
                    zone.map(ZoneId::of).orElse(lang.defaultZone())).text());
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
