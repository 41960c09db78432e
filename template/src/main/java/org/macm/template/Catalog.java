package org.macm.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.macm.core.crypto.Sha256;
import org.macm.core.log.MessageContent;

/**
 * The agreed set of message forms, as both stations of a link must hold it. A catalog is
 * immutable and checked when loaded: any message whose fields it accepts renders in every
 * language. Rendering never fails on what a peer sent; sending checks fields strictly.
 *
 * <p>The CLI and the station use it as: {@link #builtIn()} or {@link #load(Path)}; list with
 * {@link #forms()}; send with {@link #message(String, ObjectNode)}; show received content
 * with {@link #render(MessageContent, Language, ZoneId)}; agree with {@link #hash()}.
 */
public final class Catalog {
    private static final String RESOURCES = "/org/macm/template/catalog/";
    /** Names the canonical form, so a later change of layout gives a different hash. */
    static final String CANONICAL_FORMAT = "macm-catalog-1";

    private final Vocabulary vocabulary;
    private final List<Form> forms;
    private final CatalogHash hash;
    private final Renderer renderer;

    Catalog(Vocabulary vocabulary, List<Form> forms) {
        this.vocabulary = vocabulary;
        this.forms = forms.stream().sorted(Comparator.comparing(Form::id).thenComparingInt(Form::version)).toList();
        this.hash = CatalogHash.of(Sha256.digest(canonicalBytes()));
        this.renderer = new Renderer(vocabulary);
    }

    private static final class BuiltIn {
        static final Catalog CATALOG = CatalogLoader.load("built-in catalog " + RESOURCES, Catalog::resource,
                Optional.empty());
    }

    /** The catalog shipped with MACM (loaded once; it is immutable). */
    public static Catalog builtIn() {
        return BuiltIn.CATALOG;
    }

    /**
     * Loads and checks the catalog in {@code dir} ({@code catalog.toml} and one file per form).
     *
     * @throws CatalogException listing every problem, each naming the file and the key
     */
    public static Catalog load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CatalogException(dir + " is not a directory holding a catalog (catalog.toml and form files)",
                    new NoSuchFileException(dir.toString()));
        }
        Set<String> present;
        try (Stream<Path> files = Files.list(dir)) {
            present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".toml"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new CatalogException("cannot list catalog directory " + dir + ": " + e.getMessage(), e);
        }
        return CatalogLoader.load(dir.toString(), name -> file(dir, name), Optional.of(present));
    }

    private static Optional<String> file(Path dir, String name) {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            return Optional.empty();
        }
        Path path = dir.resolve(name);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CatalogException("cannot read catalog file " + path + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> resource(String name) {
        if (name.contains("/")) {
            return Optional.empty();
        }
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCES + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in catalog resource " + name, e);
        }
    }

    /** Every form version, by id then version. */
    public List<Form> forms() {
        return forms;
    }

    /** The shared words: sides and unit types. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** This exact form version, if the catalog holds it. */
    public Optional<Form> find(String id, int version) {
        return forms.stream().filter(f -> f.id().equals(id) && f.version() == version).findFirst();
    }

    /** The highest version of form {@code id}, if the catalog holds any. */
    public Optional<Form> latest(String id) {
        return forms.stream().filter(f -> f.id().equals(id)).reduce((a, b) -> b);
    }

    /** The canonical hash; see {@code docs/TEMPLATES.md} for how to compute it independently. */
    public CatalogHash hash() {
        return hash;
    }

    /**
     * Checks a templated message before it is sent.
     *
     * @return the form it uses (for its suggested precedence)
     * @throws UnknownFormException        if the catalog has no such form version
     * @throws TemplateValidationException listing every field that does not fit
     */
    public Form validate(MessageContent.Template template) {
        Form form = require(template.id(), template.version());
        FieldParser.parse(form, template.fields(), vocabulary);
        return form;
    }

    /**
     * The typed values of a message's fields, in form order; for code that reads fields
     * (the console's map, the encounter watch) rather than text.
     *
     * @throws UnknownFormException        if the catalog has no such form version
     * @throws TemplateValidationException listing every field that does not fit
     */
    public Map<String, FieldValue> values(MessageContent.Template template) {
        return FieldParser.parse(require(template.id(), template.version()), template.fields(), vocabulary);
    }

    /**
     * Builds the content of a message on the latest version of form {@code id}, checked; this
     * is what {@code macm send --template ID --fields FILE.json} signs.
     *
     * @throws UnknownFormException        if the catalog has no form {@code id}
     * @throws TemplateValidationException listing every field that does not fit
     */
    public MessageContent.Template message(String id, ObjectNode fields) {
        Form form = latest(id).orElseThrow(() -> unknown(id, Optional.empty()));
        MessageContent.Template template = new MessageContent.Template(form.id(), form.version(), fields);
        validate(template);
        return template;
    }

    /**
     * Renders content for a reader of {@code language} who keeps {@code readerZone}. Never
     * throws for content a peer could send: unknown forms and bad fields come back as raw
     * fields with {@link RenderedMessage#raw()} set.
     */
    public RenderedMessage render(MessageContent content, Language language, ZoneId readerZone) {
        return switch (content) {
            case MessageContent.FreeText text -> renderer.freeText(text, language);
            case MessageContent.Template template -> {
                Optional<Form> form = find(template.id(), template.version());
                if (form.isEmpty()) {
                    yield renderer.unknown(template, language);
                }
                ObjectNode fields = template.fields();
                try {
                    yield renderer.form(form.get(), FieldParser.parse(form.get(), fields, vocabulary), language,
                            readerZone);
                } catch (TemplateValidationException e) {
                    yield renderer.invalid(form.get(), fields, e.errors(), language);
                }
            }
        };
    }

    /** Renders in the zone the language's readers keep by default (JST, Beijing time, UTC). */
    public RenderedMessage render(MessageContent content, Language language) {
        return render(content, language, language.defaultZone());
    }

    /**
     * A plain-text sheet describing a form, for {@code macm template show}: title, suggested
     * precedence, and each field with whether it is required, its type and allowed values,
     * labelled in {@code language}.
     */
    public String describe(Form form, Language language) {
        List<String> lines = new ArrayList<>();
        lines.add(form.key() + ": " + form.title().in(language));
        lines.add("precedence: " + form.precedence());
        lines.add("fields:");
        for (FieldSpec f : form.fields()) {
            lines.add("  " + f.name() + " (" + (f.required() ? "required" : "optional") + ", "
                    + f.type().describe() + "): " + f.label().in(language));
        }
        for (Form.OrderedPair pair : form.ordered()) {
            lines.add("  " + pair.second() + " must be after " + pair.first());
        }
        return String.join("\n", lines);
    }

    private Form require(String id, int version) {
        return find(id, version).orElseThrow(() -> unknown(id, Optional.of(version)));
    }

    private UnknownFormException unknown(String id, Optional<Integer> version) {
        String known = forms.stream().map(Form::key).collect(Collectors.joining(", "));
        return new UnknownFormException("form " + id + version.map(v -> " v" + v).orElse("")
                + " is not in this catalog (hash " + hash.shortForm() + "); known forms: " + known);
    }

    /** The exact bytes the hash is taken over (documented with a test vector in docs/TEMPLATES.md). */
    byte[] canonicalBytes() {
        return CanonicalJson.bytes(canonical());
    }

    /** The catalog as the plain tree its hash is taken over; see {@link CanonicalJson}. */
    private Map<String, Object> canonical() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("catalog", CANONICAL_FORMAT);
        root.put("sides", vocabulary.sides().stream()
                .map(s -> Map.of("code", s.code(), "label", s.label().byTag())).toList());
        root.put("unit-types", vocabulary.unitKinds().stream()
                .map(k -> Map.of("code", k.code(), "domain", k.domain().name().toLowerCase(Locale.ROOT),
                        "label", k.label().byTag())).toList());
        root.put("forms", forms.stream().map(Catalog::canonical).toList());
        return root;
    }

    private static Map<String, Object> canonical(Form form) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", form.id());
        out.put("version", form.version());
        out.put("precedence", form.precedence().name());
        out.put("title", form.title().byTag());
        out.put("fields", form.fields().stream().map(f -> Map.of("name", f.name(), "type", canonical(f.type()),
                "required", f.required(), "label", f.label().byTag())).toList());
        out.put("ordered", form.ordered().stream().map(p -> List.of(p.first(), p.second())).toList());
        out.put("body", form.body().map(BodyTemplate::source).byTag());
        return out;
    }

    /** A type as it enters the hash: its name and its parameters. */
    static Map<String, Object> canonical(FieldType type) {
        Map<String, Object> out = new LinkedHashMap<>(type.parameters());
        out.put("type", type.typeName());
        return out;
    }

}
