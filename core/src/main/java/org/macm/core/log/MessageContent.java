package org.macm.core.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.regex.Pattern;
import org.macm.core.MacmException;

/**
 * The content of a message: a pre-agreed template with typed fields (rendered by each
 * station in its reader's language), or free text in the language it was written in.
 */
public sealed interface MessageContent {

    /** A template reference; the fields are kept as the JSON object that was signed. */
    record Template(String id, int version, ObjectNode fields) implements MessageContent {
        private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

        public Template {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(fields, "fields");
            if (!isId(id)) {
                throw new MacmException("template id '" + id + "' must be lower-case letters, digits and dashes");
            }
            if (version < 1) {
                throw new MacmException("template version starts at 1, got " + version);
            }
            fields = fields.deepCopy();
        }

        @Override
        public ObjectNode fields() {
            return fields.deepCopy();
        }

        /** Whether {@code id} is a template id: {@code [a-z][a-z0-9-]{0,63}}. */
        static boolean isId(String id) {
            return ID.matcher(id).matches();
        }
    }

    /** Text shown as written and marked untranslated; {@code lang} is a BCP 47 tag. */
    record FreeText(String lang, String text) implements MessageContent {
        private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

        public FreeText {
            Objects.requireNonNull(lang, "lang");
            Objects.requireNonNull(text, "text");
            if (!isLanguageTag(lang)) {
                throw new MacmException("'" + lang + "' is not a language tag such as en, ja or zh-Hans");
            }
            if (Blank.isBlank(text)) {
                throw new MacmException("free text must not be empty");
            }
        }

        /**
         * Whether {@code lang} is a language tag as entries carry it: 2 or 3 lower-case ASCII
         * letters, then any number of subtags of a dash and 2 to 8 ASCII letters or digits.
         */
        static boolean isLanguageTag(String lang) {
            return LANG.matcher(lang).matches();
        }
    }
}
