package org.macm.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkParametersTest {
    private static final LinkId LINK = LinkId.parse("cn-mnd~jp-mod");
    private static final LogId JP = new LogId(LINK, StationId.of("jp-mod"));

    private static Entry message(MessageContent content) {
        return new Entry(1, JP, 1, EntryHash.ZERO, Instant.parse("2026-11-30T00:00:00Z"), Head.EMPTY,
                new Body.Message(Precedence.ROUTINE, content));
    }

    @Test
    void anAnnouncementReadsBackAsTheDeadlinesItCarries() {
        Map<Precedence, Duration> d = new EnumMap<>(Precedence.class);
        d.put(Precedence.FLASH, Duration.ofMinutes(2));
        d.put(Precedence.IMMEDIATE, Duration.ofMinutes(20));
        d.put(Precedence.PRIORITY, Duration.ofHours(1));
        d.put(Precedence.ROUTINE, Duration.ofHours(4));
        LinkParameters p = new LinkParameters(d);

        Entry e = message(p.template());

        assertThat(LinkParameters.of(e)).contains(p);
        assertThat(p.template().fields().toString())
                .isEqualTo("{\"flash\":\"PT2M\",\"immediate\":\"PT20M\",\"priority\":\"PT1H\",\"routine\":\"PT4H\"}");
        assertThat(p.testDeadline()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void theDefaultsAreThePrecedencesDefaults() {
        assertThat(LinkParameters.DEFAULTS.deadline(Precedence.FLASH)).isEqualTo(Duration.ofMinutes(5));
        assertThat(LinkParameters.DEFAULTS.deadline(Precedence.ROUTINE)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void otherMessagesAreNotAnnouncements() {
        assertThat(LinkParameters.of(message(new MessageContent.FreeText("en", "hello")))).isEmpty();
    }

    @Test
    void aMissingUnknownOrBadDeadlineIsRefusedByName() {
        ObjectNode f = LinkParameters.DEFAULTS.template().fields();
        f.remove("routine");
        assertThatThrownBy(() -> LinkParameters.of(message(
                new MessageContent.Template(LinkParameters.TEMPLATE_ID, 1, f))))
                .hasMessageContaining("lack the ROUTINE deadline");

        ObjectNode g = LinkParameters.DEFAULTS.template().fields();
        g.put("urgent", "PT1M");
        assertThatThrownBy(() -> LinkParameters.of(message(
                new MessageContent.Template(LinkParameters.TEMPLATE_ID, 1, g))))
                .hasMessageContaining("unknown field 'urgent'");

        ObjectNode h = JsonNodeFactory.instance.objectNode().setAll(LinkParameters.DEFAULTS.template().fields());
        h.put("flash", "PT0.5S");
        assertThatThrownBy(() -> LinkParameters.of(message(
                new MessageContent.Template(LinkParameters.TEMPLATE_ID, 1, h))))
                .hasMessageContaining("whole seconds from 1 s to 7 days");
    }
}
