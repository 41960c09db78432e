package org.macm.template;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Simplified Chinese as PLA Navy and Air Force duty officers write it: 北纬 25°45.0′ 东经 123°30.0′,
 * 011200Z APR 23（北京时间 2023年4月1日20时00分）, 中方驱逐舰“NANCHANG”号（舷号 101）.
 */
final class ZhHansPhrases implements Phrases {
    static final ZhHansPhrases INSTANCE = new ZhHansPhrases();

    private ZhHansPhrases() {
    }

    @Override
    public String latitude(String degreesMinutes, boolean north) {
        return (north ? "北纬" : "南纬") + " " + degreesMinutes;
    }

    @Override
    public String longitude(String degreesMinutes, boolean east) {
        return (east ? "东经" : "西经") + " " + degreesMinutes;
    }

    @Override
    public String japanTime() {
        return "日本时间";
    }

    @Override
    public String chinaTime() {
        return "北京时间";
    }

    @Override
    public String otherZone(String offset) {
        return "当地时间 " + offset;
    }

    @Override
    public String withLocalTime(String dtg, String zone, ZonedDateTime t) {
        return dtg + "（" + zone + " " + t.getYear() + "年" + t.getMonthValue() + "月" + t.getDayOfMonth() + "日"
                + DateTimeGroup.two(t.getHour()) + "时" + DateTimeGroup.two(t.getMinute()) + "分）";
    }

    @Override
    public List<String> durationUnits() {
        return List.of("天", "小时", "分钟", "秒");
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
        return "节";
    }

    @Override
    public String nauticalMiles() {
        return "海里";
    }

    @Override
    public String surface() {
        return "海面";
    }

    /** Chinese aviation works in metres, so the metric height is given beside the feet. */
    @Override
    public String altitude(String feet, String metres) {
        return feet + "英尺（约" + metres + "米）";
    }

    @Override
    public String serial(long seq) {
        return "第" + seq + "号";
    }

    @Override
    public String unit(String side, String kind) {
        return side + kind;
    }

    @Override
    public String unitName(String name) {
        return "“" + name + "”号";
    }

    @Override
    public String hullNumber() {
        return "舷号";
    }

    @Override
    public String tailNumber() {
        return "机号";
    }

    @Override
    public String icao() {
        return "ICAO地址";
    }

    @Override
    public String callSign() {
        return "呼号";
    }

    @Override
    public String unitIdentifiers(List<String> identifiers) {
        return "（" + String.join("，", identifiers) + "）";
    }

    @Override
    public String polygon(List<String> numberedVertices) {
        return "以下各点依次连线围成的区域：" + String.join("；", numberedVertices);
    }

    @Override
    public String circle(String center, String radius) {
        return "以" + center + "为圆心、半径" + radius + "的圆形区域";
    }

    @Override
    public String namedArea(String name, String shape) {
        return "“" + name + "”（" + shape + "）";
    }

    @Override
    public String listSeparator() {
        return "；";
    }

    @Override
    public Map<String, String> languageNames() {
        return Map.of("ja", "日文", "zh", "中文", "en", "英文");
    }

    @Override
    public String untranslated(String tag) {
        return "［未翻译·原文为" + languageName(tag) + "］";
    }

    @Override
    public String freeTextTitle() {
        return "自由文本";
    }

    @Override
    public String unknownFormTitle(String id, int version) {
        return "未收录的格式 " + id + " 第" + version + "版";
    }

    @Override
    public String unknownFormNotice() {
        return "［原始字段］我方格式目录中没有该格式，以下按收到的原样显示各字段。";
    }

    @Override
    public String invalidFieldsTitle(String title) {
        return title + "（字段不符）";
    }

    @Override
    public String invalidFieldsNotice(String id, int version) {
        return "［原始字段］收到的字段与格式 " + id + " 第" + version + "版不符，以下按原样显示。";
    }

    @Override
    public String problemsHeading() {
        return "不符之处：";
    }
}
