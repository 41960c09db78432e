package org.macm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code text} type: text in the language it was written in,
 * {@code {"lang":"en","text":"..."}}, at most {@code maxLength} characters; line breaks are
 * allowed, other control characters are not. It is shown as written, marked untranslated when
 * that is not the reader's language.
 */
public record TextType(int maxLength) implements FieldType {
    private static final int DEFAULT_MAX_LENGTH = 2000;
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    public TextType {
        if (maxLength < 1) {
            throw new IllegalArgumentException("text max-length must be at least 1, got " + maxLength);
        }
    }

    /** Text in the language {@code lang} (a BCP 47 tag). */
    public record Text(String lang, String text) implements FieldValue {
        public Text {
            Objects.requireNonNull(lang, "lang");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("lang", lang);
            node.put("text", text);
            return node;
        }
    }

    /** Reads {@code max-length} from the field's table in a catalog file. */
    static Optional<TextType> fromCatalog(TomlTable table, Function<TomlTable, Optional<FieldType>> item) {
        return table.positive("max-length", DEFAULT_MAX_LENGTH).map(m -> new TextType(Math.toIntExact(m)));
    }

    @Override
    public String describe() {
        return "text {\"lang\", \"text\"}";
    }

    @Override
    public Optional<Text> read(String path, JsonNode node, FieldReader in) {
        String allowed = "an object {\"lang\": a language tag such as \"ja\", \"zh-Hans\" or \"en\", "
                + "\"text\": 1 to " + maxLength + " characters}";
        if (!in.object(path, node, Set.of("lang", "text"), allowed)) {
            return Optional.empty();
        }
        int before = in.errorCount();
        Optional<String> lang = in.code(path + ".lang", in.require(path, node, "lang", allowed),
                "a BCP 47 language tag such as ja, zh-Hans or en", c -> LANG.matcher(c).matches());
        JsonNode textNode = in.require(path, node, "text", allowed);
        Optional<String> text = textNode == null ? Optional.empty() : text(path + ".text", textNode, in);
        if (in.errorCount() > before || lang.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Text(lang.get(), text.get()));
    }

    private Optional<String> text(String path, JsonNode node, FieldReader in) {
        if (!node.isTextual() || node.textValue().isBlank()) {
            in.error(path, "is " + FieldReader.show(node), "text of 1 to " + maxLength + " characters");
            return Optional.empty();
        }
        String text = node.textValue();
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            in.error(path, "is " + length + " characters long", "at most " + maxLength + " characters");
            return Optional.empty();
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            in.error(path, "contains a control character other than a line break",
                    "text with line breaks but no other control characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    @Override
    public String render(FieldValue value, Rendering out) {
        Text t = (Text) value;
        return out.language().reads(t.lang()) ? t.text() : out.phrases().untranslated(t.lang()) + " " + t.text();
    }

    @Override
    public boolean untranslated(FieldValue value, Language language) {
        return !language.reads(((Text) value).lang());
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("max-length", maxLength);
    }
}
