package org.macm.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Positions, date-time groups, local times and quantities, at their edges, as a reader sees them. */
class FormattingTest {
    private static final Reader JA = new Reader(Language.JA);
    private static final Reader ZH = new Reader(Language.ZH_HANS);
    private static final Reader EN = new Reader(Language.EN);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static PositionType.Position at(double lat, double lon) {
        return new PositionType.Position(lat, lon);
    }

    /** What a reader of {@code language} sees of one value, through the field type that writes it. */
    private record Reader(Language language) {
        private String render(FieldType type, FieldValue value) {
            return type.render(value, Rendering.of(language, language.defaultZone(), Catalog.builtIn().vocabulary()));
        }

        String position(PositionType.Position p) {
            return render(new PositionType(), p);
        }

        String dateTime(Instant instant, ZoneId zone) {
            return new DateTimeType().render(new DateTimeType.DateTime(instant),
                    Rendering.of(language, zone, Catalog.builtIn().vocabulary()));
        }

        String duration(Duration d) {
            return render(new DurationType(), new DurationType.Span(d));
        }

        String course(BigDecimal degrees) {
            return render(new CourseType(), new CourseType.Course(degrees));
        }

        String speed(BigDecimal knots) {
            return render(new SpeedType(), new SpeedType.Speed(knots));
        }

        String distance(BigDecimal nauticalMiles) {
            return render(new DistanceType(), new DistanceType.Distance(nauticalMiles));
        }

        String altitude(long feet) {
            return render(new AltitudeType(), new AltitudeType.Altitude(feet));
        }

        String text(TextType.Text text, Language reader) {
            return new Reader(reader).render(new TextType(2000), text);
        }
    }

    @Test
    void render_positionInEachLanguage_followsItsConvention() {
        assertThat(JA.position(at(25.75, 123.5))).isEqualTo("北緯 25°45.0′ 東経 123°30.0′");
        assertThat(ZH.position(at(25.75, 123.5))).isEqualTo("北纬 25°45.0′ 东经 123°30.0′");
        assertThat(EN.position(at(25.75, 123.5))).isEqualTo("25°45.0′N 123°30.0′E");
    }

    @Test
    void render_equatorAndPrimeMeridian_areNorthAndEast() {
        assertThat(JA.position(at(0, 0))).isEqualTo("北緯 0°00.0′ 東経 0°00.0′");
        assertThat(ZH.position(at(0, 0))).isEqualTo("北纬 0°00.0′ 东经 0°00.0′");
        assertThat(EN.position(at(0, 0))).isEqualTo("0°00.0′N 0°00.0′E");
    }

    @Test
    void render_tinyNegativeThatRoundsToZero_isNotWrittenSouthOrWest() {
        assertThat(EN.position(at(-0.00001, -0.00001))).isEqualTo("0°00.0′N 0°00.0′E");
    }

    @Test
    void render_southernAndWesternHemispheres_useSouthAndWest() {
        assertThat(JA.position(at(-12.5, -77.05))).isEqualTo("南緯 12°30.0′ 西経 77°03.0′");
        assertThat(ZH.position(at(-12.5, -77.05))).isEqualTo("南纬 12°30.0′ 西经 77°03.0′");
        assertThat(EN.position(at(-12.5, -77.05))).isEqualTo("12°30.0′S 77°03.0′W");
    }

    @Test
    void render_180thMeridian_hasOneSpellingWhicheverSignWasSent() {
        assertThat(EN.position(at(10, 180))).isEqualTo("10°00.0′N 180°00.0′E");
        assertThat(EN.position(at(10, -180))).isEqualTo("10°00.0′N 180°00.0′E");
        assertThat(JA.position(at(10, -179.99999))).isEqualTo("北緯 10°00.0′ 東経 180°00.0′");
        assertThat(EN.position(at(10, -179.9))).isEqualTo("10°00.0′N 179°54.0′W");
    }

    @Test
    void render_poles_areNinetyDegrees() {
        assertThat(EN.position(at(90, 0))).isEqualTo("90°00.0′N 0°00.0′E");
        assertThat(ZH.position(at(-90, 0))).isEqualTo("南纬 90°00.0′ 东经 0°00.0′");
    }

    @Test
    void render_latitudeRoundingAt59_95_carriesToNextDegree() {
        // 25° 59.95′ = 25.999166…°: half up to a tenth of a minute gives 26°00.0′, never 25°60.0′.
        assertThat(EN.position(at(25.99916666666667, 123.5))).isEqualTo("26°00.0′N 123°30.0′E");
        assertThat(JA.position(at(25.99916666666667, 123.5))).isEqualTo("北緯 26°00.0′ 東経 123°30.0′");
    }

    @Test
    void render_longitudeRoundingAt59_95_carriesToNextDegree_westToo() {
        assertThat(EN.position(at(0, -123.99916666666667))).isEqualTo("0°00.0′N 124°00.0′W");
    }

    @Test
    void render_minutesJustBelow59_95_stayInTheDegree() {
        assertThat(EN.position(at(25.9991, 123.5))).isEqualTo("25°59.9′N 123°30.0′E");
    }

    @Test
    void render_singleDigitMinutes_arePaddedToTwoDigits() {
        assertThat(EN.position(at(25.1, 123.05))).isEqualTo("25°06.0′N 123°03.0′E");
    }

    @Test
    void render_dateTime_isTheDtgWithTheReadersLocalTime() {
        Instant t = Instant.parse("2023-04-01T12:00:00Z");
        assertThat(JA.dateTime(t, TOKYO)).isEqualTo("011200Z APR 23（日本時間 2023年4月1日 21時00分）");
        assertThat(ZH.dateTime(t, SHANGHAI)).isEqualTo("011200Z APR 23（北京时间 2023年4月1日20时00分）");
        assertThat(EN.dateTime(t, UTC)).isEqualTo("011200Z APR 23");
        assertThat(EN.dateTime(t, TOKYO)).isEqualTo("011200Z APR 23 (1 Apr 2023 21:00 JST)");
        assertThat(EN.dateTime(t, SHANGHAI)).isEqualTo("011200Z APR 23 (1 Apr 2023 20:00 CST (UTC+8))");
    }

    @Test
    void render_dateRolloverAtNewYear_showsTheLocalDateOfTheNextYear() {
        Instant t = Instant.parse("2026-12-31T15:00:00Z");
        assertThat(JA.dateTime(t, TOKYO)).isEqualTo("311500Z DEC 26（日本時間 2027年1月1日 00時00分）");
        assertThat(ZH.dateTime(t, SHANGHAI)).isEqualTo("311500Z DEC 26（北京时间 2026年12月31日23时00分）");
        assertThat(ZH.dateTime(Instant.parse("2026-12-31T16:00:00Z"), SHANGHAI))
                .isEqualTo("311600Z DEC 26（北京时间 2027年1月1日00时00分）");
    }

    @Test
    void render_dateRolloverBackwards_westOfUtc_showsThePreviousLocalDay() {
        Instant t = Instant.parse("2027-01-01T00:30:00Z");
        assertThat(EN.dateTime(t, ZoneId.of("America/New_York")))
                .isEqualTo("010030Z JAN 27 (31 Dec 2026 19:30 UTC-05:00)");
    }

    @Test
    void render_endOfFebruaryInALeapYear_rollsToTheFirstOfMarch() {
        Instant t = Instant.parse("2028-02-29T16:00:00Z");
        assertThat(JA.dateTime(t, TOKYO)).isEqualTo("291600Z FEB 28（日本時間 2028年3月1日 01時00分）");
    }

    @Test
    void render_dtg_cutsSecondsRatherThanRounding() {
        assertThat(EN.dateTime(Instant.parse("2026-11-29T03:38:59Z"), UTC)).isEqualTo("290338Z NOV 26");
    }

    @Test
    void render_zoneWithoutAgreedName_showsItsOffset() {
        Instant t = Instant.parse("2026-11-29T03:38:00Z");
        assertThat(JA.dateTime(t, ZoneId.of("Asia/Seoul")))
                .isEqualTo("290338Z NOV 26（現地時間 UTC+09:00 2026年11月29日 12時38分）");
        assertThat(ZH.dateTime(t, ZoneId.of("Asia/Kolkata")))
                .isEqualTo("290338Z NOV 26（当地时间 UTC+05:30 2026年11月29日09时08分）");
    }

    @Test
    void render_readerKeepingUtc_seesTheDtgAloneInAnyLanguage() {
        assertThat(JA.dateTime(Instant.parse("2026-11-29T03:38:00Z"), UTC)).isEqualTo("290338Z NOV 26");
    }

    @Test
    void render_durations_leaveOutZeroParts() {
        assertThat(JA.duration(Duration.parse("PT2H30M"))).isEqualTo("2時間30分");
        assertThat(ZH.duration(Duration.parse("PT2H30M"))).isEqualTo("2小时30分钟");
        assertThat(EN.duration(Duration.parse("PT2H30M"))).isEqualTo("2 h 30 min");
        assertThat(JA.duration(Duration.parse("P3DT12H"))).isEqualTo("3日12時間");
        assertThat(EN.duration(Duration.parse("PT45S"))).isEqualTo("45 s");
    }

    @Test
    void render_course_isThreeDigitsTrue_and359_5RoundsTo000() {
        assertThat(EN.course(new BigDecimal("45"))).isEqualTo("045°T");
        assertThat(JA.course(new BigDecimal("359.5"))).isEqualTo("000度");
        assertThat(ZH.course(new BigDecimal("359.4"))).isEqualTo("359度");
    }

    @Test
    void render_quantities_roundHalfUpAndGroupThousands() {
        assertThat(EN.speed(new BigDecimal("12.25"))).isEqualTo("12.3 kn");
        assertThat(JA.speed(new BigDecimal("16.0"))).isEqualTo("16ノット");
        assertThat(ZH.distance(new BigDecimal("0.5"))).isEqualTo("0.5海里");
        assertThat(EN.distance(new BigDecimal("1200"))).isEqualTo("1,200 NM");
        assertThat(JA.altitude(35000)).isEqualTo("35,000フィート");
        assertThat(ZH.altitude(1000)).isEqualTo("1,000英尺（约305米）");
        assertThat(EN.altitude(100000)).isEqualTo("100,000 ft");
    }

    @Test
    void render_altitudeZero_isTheSurface() {
        assertThat(JA.altitude(0)).isEqualTo("海面");
        assertThat(ZH.altitude(0)).isEqualTo("海面");
        assertThat(EN.altitude(0)).isEqualTo("SFC");
    }

    @Test
    void render_textInTheReadersLanguage_isNotMarked_otherTextIs() {
        TextType.Text en = new TextType.Text("en", "Tokyo");
        assertThat(EN.text(en, Language.EN)).isEqualTo("Tokyo");
        assertThat(JA.text(en, Language.JA)).isEqualTo("［未翻訳・原文 英語］ Tokyo");
        assertThat(ZH.text(en, Language.ZH_HANS)).isEqualTo("［未翻译·原文为英文］ Tokyo");
        assertThat(ZH.text(new TextType.Text("zh-CN", "东京"), Language.ZH_HANS)).isEqualTo("东京");
        assertThat(ZH.text(new TextType.Text("zh-Hant", "東京"), Language.ZH_HANS))
                .isEqualTo("［未翻译·原文为中文］ 東京");
        assertThat(EN.text(new TextType.Text("ko", "도쿄"), Language.EN))
                .isEqualTo("[untranslated, original in ko] 도쿄");
    }
}
