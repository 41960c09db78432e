package org.macm.template;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Japanese as JMSDF and JASDF duty officers write it: 北緯 25°45.0′ 東経 123°30.0′,
 * 011200Z APR 23（日本時間 2023年4月1日 21時00分）, 中国側 駆逐艦「NANCHANG」（艦番号 101）.
 */
final class JaPhrases implements Phrases {
    static final JaPhrases INSTANCE = new JaPhrases();

    private JaPhrases() {
    }

    @Override
    public String latitude(String degreesMinutes, boolean north) {
        return (north ? "北緯" : "南緯") + " " + degreesMinutes;
    }

    @Override
    public String longitude(String degreesMinutes, boolean east) {
        return (east ? "東経" : "西経") + " " + degreesMinutes;
    }

    @Override
    public String japanTime() {
        return "日本時間";
    }

    @Override
    public String chinaTime() {
        return "中国標準時";
    }

    @Override
    public String otherZone(String offset) {
        return "現地時間 " + offset;
    }

    @Override
    public String withLocalTime(String dtg, String zone, ZonedDateTime t) {
        return dtg + "（" + zone + " " + t.getYear() + "年" + t.getMonthValue() + "月" + t.getDayOfMonth() + "日 "
                + DateTimeGroup.two(t.getHour()) + "時" + DateTimeGroup.two(t.getMinute()) + "分）";
    }

    @Override
    public List<String> durationUnits() {
        return List.of("日", "時間", "分", "秒");
    }

    @Override
    public String durationSeparator() {
        return "";
    }

    @Override
    public String degreesTrue() {
        return "度";
    }

    @Override
    public String knots() {
        return "ノット";
    }

    @Override
    public String nauticalMiles() {
        return "海里";
    }

    @Override
    public String surface() {
        return "海面";
    }

    @Override
    public String altitude(String feet, String metres) {
        return feet + "フィート";
    }

    @Override
    public String serial(long seq) {
        return "第" + seq + "号";
    }

    @Override
    public String unit(String side, String kind) {
        return side + " " + kind;
    }

    @Override
    public String unitName(String name) {
        return "「" + name + "」";
    }

    @Override
    public String hullNumber() {
        return "艦番号";
    }

    @Override
    public String tailNumber() {
        return "機体番号";
    }

    @Override
    public String icao() {
        return "ICAO";
    }

    @Override
    public String callSign() {
        return "呼出符号";
    }

    @Override
    public String unitIdentifiers(List<String> identifiers) {
        return "（" + String.join("、", identifiers) + "）";
    }

    @Override
    public String polygon(List<String> numberedVertices) {
        return "次の各点を順に結んだ線で囲まれる区域：" + String.join("、", numberedVertices);
    }

    @Override
    public String circle(String center, String radius) {
        return center + " を中心とする半径 " + radius + "の円内";
    }

    @Override
    public String namedArea(String name, String shape) {
        return "「" + name + "」（" + shape + "）";
    }

    @Override
    public String listSeparator() {
        return "、";
    }

    @Override
    public Map<String, String> languageNames() {
        return Map.of("ja", "日本語", "zh", "中国語", "en", "英語");
    }

    @Override
    public String untranslated(String tag) {
        return "［未翻訳・原文 " + languageName(tag) + "］";
    }

    @Override
    public String freeTextTitle() {
        return "自由文";
    }

    @Override
    public String unknownFormTitle(String id, int version) {
        return "未登録の様式 " + id + " 第" + version + "版";
    }

    @Override
    public String unknownFormNotice() {
        return "［原データ表示］この様式は当方の様式集にないため、受信した項目をそのまま表示する。";
    }

    @Override
    public String invalidFieldsTitle(String title) {
        return title + "（項目不整合）";
    }

    @Override
    public String invalidFieldsNotice(String id, int version) {
        return "［原データ表示］受信した項目が様式 " + id + " 第" + version + "版と一致しないため、そのまま表示する。";
    }

    @Override
    public String problemsHeading() {
        return "不整合の内容：";
    }
}
