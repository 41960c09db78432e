package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.EntryKind;
import org.macm.station.Station;
import org.macm.station.StationPair;

/**
 * Request bodies are read as strictly as the config files: a misspelt field, a duplicate key
 * or a value of the wrong type is refused with 400 naming the field, and nothing is sent.
 */
class StationApiRequestTest {
    @TempDir
    Path tmp;

    private static long messagesWritten(Station station) {
        long head = station.store().head(station.ownLog(JP)).seq();
        return station.store().read(station.ownLog(JP), 1, (int) Math.max(1, head)).stream()
                .filter(e -> e.entry().kind() == EntryKind.MESSAGE || e.entry().kind() == EntryKind.ACK).count();
    }

    @Test
    void requests_withUnknownDuplicateOrMistypedFields_areRefusedNamingTheField_andSendNothing() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        s.write(s.listening(CN, loopback(0)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC(), "test")) {
            ApiCalls api = new ApiCalls(s.cn());
            String[][] refused = {
                {"/api/v1/messages", "{\"to\":\"jp-mod\",\"text\":\"x\",\"precedance\":\"FLASH\"}",
                    "unknown field 'precedance' (known: to, text, lang, template, fields, draft, precedence)"},
                {"/api/v1/messages", "{\"to\":\"jp-mod\",\"text\":\"x\",\"to\":\"us-dod\"}",
                    "duplicate field 'to': give each field once"},
                {"/api/v1/messages", "{\"to\":\"jp-mod\",\"text\":5}", "field 'text' must be a string, not a number"},
                {"/api/v1/messages", "{\"to\":\"jp-mod\",\"text\":\"x\",\"lang\":null}", "field 'lang' must be a string, not null"},
                {"/api/v1/messages", "{\"to\":\"jp-mod\",\"template\":\"encounter-notice\",\"fields\":[]}",
                    "field 'fields' must be a JSON object, not an array"},
                {"/api/v1/messages", "[\"jp-mod\"]", "the request body must be a JSON object, not an array"},
                {"/api/v1/messages", "{\"to\":\"jp-mod\",\"text\":\"x\",\"precedence\":\"flash!\"}",
                    "field 'precedence' is 'flash!'; use FLASH, IMMEDIATE, PRIORITY or ROUTINE"},
                {"/api/v1/messages", "{\"text\":\"x\"}", "field 'to' is required (a non-empty string)"},
                {"/api/v1/messages", "{\"to\":7,\"text\":\"x\"}", "field 'to' must be a string, not a number"},
                {"/api/v1/acknowledgements", "{\"id\":\"jp-mod/x\",\"officer\":\"Maj Li\"}",
                    "field 'id': 'x' is not a sequence number"},
                {"/api/v1/acknowledgements", "{\"id\":\"jp-mod/1\",\"officer\":\"Maj Li\",\"remarks\":\"x\"}",
                    "unknown field 'remarks' (known: id, officer, remark, again)"},
                {"/api/v1/acknowledgements", "{\"id\":\"jp-mod/1\",\"officer\":\"Maj Li\",\"again\":\"yes\"}",
                    "field 'again' must be true or false, not a string"},
            };
            for (String[] r : refused) {
                ApiCalls.Answer a = api.post(r[0], r[1]);
                assertThat(a.status()).as(r[1]).isEqualTo(400);
                assertThat(a.error()).as(r[1]).isEqualTo(r[2]);
            }
            assertThat(messagesWritten(cn.station())).as("nothing was sent or acknowledged").isZero();

            ApiCalls.Answer ok = api.post("/api/v1/messages", "{\"to\":\"jp-mod\",\"text\":\"x\",\"precedence\":\"flash\"}");
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(api.get("/api/v1/sent").json().path("messages").findValuesAsText("precedence")).contains("FLASH");
        }
    }
}
