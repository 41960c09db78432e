package org.macm.template;

import java.time.ZoneId;

/**
 * Everything a field type needs to write one value for one reader: the reader's language and
 * zone, the {@link Style} that formats in that language, and the catalog's vocabulary
 * (unit sides and types are labelled there, not in the phrases).
 */
record Rendering(Language language, ZoneId zone, Style style, Vocabulary vocabulary) {

    static Rendering of(Language language, ZoneId zone, Vocabulary vocabulary) {
        return new Rendering(language, zone, Style.of(language), vocabulary);
    }

    Phrases phrases() {
        return style.phrases();
    }
}
