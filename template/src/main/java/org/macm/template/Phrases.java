package org.macm.template;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The fixed words and word order of one rendering language: hemisphere names, units,
 * zone names, the notices around raw fields. Each language keeps them in its own file
 * ({@link JaPhrases}, {@link ZhHansPhrases}, {@link EnPhrases}) so a translator changes one
 * file, and a phrase one language lacks is a compile error rather than a blank in a message.
 * Numbers, date-time groups and coordinates are formatted by {@link Style}, which fills these in.
 */
interface Phrases {

    static Phrases of(Language language) {
        return switch (language) {
            case JA -> JaPhrases.INSTANCE;
            case ZH_HANS -> ZhHansPhrases.INSTANCE;
            case EN -> EnPhrases.INSTANCE;
        };
    }

    /** A latitude, {@code degreesMinutes} being {@code 25°45.0′}. */
    String latitude(String degreesMinutes, boolean north);

    /** A longitude, {@code degreesMinutes} being {@code 123°30.0′}. */
    String longitude(String degreesMinutes, boolean east);

    /** What Japan Standard Time is called beside a DTG. */
    String japanTime();

    /** What China Standard Time (Beijing time) is called beside a DTG. */
    String chinaTime();

    /** A zone without an agreed name, called by its offset such as {@code UTC+05:30}. */
    String otherZone(String offset);

    /** The DTG followed by the reader's local time in {@code zone}, to the minute. */
    String withLocalTime(String dtg, String zone, ZonedDateTime local);

    /** The units of days, hours, minutes and seconds, in that order, written after each number. */
    List<String> durationUnits();

    /** Between the parts of a duration. */
    String durationSeparator();

    /** After a course in whole degrees. */
    String degreesTrue();

    /** After a speed. */
    String knots();

    /** After a distance. */
    String nauticalMiles();

    /** An altitude of 0. */
    String surface();

    /** An altitude, {@code feet} and {@code metres} already grouped; a language shows what its aviators use. */
    String altitude(String feet, String metres);

    /** A message named by its seq in the peer's log. */
    String serial(long seq);

    /** A unit's side and type, {@code side} written before the type. */
    String unit(String side, String kind);

    /** A unit's name as broadcast, put after its side and type. */
    String unitName(String name);

    String hullNumber();

    String tailNumber();

    String icao();

    String callSign();

    /** A unit's identifiers ({@code MMSI 412000101}), after its name. */
    String unitIdentifiers(List<String> identifiers);

    /** A polygon from its numbered vertices {@code (1) …}. */
    String polygon(List<String> numberedVertices);

    String circle(String center, String radius);

    String namedArea(String name, String shape);

    /** Between the items of a list. */
    String listSeparator();

    /** The names of languages by primary subtag ({@code ja}, {@code zh}, {@code en}), as this reader calls them. */
    Map<String, String> languageNames();

    /** The mark put before text that is shown as written, in another language. */
    String untranslated(String tag);

    String freeTextTitle();

    String unknownFormTitle(String id, int version);

    String unknownFormNotice();

    String invalidFieldsTitle(String title);

    String invalidFieldsNotice(String id, int version);

    String problemsHeading();

    /** The name of the language a text was written in; a language without a name here is shown by its tag. */
    default String languageName(String tag) {
        int dash = tag.indexOf('-');
        String primary = dash < 0 ? tag : tag.substring(0, dash);
        return languageNames().getOrDefault(primary, tag);
    }
}
