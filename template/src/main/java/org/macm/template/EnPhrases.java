package org.macm.template;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * English as both sides' liaison officers write it: 25°45.0′N 123°30.0′E,
 * 011200Z APR 23 (1 Apr 2023 21:00 JST), Chinese destroyer "NANCHANG" (hull 101).
 */
final class EnPhrases implements Phrases {
    static final EnPhrases INSTANCE = new EnPhrases();
    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    private EnPhrases() {
    }

    @Override
    public String latitude(String degreesMinutes, boolean north) {
        return degreesMinutes + (north ? "N" : "S");
    }

    @Override
    public String longitude(String degreesMinutes, boolean east) {
        return degreesMinutes + (east ? "E" : "W");
    }

    @Override
    public String japanTime() {
        return "JST";
    }

    @Override
    public String chinaTime() {
        return "CST (UTC+8)";
    }

    @Override
    public String otherZone(String offset) {
        return offset;
    }

    @Override
    public String withLocalTime(String dtg, String zone, ZonedDateTime t) {
        return dtg + " (" + t.getDayOfMonth() + " " + MONTHS.get(t.getMonthValue() - 1) + " " + t.getYear() + " "
                + DateTimeGroup.two(t.getHour()) + ":" + DateTimeGroup.two(t.getMinute()) + " " + zone + ")";
    }

    @Override
    public List<String> durationUnits() {
        return List.of(" d", " h", " min", " s");
    }

    @Override
    public String durationSeparator() {
        return " ";
    }

    @Override
    public String degreesTrue() {
        return "°T";
    }

    @Override
    public String knots() {
        return " kn";
    }

    @Override
    public String nauticalMiles() {
        return " NM";
    }

    @Override
    public String surface() {
        return "SFC";
    }

    @Override
    public String altitude(String feet, String metres) {
        return feet + " ft";
    }

    @Override
    public String serial(long seq) {
        return "serial " + seq;
    }

    @Override
    public String unit(String side, String kind) {
        return side + " " + kind;
    }

    @Override
    public String unitName(String name) {
        return " \"" + name + "\"";
    }

    @Override
    public String hullNumber() {
        return "hull";
    }

    @Override
    public String tailNumber() {
        return "tail";
    }

    @Override
    public String icao() {
        return "ICAO";
    }

    @Override
    public String callSign() {
        return "call sign";
    }

    @Override
    public String unitIdentifiers(List<String> identifiers) {
        return " (" + String.join(", ", identifiers) + ")";
    }

    @Override
    public String polygon(List<String> numberedVertices) {
        return "area bounded by lines joining " + String.join(", ", numberedVertices);
    }

    @Override
    public String circle(String center, String radius) {
        return "circle of radius " + radius + " centred on " + center;
    }

    @Override
    public String namedArea(String name, String shape) {
        return "\"" + name + "\" (" + shape + ")";
    }

    @Override
    public String listSeparator() {
        return "; ";
    }

    @Override
    public Map<String, String> languageNames() {
        return Map.of("ja", "Japanese", "zh", "Chinese", "en", "English");
    }

    @Override
    public String untranslated(String tag) {
        return "[untranslated, original in " + languageName(tag) + "]";
    }

    @Override
    public String freeTextTitle() {
        return "Free text";
    }

    @Override
    public String unknownFormTitle(String id, int version) {
        return "Unknown form " + id + " version " + version;
    }

    @Override
    public String unknownFormNotice() {
        return "[raw fields] This form is not in this station's catalog; the fields are shown exactly as received.";
    }

    @Override
    public String invalidFieldsTitle(String title) {
        return title + " (fields do not fit the form)";
    }

    @Override
    public String invalidFieldsNotice(String id, int version) {
        return "[raw fields] The fields do not fit form " + id + " version " + version
                + "; they are shown exactly as received.";
    }

    @Override
    public String problemsHeading() {
        return "Problems:";
    }
}
