package org.macm.link;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.macm.core.MacmException;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.StationId;

/**
 * The HELLO payload, read as strictly as an entry (docs/PROTOCOL.md §9): exactly its six keys,
 * each of its type, no second value after the object. A peer written from the document alone
 * learns of a mistake at the first connection, with the key named, instead of meeting a station
 * that guesses. {@code catalog} is only compared with this station's catalog hash, never
 * parsed, so any string is well formed (a different one means different catalogs). Only
 * {@code protocol} is read first and on its own, so that a later protocol version may change
 * the rest of the HELLO and still be told {@code UNSUPPORTED_VERSION}.
 */
final class HelloJson {
    static final List<String> KEYS = List.of("protocol", "station", "link", "head", "peerHead", "catalog");
    private static final List<String> HEAD_KEYS = List.of("seq", "hash");
    private static final ObjectMapper JSON = JsonMapper.builder(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    private HelloJson() {
    }

    static byte[] write(Frame.Hello h) throws JsonProcessingException {
        ObjectNode n = JSON.createObjectNode();
        n.put("protocol", h.protocol());
        n.put("station", h.station().value());
        n.put("link", h.link().toString());
        n.set("head", head(h.head()));
        n.set("peerHead", head(h.peerHead()));
        n.put("catalog", h.catalog());
        return JSON.writeValueAsBytes(n);
    }

    static Frame.Hello read(byte[] payload) {
        JsonNode n = object(payload);
        JsonNode protocol = n.get("protocol");
        if (protocol == null || !protocol.isIntegralNumber()) {
            throw malformed("'protocol' must be an integer");
        }
        if (!protocol.bigIntegerValue().equals(BigInteger.valueOf(FrameCodec.PROTOCOL_VERSION))) {
            throw new LinkException(ErrorCode.UNSUPPORTED_VERSION, "peer speaks protocol " + protocol.bigIntegerValue()
                    + ", this station speaks " + FrameCodec.PROTOCOL_VERSION);
        }
        exactKeys(n, KEYS, "HELLO");
        return new Frame.Hello(FrameCodec.PROTOCOL_VERSION,
                field("station", () -> StationId.of(text(n, "station"))),
                field("link", () -> LinkId.parse(text(n, "link"))),
                head(n, "head"), head(n, "peerHead"), text(n, "catalog"));
    }

    private static JsonNode object(byte[] payload) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("is not valid UTF-8");
        }
        JsonNode n;
        try (JsonParser parser = JSON.createParser(text)) {
            n = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw malformed("has more after its JSON object");
            }
        } catch (JsonProcessingException e) {
            throw malformed("is not one JSON object: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed("cannot be read: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw malformed("is not a JSON object");
        }
        return n;
    }

    private static void exactKeys(JsonNode n, List<String> keys, String what) {
        for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                throw malformed(what.equals("HELLO") ? "has unknown key '" + name + "'"
                        : "'" + what + "' has unknown key '" + name + "'");
            }
        }
        for (String k : keys) {
            if (!n.has(k)) {
                throw malformed(what.equals("HELLO") ? "lacks '" + k + "'" : "'" + what + "' lacks '" + k + "'");
            }
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (!v.isTextual()) {
            throw malformed("'" + key + "' must be a string");
        }
        return v.textValue();
    }

    private static Head head(JsonNode hello, String key) {
        JsonNode h = hello.get(key);
        if (!h.isObject()) {
            throw malformed("'" + key + "' must be a head {\"seq\":N,\"hash\":\"64 hex\"}");
        }
        exactKeys(h, HEAD_KEYS, key);
        JsonNode seq = h.get("seq");
        if (!seq.isIntegralNumber() || seq.bigIntegerValue().signum() < 0
                || seq.bigIntegerValue().bitLength() > 63) {
            throw malformed("'" + key + ".seq' must be an integer from 0 to 2^63-1");
        }
        if (!h.get("hash").isTextual()) {
            throw malformed("'" + key + ".hash' must be a string");
        }
        return field(key, () -> new Head(seq.longValue(), EntryHash.fromHex(h.get("hash").textValue())));
    }

    private static <T> T field(String key, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (LinkException e) {
            throw e;
        } catch (MacmException e) {
            throw malformed("'" + key + "': " + e.getMessage());
        }
    }

    private static LinkException malformed(String problem) {
        return new LinkException(ErrorCode.MALFORMED_FRAME, "HELLO " + problem);
    }

    private static ObjectNode head(Head h) {
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", h.seq());
        n.put("hash", h.hash().hex());
        return n;
    }
}
