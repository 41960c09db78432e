package org.macm.template;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One value per rendering language: a form's title, a field's label, an option's label, a
 * body. The catalog requires all three, so rendering never falls back to another language.
 *
 * @param <T> what is held per language
 */
public record Localized<T>(T ja, T zhHans, T en) {
    public Localized {
        Objects.requireNonNull(ja, "ja");
        Objects.requireNonNull(zhHans, "zhHans");
        Objects.requireNonNull(en, "en");
    }

    /** The value for {@code language}. */
    public T in(Language language) {
        return switch (language) {
            case JA -> ja;
            case ZH_HANS -> zhHans;
            case EN -> en;
        };
    }

    /** The values by language tag, as the catalog files and the catalog hash write them. */
    Map<String, Object> byTag() {
        return Map.of(Language.JA.tag(), ja, Language.ZH_HANS.tag(), zhHans, Language.EN.tag(), en);
    }

    /** Applies {@code f} to each language's value. */
    public <R> Localized<R> map(Function<? super T, ? extends R> f) {
        return new Localized<>(f.apply(ja), f.apply(zhHans), f.apply(en));
    }
}
