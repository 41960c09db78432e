package org.macm.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.macm.core.log.Precedence;

/**
 * Reads a catalog: {@code catalog.toml} (the vocabulary and the list of form files) and one
 * TOML file per form version. It checks everything a renderer relies on, so that a loaded
 * catalog renders any valid message without failing: every body names only declared fields
 * and names every field in every language, every label exists in all three languages.
 */
final class CatalogLoader {
    static final String INDEX = "catalog.toml";
    private static final Pattern FORM_ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,31}");
    /** The types whose values a form may order, in words, e.g. {@code date-time, duration ... or count}. */
    private static final String ORDERED_TYPES = orderedTypes();

    private static String orderedTypes() {
        List<String> names = FieldTypes.names().stream()
                .filter(n -> FieldType.Ordered.class.isAssignableFrom(FieldTypes.named(n).orElseThrow().type()))
                .toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    private final TomlMapper mapper = new TomlMapper();
    private final List<String> problems = new ArrayList<>();

    /**
     * Loads a catalog whose files {@code read} returns by name.
     *
     * @param where   the directory or resource folder, for messages
     * @param read    a file's text, or empty when there is no such file
     * @param present the {@code .toml} file names actually present, when they can be listed,
     *                so that a form file missing from {@code catalog.toml} is reported
     */
    static Catalog load(String where, Function<String, Optional<String>> read, Optional<Set<String>> present) {
        return new CatalogLoader().run(where, read, present);
    }

    private Catalog run(String where, Function<String, Optional<String>> read, Optional<Set<String>> present) {
        Optional<TomlTable> index = parse(INDEX, read);
        if (index.isEmpty()) {
            throw new CatalogException(where, problems);
        }
        TomlTable root = index.get();
        List<String> files = root.strings("forms", true);
        Vocabulary vocabulary = new Vocabulary(
                root.tables("sides", true).stream().map(this::side).flatMap(Optional::stream).toList(),
                root.tables("unit-types", true).stream().map(this::unitKind).flatMap(Optional::stream).toList());
        root.finish();
        duplicates(INDEX, "sides", vocabulary.sides().stream().map(Vocabulary.Side::code).toList());
        duplicates(INDEX, "unit-types", vocabulary.unitKinds().stream().map(Vocabulary.UnitKind::code).toList());

        Map<String, Form> forms = new TreeMap<>();
        for (String file : files) {
            parse(file, read).flatMap(t -> form(file, t)).ifPresent(form -> {
                String expected = form.id() + ".v" + form.version() + ".toml";
                if (!file.equals(expected)) {
                    problems.add(file + ": a file holding " + form.key() + " must be named " + expected);
                }
                if (forms.put(form.key(), form) != null) {
                    problems.add(file + ": " + form.key() + " is defined twice");
                }
            });
        }
        present.ifPresent(names -> names.stream().sorted()
                .filter(n -> !n.equals(INDEX) && !files.contains(n))
                .forEach(n -> problems.add(INDEX + ": forms: does not list " + n
                        + ", which is in the catalog folder (add it, or remove the file)")));
        if (!problems.isEmpty()) {
            throw new CatalogException(where, problems);
        }
        return new Catalog(vocabulary, List.copyOf(forms.values()));
    }

    private Optional<TomlTable> parse(String file, Function<String, Optional<String>> read) {
        Optional<String> text = read.apply(file);
        if (text.isEmpty()) {
            problems.add(file + ": does not exist");
            return Optional.empty();
        }
        try {
            JsonNode node = mapper.readTree(text.get());
            return Optional.of(new TomlTable(file, "", node, problems));
        } catch (JsonProcessingException e) {
            problems.add(file + ": not valid TOML (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private Optional<Vocabulary.Side> side(TomlTable t) {
        Optional<String> code = t.code("code");
        Optional<Localized<String>> label = t.labels();
        t.finish();
        return code.isPresent() && label.isPresent()
                ? Optional.of(new Vocabulary.Side(code.get(), label.get())) : Optional.empty();
    }

    private Optional<Vocabulary.UnitKind> unitKind(TomlTable t) {
        Optional<String> code = t.code("code");
        Optional<Vocabulary.Domain> domain = t.string("domain", true).flatMap(d -> switch (d) {
            case "sea" -> Optional.of(Vocabulary.Domain.SEA);
            case "air" -> Optional.of(Vocabulary.Domain.AIR);
            default -> {
                t.problem("domain", "is '" + d + "'; allowed: sea, air");
                yield Optional.empty();
            }
        });
        Optional<Localized<String>> label = t.labels();
        t.finish();
        return code.isPresent() && domain.isPresent() && label.isPresent()
                ? Optional.of(new Vocabulary.UnitKind(code.get(), domain.get(), label.get())) : Optional.empty();
    }

    private Optional<Form> form(String file, TomlTable t) {
        int before = problems.size();
        Optional<String> id = t.string("id", true).filter(v -> {
            boolean ok = FORM_ID.matcher(v).matches();
            if (!ok) {
                t.problem("id", "'" + v + "' is not a form id (lower-case letters, digits and dashes, "
                        + "starting with a letter, at most 64)");
            }
            return ok;
        });
        Optional<Long> version = t.integer("version", true).filter(v -> {
            boolean ok = v >= 1 && v <= Integer.MAX_VALUE;
            if (!ok) {
                t.problem("version", "is " + v + "; versions start at 1");
            }
            return ok;
        });
        Optional<Precedence> precedence = t.string("precedence", true).flatMap(p -> {
            try {
                return Optional.of(Precedence.valueOf(p));
            } catch (IllegalArgumentException e) {
                t.problem("precedence", "is '" + p + "'; allowed: FLASH, IMMEDIATE, PRIORITY, ROUTINE");
                return Optional.empty();
            }
        });
        Optional<Localized<String>> title = t.table("title", true).flatMap(this::labels);
        List<FieldSpec> fields = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        List<TomlTable> fieldTables = t.tables("fields", true);
        if (t.has("fields") && fieldTables.isEmpty()) {
            t.problem("fields", "a form needs at least one field");
        }
        for (TomlTable f : fieldTables) {
            field(f, declared).ifPresent(fields::add);
        }
        duplicates(file, "fields", fields.stream().map(FieldSpec::name).toList());
        List<Form.OrderedPair> ordered = new ArrayList<>();
        List<List<String>> pairs = t.stringLists("ordered");
        for (int i = 0; i < pairs.size(); i++) {
            ordered(t, i, pairs.get(i), fields).ifPresent(ordered::add);
        }
        Optional<Localized<BodyTemplate>> body = t.table("body", true).flatMap(b -> body(b, declared, fields));
        t.finish();
        if (problems.size() > before || id.isEmpty() || version.isEmpty() || precedence.isEmpty()
                || title.isEmpty() || body.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Form(id.get(), Math.toIntExact(version.get()), precedence.get(), title.get(), fields,
                ordered, body.get()));
    }

    /** Adds the field's name to {@code declared} even when the rest is wrong, so the body reports no echo. */
    private Optional<FieldSpec> field(TomlTable t, Set<String> declared) {
        Optional<String> name = t.string("name", true).filter(n -> {
            boolean ok = FIELD_NAME.matcher(n).matches();
            if (!ok) {
                t.problem("name", "'" + n + "' is not a field name (lowerCamelCase letters and digits, "
                        + "starting with a letter, at most 32)");
            }
            return ok;
        });
        name.ifPresent(declared::add);
        boolean required = t.bool("required").orElse(true);
        Optional<FieldType> type = type(t, true);
        Optional<Localized<String>> label = t.table("label", true).flatMap(this::labels);
        if (type.isPresent()) {
            // Which keys are allowed depends on the type; with no type, unknown keys would be noise.
            t.finish();
        }
        if (name.isEmpty() || type.isEmpty() || label.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FieldSpec(name.get(), type.get(), required, label.get()));
    }

    /** The type named in {@code t}'s {@code type} key, with its parameters, through the one table of types. */
    private Optional<FieldType> type(TomlTable t, boolean listAllowed) {
        Optional<String> name = t.string("type", true);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<FieldTypes.Entry> entry = FieldTypes.named(name.get());
        if (entry.isEmpty()) {
            t.problem("type", "is '" + name.get() + "'; allowed: " + String.join(", ", FieldTypes.names()));
            return Optional.empty();
        }
        if (!listAllowed && entry.get().type() == ListType.class) {
            t.problem("type", "a list cannot hold lists");
            return Optional.empty();
        }
        return entry.get().reader().read(t, item -> {
            Optional<FieldType> it = type(item, false);
            item.finish();
            return it;
        }).map(FieldType.class::cast);
    }

    private Optional<Form.OrderedPair> ordered(TomlTable t, int index, List<String> pair, List<FieldSpec> fields) {
        String key = "ordered[" + index + "]";
        if (pair.size() != 2) {
            t.problem(key, "must name two fields, first the earlier or lower");
            return Optional.empty();
        }
        Optional<FieldSpec> first = fields.stream().filter(f -> f.name().equals(pair.get(0))).findFirst();
        Optional<FieldSpec> second = fields.stream().filter(f -> f.name().equals(pair.get(1))).findFirst();
        if (first.isEmpty() || second.isEmpty()) {
            t.problem(key, "names a field the form does not declare: " + pair);
            return Optional.empty();
        }
        FieldType type = first.get().type();
        if (!(type instanceof FieldType.Ordered) || !type.getClass().equals(second.get().type().getClass())) {
            t.problem(key, "fields must both be " + ORDERED_TYPES);
            return Optional.empty();
        }
        return Optional.of(new Form.OrderedPair(pair.get(0), pair.get(1)));
    }

    private Optional<Localized<BodyTemplate>> body(TomlTable t, Set<String> declared, List<FieldSpec> fields) {
        Optional<BodyTemplate> ja = bodyIn(t, Language.JA, declared, fields);
        Optional<BodyTemplate> zh = bodyIn(t, Language.ZH_HANS, declared, fields);
        Optional<BodyTemplate> en = bodyIn(t, Language.EN, declared, fields);
        t.finish();
        if (ja.isEmpty() || zh.isEmpty() || en.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Localized<>(ja.get(), zh.get(), en.get()));
    }

    private Optional<BodyTemplate> bodyIn(TomlTable t, Language language, Set<String> declared,
                                          List<FieldSpec> fields) {
        Optional<String> text = t.string(language.tag(), true);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        BodyTemplate body;
        try {
            body = BodyTemplate.parse(text.get());
        } catch (IllegalArgumentException e) {
            t.problem(language.tag(), e.getMessage());
            return Optional.empty();
        }
        if (body.source().isEmpty()) {
            t.problem(language.tag(), "is empty");
            return Optional.empty();
        }
        boolean ok = true;
        for (String used : body.fields()) {
            if (!declared.contains(used)) {
                t.problem(language.tag(), "{" + used + "} is not a declared field");
                ok = false;
            }
        }
        for (FieldSpec f : fields) {
            if (!body.fields().contains(f.name())) {
                // Every field must reach every reader; otherwise a translation silently drops it.
                t.problem(language.tag(), "does not show field '" + f.name() + "'; every field must appear "
                        + "in every language");
                ok = false;
            }
        }
        return ok ? Optional.of(body) : Optional.empty();
    }

    private Optional<Localized<String>> labels(TomlTable t) {
        Optional<Localized<String>> label = t.labels();
        t.finish();
        return label;
    }

    private void duplicates(String file, String key, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                problems.add(file + ": " + key + ": '" + name + "' appears twice");
            }
        }
    }
}
