package org.macm.station.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * Logback's own {@link JsonEncoder}, with the event's key/value pairs as top-level fields
 * ({@code "peer":"cn-mnd","path":"a"}) instead of its {@code "kvpList":[{"peer":"cn-mnd"},…]},
 * an array of one-key objects that a log shipper or {@code jq 'select(.peer=="cn-mnd")'} cannot
 * filter on. Whole numbers (a {@code seq}) stay JSON numbers; everything else is a string. A key
 * that would clash with one of the encoder's own fields is written with a {@code kv.} prefix.
 * The context, MDC, sequence number, nanoseconds, the message template and its arguments are left
 * out: {@code formattedMessage} already says it once.
 */
public final class FlatJsonEncoder extends JsonEncoder {
    private static final Set<String> OWN = Set.of("timestamp", "level", "threadName", "loggerName", "formattedMessage",
            "throwable", "message", "arguments", "markers", "mdc", "context", "sequenceNumber", "nanoseconds", "kvpList");

    public FlatJsonEncoder() {
        setWithContext(false);
        setWithSequenceNumber(false);
        setWithNanoseconds(false);
        setWithMessage(false);
        setWithArguments(false);
        setWithKVPList(false);
        setWithMDC(false); // MACM puts nothing there; the key/value pairs are the fields
        setWithFormattedMessage(true);
    }

    @Override
    protected void appendCustomFields(StringBuilder sb, ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs == null) {
            return;
        }
        JsonStringEncoder json = JsonStringEncoder.getInstance();
        for (KeyValuePair p : pairs) {
            String key = OWN.contains(p.key) ? "kv." + p.key : p.key;
            sb.append(",\"").append(json.quoteAsString(key)).append("\":");
            if (p.value instanceof Long || p.value instanceof Integer || p.value instanceof Short) {
                sb.append(p.value);
            } else {
                sb.append('"').append(json.quoteAsString(String.valueOf(p.value))).append('"');
            }
        }
    }
}
