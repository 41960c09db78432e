package org.macm.station.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.macm.template.DateTimeGroup;
import org.macm.template.Language;

/**
 * The console's words in one language, and its way of writing times: every label, state and
 * error a page shows comes from here, so that an officer reads the whole console in ja,
 * zh-Hans or en. The texts live in {@code console/i18n/BUNDLE.TAG.properties} (UTF-8), one
 * bundle per page so that pages change apart; ConsoleTextTest checks that every language has
 * every key. Times are shown in the officer's zone, with the DTG in UTC beside them.
 */
public final class UiText {
    /** The bundles, one per page or concern. */
    static final List<String> BUNDLES = List.of("common", "traffic", "message", "compose", "link", "map", "readiness",
            "transcript");

    private final Language language;
    private final ZoneId zone;
    private final Map<String, String> texts;
    private final DateTimeFormatter local;

    private UiText(Language language, ZoneId zone, Map<String, String> texts) {
        this.language = language;
        this.zone = zone;
        this.texts = texts;
        this.local = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss zzz", Locale.forLanguageTag(language.tag()))
                .withZone(zone);
    }

    /** Every language's texts, read once at startup. */
    public static Map<Language, Map<String, String>> load() {
        Map<Language, Map<String, String>> all = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            Map<String, String> texts = new HashMap<>();
            for (String bundle : BUNDLES) {
                String name = "i18n/" + bundle + "." + l.tag() + ".properties";
                try (InputStream in = UiText.class.getResourceAsStream(name)) {
                    if (in == null) {
                        continue;
                    }
                    Properties p = new Properties();
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + name, e);
                }
            }
            all.put(l, Map.copyOf(texts));
        }
        return all;
    }

    public static UiText of(Language language, ZoneId zone, Map<Language, Map<String, String>> all) {
        return new UiText(language, zone, all.getOrDefault(language, Map.of()));
    }

    public Language language() {
        return language;
    }

    /** The BCP 47 tag for the page's {@code lang} attribute. */
    public String tag() {
        return language.tag();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The text for {@code key}; a missing key shows as itself in brackets, plainly wrong but never blank. */
    public String get(String key) {
        String t = texts.get(key);
        return t == null ? "[" + key + "]" : t;
    }

    /** The text for {@code key} with {0}, {1}… filled in (MessageFormat rules: write '' for a quote). */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), Locale.forLanguageTag(language.tag())).format(args);
    }

    /** {@code 2026-11-30 21:49:07 JST}: a time in the officer's zone. */
    public String local(Instant time) {
        return local.format(time);
    }

    /** {@code 301249Z NOV 26}: the date-time group, always UTC, written as the forms write it. */
    public static String dtg(Instant time) {
        return DateTimeGroup.dtg(time);
    }

    /** "due in 4 min" or "overdue 2 min", in this language; seconds under a minute. */
    public String countdown(Instant deadline, Instant now) {
        Duration left = Duration.between(now, deadline);
        boolean overdue = left.isNegative();
        Duration d = left.abs();
        String amount = d.toMinutes() >= 1 ? format("common.minutes", d.toMinutes()) : format("common.seconds", d.toSeconds());
        return format(overdue ? "common.overdue" : "common.dueIn", amount);
    }
}
