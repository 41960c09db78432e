package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.macm.template.Language;

/**
 * The console's words exist in every language: each bundle's English keys are in ja and
 * zh-Hans too (and no others), no text is empty, each text keeps its placeholders in every
 * language, keys are named for their bundle (so two bundles cannot overwrite each other), and
 * every key a template names is there. An officer never sees a {@code [key]} or a blank.
 */
class ConsoleTextTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    /** A string literal that names a text: a bundle's name, a dot, more (not a file name such as traffic.jte). */
    private static final Pattern NAMED_KEY = Pattern.compile("\"((?:" + String.join("|", UiText.BUNDLES)
            + ")\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(jte|js|css|geojson|properties)");

    private static Optional<Properties> bundle(String name, Language language) throws IOException {
        try (InputStream in = UiText.class.getResourceAsStream("i18n/" + name + "." + language.tag() + ".properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return Optional.of(p);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyBundle_hasEveryEnglishKeyInJapaneseAndChinese_noneEmpty_samePlaceholders() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        for (String name : UiText.BUNDLES) {
            Optional<Properties> en = bundle(name, Language.EN);
            for (Language l : Language.values()) {
                Optional<Properties> other = bundle(name, l);
                soft.assertThat(other.isPresent()).as("bundle %s.%s exists exactly when %s.en does", name, l.tag(), name)
                        .isEqualTo(en.isPresent());
                if (en.isEmpty() || other.isEmpty()) {
                    continue;
                }
                soft.assertThat(other.get().stringPropertyNames()).as("keys of %s.%s", name, l.tag())
                        .containsExactlyInAnyOrderElementsOf(en.get().stringPropertyNames());
                for (String key : other.get().stringPropertyNames()) {
                    String text = other.get().getProperty(key);
                    soft.assertThat(text.isBlank()).as("%s in %s is empty", key, l.tag()).isFalse();
                    soft.assertThat(key).as("a key of bundle %s", name).startsWith(name + ".");
                    soft.assertThat(placeholders(text)).as("placeholders of %s in %s", key, l.tag())
                            .isEqualTo(placeholders(en.get().getProperty(key, "")));
                    try {
                        // Numbers fit both kinds of placeholder: {0} and {0,number,#}.
                        new MessageFormat(text).format(new Object[] {1, 2, 3, 4});
                    } catch (IllegalArgumentException e) {
                        soft.fail("%s in %s is not a valid MessageFormat pattern: %s", key, l.tag(), e.getMessage());
                    }
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void everyKeyATemplateOrPageNames_existsInEveryLanguage() throws IOException {
        Map<Language, Map<String, String>> all = UiText.load();
        Set<String> named = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src/main/jte"), Path.of("src/main/java/org/macm/station/console")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = NAMED_KEY.matcher(Files.readString(f));
                    while (m.find()) {
                        if (!FILE_NAME.matcher(m.group(1)).matches()) {
                            named.add(m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(named).as("keys named in templates and pages").isNotEmpty().contains("common.nav.traffic");
        SoftAssertions soft = new SoftAssertions();
        for (Language l : Language.values()) {
            soft.assertThat(all.get(l).keySet()).as("texts in %s", l.tag()).containsAll(named);
        }
        soft.assertAll();
    }
}
