package org.macm.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How one language writes each kind of value. There is one style per {@link Language}, each
 * following what that language's duty officers write: 北緯 25°45.0′ 東経 123°30.0′ and
 * 日本時間 for Japanese, 北纬/东经 and 北京时间 for Chinese, 25°45.0′N 123°30.0′E for English.
 * Nothing here reads the default locale or time zone.
 */
sealed interface Style permits Style.Japanese, Style.Chinese, Style.English {

    static Style of(Language language) {
        return switch (language) {
            case JA -> new Japanese();
            case ZH_HANS -> new Chinese();
            case EN -> new English();
        };
    }

    String position(FieldValue.Position p);

    String dateTime(Instant instant, ZoneId zone);

    String duration(Duration d);

    String course(BigDecimal degrees);

    String speed(BigDecimal knots);

    String altitude(long feet);

    String distance(BigDecimal nauticalMiles);

    String messageRef(long seq);

    String unit(FieldValue.Unit unit, Vocabulary.Side side, Vocabulary.UnitKind kind);

    String area(FieldValue.Area area);

    /** Between the items of a list. */
    String listSeparator();

    /** The name of the language a text was written in, as this reader calls it. */
    String languageName(String tag);

    /** The mark put before text that is shown as written, in another language. */
    String untranslated(String tag);

    String freeTextTitle();

    String unknownFormTitle(String id, int version);

    String unknownFormNotice();

    String invalidFieldsTitle(String title);

    String invalidFieldsNotice(String id, int version);

    String problemsHeading();

    /** Counts are small or serial numbers (a test number), so they are written without grouping. */
    default String count(long n) {
        return Long.toString(n);
    }

    default String text(FieldValue.Text text, Language reader) {
        return reader.reads(text.lang()) ? text.text() : untranslated(text.lang()) + " " + text.text();
    }

    /**
     * A duration as its non-zero days, hours, minutes and seconds, each followed by its unit
     * in {@code units} (in that order), joined by {@code separator}.
     */
    static String duration(Duration d, String[] units, String separator) {
        long[] p = {d.toDaysPart(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart()};
        List<String> out = new ArrayList<>(4);
        for (int i = 0; i < p.length; i++) {
            if (p[i] != 0) {
                out.add(p[i] + units[i]);
            }
        }
        return String.join(separator, out);
    }

    /** A position written hemisphere first, as Japanese and Chinese do: 北緯 25°45.0′ 東経 123°30.0′. */
    static String hemisphereFirst(FieldValue.Position p, String north, String south, String east, String west) {
        Coordinate lat = Coordinate.latitude(p.lat());
        Coordinate lon = Coordinate.longitude(p.lon());
        return (lat.positive() ? north : south) + " " + lat.text() + " " + (lon.positive() ? east : west) + " " + lon.text();
    }

    static String primary(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    /** Japanese: 北緯 25°45.0′ 東経 123°30.0′, 011200Z APR 23（日本時間 2023年4月1日 21時00分）. */
    final class Japanese implements Style {
        @Override
        public String position(FieldValue.Position p) {
            return hemisphereFirst(p, "北緯", "南緯", "東経", "西経");
        }

        @Override
        public String dateTime(Instant instant, ZoneId zone) {
            String dtg = DateTimeGroup.dtg(instant);
            if (DateTimeGroup.isUtc(zone)) {
                return dtg;
            }
            ZonedDateTime t = DateTimeGroup.local(instant, zone);
            String label = DateTimeGroup.isJapan(zone) ? "日本時間"
                    : DateTimeGroup.isChina(zone) ? "中国標準時" : "現地時間 " + DateTimeGroup.offset(t);
            return dtg + "（" + label + " " + t.getYear() + "年" + t.getMonthValue() + "月" + t.getDayOfMonth() + "日 "
                    + DateTimeGroup.two(t.getHour()) + "時" + DateTimeGroup.two(t.getMinute()) + "分）";
        }

        @Override
        public String duration(Duration d) {
            return Style.duration(d, new String[] {"日", "時間", "分", "秒"}, "");
        }

        @Override
        public String course(BigDecimal degrees) {
            return Numbers.course(degrees) + "度";
        }

        @Override
        public String speed(BigDecimal knots) {
            return Numbers.decimal(knots, 1) + "ノット";
        }

        @Override
        public String altitude(long feet) {
            return feet == 0 ? "海面" : Numbers.grouped(feet) + "フィート";
        }

        @Override
        public String distance(BigDecimal nauticalMiles) {
            return Numbers.decimal(nauticalMiles, 1) + "海里";
        }

        @Override
        public String messageRef(long seq) {
            return "第" + seq + "号";
        }

        @Override
        public String unit(FieldValue.Unit u, Vocabulary.Side side, Vocabulary.UnitKind kind) {
            StringBuilder out = new StringBuilder(side.label().ja()).append(' ').append(kind.label().ja());
            u.name().ifPresent(n -> out.append('「').append(n).append('」'));
            List<String> ids = new ArrayList<>();
            u.number().ifPresent(n -> ids.add((kind.domain() == Vocabulary.Domain.SEA ? "艦番号 " : "機体番号 ") + n));
            u.mmsi().ifPresent(n -> ids.add("MMSI " + n));
            u.icao().ifPresent(n -> ids.add("ICAO " + n));
            u.callSign().ifPresent(n -> ids.add("呼出符号 " + n));
            if (!ids.isEmpty()) {
                out.append('（').append(String.join("、", ids)).append('）');
            }
            return out.toString();
        }

        @Override
        public String area(FieldValue.Area area) {
            String shape = switch (area) {
                case FieldValue.Polygon p -> {
                    List<String> points = new ArrayList<>();
                    for (int i = 0; i < p.vertices().size(); i++) {
                        points.add("(" + (i + 1) + ") " + position(p.vertices().get(i)));
                    }
                    yield "次の各点を順に結んだ線で囲まれる区域：" + String.join("、", points);
                }
                case FieldValue.Circle c -> position(c.center()) + " を中心とする半径 " + distance(c.radius()) + "の円内";
            };
            return area.name().map(n -> "「" + n + "」（" + shape + "）").orElse(shape);
        }

        @Override
        public String listSeparator() {
            return "、";
        }

        @Override
        public String languageName(String tag) {
            return switch (primary(tag)) {
                case "ja" -> "日本語";
                case "zh" -> "中国語";
                case "en" -> "英語";
                default -> tag;
            };
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

    /** Simplified Chinese: 北纬 25°45.0′ 东经 123°30.0′, 011200Z APR 23（北京时间 2023年4月1日20时00分）. */
    final class Chinese implements Style {
        @Override
        public String position(FieldValue.Position p) {
            return hemisphereFirst(p, "北纬", "南纬", "东经", "西经");
        }

        @Override
        public String dateTime(Instant instant, ZoneId zone) {
            String dtg = DateTimeGroup.dtg(instant);
            if (DateTimeGroup.isUtc(zone)) {
                return dtg;
            }
            ZonedDateTime t = DateTimeGroup.local(instant, zone);
            String label = DateTimeGroup.isChina(zone) ? "北京时间"
                    : DateTimeGroup.isJapan(zone) ? "日本时间" : "当地时间 " + DateTimeGroup.offset(t);
            return dtg + "（" + label + " " + t.getYear() + "年" + t.getMonthValue() + "月" + t.getDayOfMonth() + "日"
                    + DateTimeGroup.two(t.getHour()) + "时" + DateTimeGroup.two(t.getMinute()) + "分）";
        }

        @Override
        public String duration(Duration d) {
            return Style.duration(d, new String[] {"天", "小时", "分钟", "秒"}, "");
        }

        @Override
        public String course(BigDecimal degrees) {
            return Numbers.course(degrees) + "度";
        }

        @Override
        public String speed(BigDecimal knots) {
            return Numbers.decimal(knots, 1) + "节";
        }

        /** Chinese aviation works in metres, so the metric height is given beside the feet. */
        @Override
        public String altitude(long feet) {
            if (feet == 0) {
                return "海面";
            }
            long metres = BigDecimal.valueOf(feet).multiply(new BigDecimal("0.3048"))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            return Numbers.grouped(feet) + "英尺（约" + Numbers.grouped(metres) + "米）";
        }

        @Override
        public String distance(BigDecimal nauticalMiles) {
            return Numbers.decimal(nauticalMiles, 1) + "海里";
        }

        @Override
        public String messageRef(long seq) {
            return "第" + seq + "号";
        }

        @Override
        public String unit(FieldValue.Unit u, Vocabulary.Side side, Vocabulary.UnitKind kind) {
            StringBuilder out = new StringBuilder(side.label().zhHans()).append(kind.label().zhHans());
            u.name().ifPresent(n -> out.append('“').append(n).append("”号"));
            List<String> ids = new ArrayList<>();
            u.number().ifPresent(n -> ids.add((kind.domain() == Vocabulary.Domain.SEA ? "舷号 " : "机号 ") + n));
            u.mmsi().ifPresent(n -> ids.add("MMSI " + n));
            u.icao().ifPresent(n -> ids.add("ICAO地址 " + n));
            u.callSign().ifPresent(n -> ids.add("呼号 " + n));
            if (!ids.isEmpty()) {
                out.append('（').append(String.join("，", ids)).append('）');
            }
            return out.toString();
        }

        @Override
        public String area(FieldValue.Area area) {
            String shape = switch (area) {
                case FieldValue.Polygon p -> {
                    List<String> points = new ArrayList<>();
                    for (int i = 0; i < p.vertices().size(); i++) {
                        points.add("(" + (i + 1) + ") " + position(p.vertices().get(i)));
                    }
                    yield "以下各点依次连线围成的区域：" + String.join("；", points);
                }
                case FieldValue.Circle c -> "以" + position(c.center()) + "为圆心、半径" + distance(c.radius())
                        + "的圆形区域";
            };
            return area.name().map(n -> "“" + n + "”（" + shape + "）").orElse(shape);
        }

        @Override
        public String listSeparator() {
            return "；";
        }

        @Override
        public String languageName(String tag) {
            return switch (primary(tag)) {
                case "ja" -> "日文";
                case "zh" -> "中文";
                case "en" -> "英文";
                default -> tag;
            };
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

    /** English: 25°45.0′N 123°30.0′E, 011200Z APR 23, with the local time when not UTC. */
    final class English implements Style {
        @Override
        public String position(FieldValue.Position p) {
            Coordinate lat = Coordinate.latitude(p.lat());
            Coordinate lon = Coordinate.longitude(p.lon());
            return lat.text() + (lat.positive() ? "N " : "S ") + lon.text() + (lon.positive() ? "E" : "W");
        }

        @Override
        public String dateTime(Instant instant, ZoneId zone) {
            String dtg = DateTimeGroup.dtg(instant);
            if (DateTimeGroup.isUtc(zone)) {
                return dtg;
            }
            ZonedDateTime t = DateTimeGroup.local(instant, zone);
            String label = DateTimeGroup.isJapan(zone) ? "JST"
                    : DateTimeGroup.isChina(zone) ? "CST (UTC+8)" : DateTimeGroup.offset(t);
            return dtg + " (" + t.getDayOfMonth() + " " + DateTimeGroup.monthEn(t) + " " + t.getYear() + " "
                    + DateTimeGroup.two(t.getHour()) + ":" + DateTimeGroup.two(t.getMinute()) + " " + label + ")";
        }

        @Override
        public String duration(Duration d) {
            return Style.duration(d, new String[] {" d", " h", " min", " s"}, " ");
        }

        @Override
        public String course(BigDecimal degrees) {
            return Numbers.course(degrees) + "°T";
        }

        @Override
        public String speed(BigDecimal knots) {
            return Numbers.decimal(knots, 1) + " kn";
        }

        @Override
        public String altitude(long feet) {
            return feet == 0 ? "SFC" : Numbers.grouped(feet) + " ft";
        }

        @Override
        public String distance(BigDecimal nauticalMiles) {
            return Numbers.decimal(nauticalMiles, 1) + " NM";
        }

        @Override
        public String messageRef(long seq) {
            return "serial " + seq;
        }

        @Override
        public String unit(FieldValue.Unit u, Vocabulary.Side side, Vocabulary.UnitKind kind) {
            StringBuilder out = new StringBuilder(side.label().en()).append(' ').append(kind.label().en());
            u.name().ifPresent(n -> out.append(" \"").append(n).append('"'));
            List<String> ids = new ArrayList<>();
            u.number().ifPresent(n -> ids.add((kind.domain() == Vocabulary.Domain.SEA ? "hull " : "tail ") + n));
            u.mmsi().ifPresent(n -> ids.add("MMSI " + n));
            u.icao().ifPresent(n -> ids.add("ICAO " + n));
            u.callSign().ifPresent(n -> ids.add("call sign " + n));
            if (!ids.isEmpty()) {
                out.append(" (").append(String.join(", ", ids)).append(')');
            }
            return out.toString();
        }

        @Override
        public String area(FieldValue.Area area) {
            String shape = switch (area) {
                case FieldValue.Polygon p -> {
                    List<String> points = new ArrayList<>();
                    for (int i = 0; i < p.vertices().size(); i++) {
                        points.add("(" + (i + 1) + ") " + position(p.vertices().get(i)));
                    }
                    yield "area bounded by lines joining " + String.join(", ", points);
                }
                case FieldValue.Circle c -> "circle of radius " + distance(c.radius()) + " centred on "
                        + position(c.center());
            };
            return area.name().map(n -> "\"" + n + "\" (" + shape + ")").orElse(shape);
        }

        @Override
        public String listSeparator() {
            return "; ";
        }

        @Override
        public String languageName(String tag) {
            return switch (primary(tag)) {
                case "ja" -> "Japanese";
                case "zh" -> "Chinese";
                case "en" -> "English";
                default -> tag;
            };
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
}
