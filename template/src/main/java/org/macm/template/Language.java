package org.macm.template;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * A language a station renders messages in. Each has its BCP 47 tag, as used in the catalog
 * files and in free-text fields, and the zone a duty officer reading it is assumed to keep
 * unless the station says otherwise: Japan Standard Time for Japanese, China Standard Time
 * (UTC+8, Beijing time) for Simplified Chinese, and UTC for English.
 */
public enum Language {
    JA("ja", ZoneId.of("Asia/Tokyo")),
    ZH_HANS("zh-Hans", ZoneId.of("Asia/Shanghai")),
    EN("en", ZoneId.of("UTC"));

    private final String tag;
    private final ZoneId defaultZone;

    Language(String tag, ZoneId defaultZone) {
        this.tag = tag;
        this.defaultZone = defaultZone;
    }

    /** The BCP 47 tag: {@code ja}, {@code zh-Hans} or {@code en}. */
    public String tag() {
        return tag;
    }

    /** The zone local times are shown in when the station configures none. */
    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** The language with exactly this tag (case-insensitive), if it is one MACM renders. */
    public static Optional<Language> fromTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether text written in {@code tag} can be read as this language without translation.
     * Chinese written without a script subtag, or for mainland China or Singapore, is taken
     * as Simplified; Traditional Chinese ({@code zh-Hant}, {@code zh-TW}, {@code zh-HK}) is not.
     */
    public boolean reads(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        return switch (this) {
            case JA -> lower.equals("ja") || lower.startsWith("ja-");
            case EN -> lower.equals("en") || lower.startsWith("en-");
            case ZH_HANS -> lower.equals("zh") || lower.startsWith("zh-hans")
                    || lower.equals("zh-cn") || lower.equals("zh-sg");
        };
    }

    @Override
    public String toString() {
        return tag;
    }
}
