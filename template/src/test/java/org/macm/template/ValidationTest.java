package org.macm.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.macm.core.MacmException;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;

/** Field-level errors name the field, say what was wrong and what is allowed. */
class ValidationTest {
    private final Catalog catalog = Catalog.builtIn();

    private static ObjectNode encounter() {
        return Golden.fields("encounter-notice.v1");
    }

    private List<FieldError> errors(String id, int version, ObjectNode fields) {
        MessageContent.Template t = new MessageContent.Template(id, version, fields);
        try {
            catalog.validate(t);
        } catch (TemplateValidationException e) {
            return e.errors();
        }
        throw new AssertionError("expected the fields to be rejected: " + fields);
    }

    @Test
    void validate_goodFields_returnsTheFormWithItsSuggestedPrecedence() {
        Form form = catalog.validate(new MessageContent.Template("encounter-notice", 1, encounter()));
        assertThat(form.precedence()).isEqualTo(Precedence.IMMEDIATE);
    }

    @Test
    void validate_missingRequiredField_namesIt() {
        ObjectNode f = encounter();
        f.remove("position");
        assertThat(errors("encounter-notice", 1, f)).extracting(FieldError::message).containsExactly(
                "position: is missing; allowed: a required position {\"lat\", \"lon\"}");
    }

    @Test
    void validate_fieldTheFormDoesNotDeclare_isRejectedListingTheFields() {
        ObjectNode f = encounter();
        f.put("weather", "fine");
        assertThat(errors("encounter-notice", 1, f)).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("weather");
            assertThat(e.problem()).isEqualTo("is not a field of encounter-notice v1");
            assertThat(e.allowed()).startsWith("the fields time, position, ownUnits, otherUnits");
        });
    }

    @Test
    void validate_latitudeOutOfRange_namesThePathAndTheRange() {
        ObjectNode f = encounter();
        f.putObject("position").put("lat", 91).put("lon", 125);
        assertThat(errors("encounter-notice", 1, f)).extracting(FieldError::message).containsExactly(
                "position.lat: is 91, out of range; allowed: a latitude from -90 to 90 (north positive)");
    }

    @Test
    void validate_positionAsString_isRejectedWithTheShapeExpected() {
        ObjectNode f = encounter();
        f.put("position", "25N 123E");
        assertThat(errors("encounter-notice", 1, f)).extracting(FieldError::message).containsExactly(
                "position: is \"25N 123E\"; allowed: an object {\"lat\": -90..90, \"lon\": -180..180} "
                        + "in decimal degrees (WGS 84)");
    }

    @Test
    void validate_badItemInAList_namesTheItemAndItsKey() {
        ObjectNode f = encounter();
        ((ObjectNode) f.withArray("otherUnits").get(1)).put("mmsi", "41200");
        assertThat(errors("encounter-notice", 1, f)).extracting(FieldError::message).containsExactly(
                "otherUnits[1].mmsi: is \"41200\"; allowed: 9 digits (or leave it out)");
    }

    @Test
    void validate_unitSideNotInVocabulary_listsTheSides() {
        ObjectNode f = encounter();
        ((ObjectNode) f.withArray("ownUnits").get(0)).put("side", "JP");
        assertThat(errors("encounter-notice", 1, f)).extracting(FieldError::message).containsExactly(
                "ownUnits[0].side: is \"JP\"; allowed: one of jp, cn, other, unknown");
    }

    @Test
    void validate_enumValueNotInForm_listsTheOptions() {
        ObjectNode f = encounter();
        f.put("ownActivity", "fishing");
        assertThat(errors("encounter-notice", 1, f)).extracting(FieldError::message).containsExactly(
                "ownActivity: is \"fishing\"; allowed: one of transit, patrol, exercise, replenishment, "
                        + "flight-operations");
    }

    @Test
    void validate_timeWithOffsetInsteadOfZ_isRejected() {
        ObjectNode f = encounter();
        f.put("time", "2026-11-29T12:38:00+09:00");
        assertThat(errors("encounter-notice", 1, f)).extracting(FieldError::path).containsExactly("time");
    }

    @Test
    void validate_impossibleDate_isRejected() {
        ObjectNode f = encounter();
        f.put("time", "2026-02-30T03:38:00Z");
        assertThat(errors("encounter-notice", 1, f)).extracting(FieldError::problem)
                .containsExactly("is \"2026-02-30T03:38:00Z\", not a real date and time");
    }

    @Test
    void validate_explicitNullForOptionalField_isRejected_leaveItOutInstead() {
        ObjectNode f = encounter();
        f.putNull("remarks");
        assertThat(errors("encounter-notice", 1, f)).extracting(FieldError::message).containsExactly(
                "remarks: is null; allowed: a text {\"lang\", \"text\"}, or leave an optional field out");
    }

    @Test
    void validate_endBeforeStart_namesTheLaterField() {
        ObjectNode f = Golden.fields("exercise-area-notice.v1");
        f.put("end", "2026-12-01T00:00:00Z");
        assertThat(errors("exercise-area-notice", 1, f)).extracting(FieldError::message).containsExactly(
                "end: is not after start; allowed: a value later or higher than start");
    }

    @Test
    void validate_polygonWithTwoVertices_isRejected() {
        ObjectNode f = Golden.fields("exercise-area-notice.v1");
        f.withObject("area").withArray("polygon").remove(0);
        f.withObject("area").withArray("polygon").remove(0);
        assertThat(errors("exercise-area-notice", 1, f)).extracting(FieldError::message).containsExactly(
                "area.polygon: has 2 vertices; allowed: a list of 3 to 100 positions, joined in order and "
                        + "closed back to the first");
    }

    @Test
    void validate_areaWithBothPolygonAndCircle_isRejected() {
        ObjectNode f = Golden.fields("sar-request.v1");
        f.withObject("searchArea").putArray("polygon");
        assertThat(errors("sar-request", 1, f)).extracting(FieldError::problem)
                .containsExactly("has both a polygon and a circle");
    }

    @Test
    void validate_fractionalAltitude_isRejected() {
        ObjectNode f = Golden.fields("exercise-area-notice.v1");
        f.put("ceiling", 2500.5);
        assertThat(errors("exercise-area-notice", 1, f)).extracting(FieldError::message).containsExactly(
                "ceiling: is 2500.5, not a whole number; allowed: a whole number of feet from 0 (the surface) "
                        + "to 100000");
    }

    @Test
    void validate_everyErrorIsReported_notOnlyTheFirst() {
        ObjectNode f = encounter();
        f.remove("time");
        f.put("ownCourse", 360);
        f.put("ownSpeed", -1);
        assertThat(errors("encounter-notice", 1, f)).extracting(FieldError::path)
                .containsExactly("time", "ownCourse", "ownSpeed");
    }

    @Test
    void validationException_messageListsEachError_andIsAMacmException() {
        ObjectNode f = encounter();
        f.remove("time");
        assertThatThrownBy(() -> catalog.validate(new MessageContent.Template("encounter-notice", 1, f)))
                .isInstanceOf(MacmException.class)
                .hasMessage("fields do not fit form encounter-notice v1:\n"
                        + "  time: is missing; allowed: a required UTC date-time \"YYYY-MM-DDThh:mm:ssZ\"");
    }

    @Test
    void validate_unknownVersion_throwsNamingTheKnownForms() {
        assertThatThrownBy(() -> catalog.validate(new MessageContent.Template("encounter-notice", 9, encounter())))
                .isInstanceOf(UnknownFormException.class)
                .hasMessageStartingWith("form encounter-notice v9 is not in this catalog (hash ")
                .hasMessageContaining("known forms: callback-request v1, encounter-notice v1,");
    }

    @Test
    void message_buildsContentOnTheLatestVersion_checked() {
        MessageContent.Template t = catalog.message("link-test", Golden.fields("link-test.v1"));
        assertThat(t.id()).isEqualTo("link-test");
        assertThat(t.version()).isEqualTo(1);
        assertThatThrownBy(() -> catalog.message("no-such-form", Golden.fields("link-test.v1")))
                .isInstanceOf(UnknownFormException.class)
                .hasMessageStartingWith("form no-such-form is not in this catalog");
    }

    @Test
    void values_giveTypedFields_forCodeThatReadsThem() {
        var values = catalog.values(new MessageContent.Template("encounter-notice", 1, encounter()));
        assertThat(values.get("position")).isEqualTo(new PositionType.Position(29.81, 125.29));
        assertThat(values.keySet()).startsWith("time", "position", "ownUnits");
    }

    /** The fields as a peer reads them: written out as JSON text and parsed again. */
    private static ObjectNode overTheWire(ObjectNode fields) throws JsonProcessingException {
        return (ObjectNode) new ObjectMapper().readTree(fields.toString());
    }

    @Test
    void fieldValues_toJson_comeBackEqualFromValidation() throws JsonProcessingException {
        PositionType.Position position = new PositionType.Position(-12.5, -77.05);
        DateTimeType.DateTime time = new DateTimeType.DateTime(java.time.Instant.parse("2026-11-29T03:38:00Z"));
        UnitType.Unit unit = new UnitType.Unit("cn", "destroyer", Optional.of("NANCHANG"), Optional.of("101"),
                Optional.of("412000101"), Optional.empty(), Optional.of("BOAA"));
        ListType.Items otherUnits = new ListType.Items(List.of(unit));
        CourseType.Course course = new CourseType.Course(new BigDecimal("215.5"));
        SpeedType.Speed speed = new SpeedType.Speed(new BigDecimal("16.25"));
        DistanceType.Distance distance = new DistanceType.Distance(new BigDecimal("2.5"));
        EnumType.Choice activity = new EnumType.Choice("patrol");
        TextType.Text remarks = new TextType.Text("en", "Passed astern twice.\n\nNo reply on channel 16.");
        ObjectNode f = encounter();
        f.set("position", position.toJson());
        f.set("time", time.toJson());
        f.set("otherUnits", otherUnits.toJson());
        f.set("ownCourse", course.toJson());
        f.set("ownSpeed", speed.toJson());
        f.set("closestDistance", distance.toJson());
        f.set("ownActivity", activity.toJson());
        f.set("remarks", remarks.toJson());

        Map<String, FieldValue> back =
                catalog.values(new MessageContent.Template("encounter-notice", 1, overTheWire(f)));

        assertThat(back).containsEntry("position", position).containsEntry("time", time)
                .containsEntry("otherUnits", otherUnits).containsEntry("ownCourse", course)
                .containsEntry("ownSpeed", speed).containsEntry("closestDistance", distance)
                .containsEntry("ownActivity", activity).containsEntry("remarks", remarks);
    }

    @Test
    void fieldValues_toJson_area_comesBackEqualFromValidation() throws JsonProcessingException {
        AreaType.Circle area = new AreaType.Circle(new PositionType.Position(27.88, 125.65), new BigDecimal("10"),
                Optional.of("DATUM K"));
        ObjectNode f = Golden.fields("sar-request.v1");
        f.set("searchArea", area.toJson());

        Map<String, FieldValue> back = catalog.values(new MessageContent.Template("sar-request", 1, overTheWire(f)));

        assertThat(back.get("searchArea")).isEqualTo(area);
    }
}
