package org.macm.station.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.macm.template.Language;
import picocli.CommandLine;

/**
 * Reads {@code --lang}: the tags MACM renders ({@code en}, {@code ja}, {@code zh-Hans}) in
 * any case, and the usual ways of writing Simplified Chinese ({@code zh}, {@code zh-CN},
 * {@code zh-Hans-CN}) as {@code zh-Hans}. Anything else is a usage error listing the tags.
 * Registered once for every command in {@link Macm#commandLine}.
 */
final class LanguageConverter implements CommandLine.ITypeConverter<Language> {
    private static final Map<String, Language> ALIASES = Map.of(
            "zh", Language.ZH_HANS, "zh-cn", Language.ZH_HANS, "zh-hans-cn", Language.ZH_HANS);

    @Override
    public Language convert(String value) {
        String tag = value.strip().replace('_', '-');
        return Language.fromTag(tag)
                .or(() -> Optional.ofNullable(ALIASES.get(tag.toLowerCase(Locale.ROOT))))
                .orElseThrow(() -> new CommandLine.TypeConversionException("'" + value
                        + "' is not a language MACM renders; use one of " + String.join(", ", new Tags())
                        + " (zh, zh-CN and zh-Hans-CN are read as zh-Hans)"));
    }

    /** The tags for help texts and shell completion: en, ja, zh-Hans. */
    static final class Tags implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Language.values()).map(Language::tag).sorted().iterator();
        }
    }
}
