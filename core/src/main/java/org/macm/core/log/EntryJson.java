package org.macm.core.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The text rules of an entry (docs/PROTOCOL.md §7, {@code F-UTF8}, {@code F-OUTSIDE},
 * {@code F-JSON}, {@code F-DUPLICATE-KEY}, {@code F-DEPTH}, {@code F-ESCAPE}), checked while
 * the bytes are read into a JSON tree in one pass: strict UTF-8, exactly one object and nothing
 * around it, no duplicate key, nesting within {@link EntryCodec#MAX_DEPTH}, no lone surrogate
 * escape. The tree keeps integers as {@link java.math.BigInteger}s, so none is narrowed, and
 * where an integer was written with a minus sign (the tree reads {@code -0} as 0).
 * {@link EntryCodec} then reads the fields from the tree.
 */
final class EntryJson {
    /** Also used by {@link EntryCodec} to write entries, with the same buffer pool. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Entries are written and read on virtual threads, most of them short-lived: Jackson's
            // default per-thread buffer pool would give each its own fresh buffers (measured: about
            // 19 KB allocated per entry written, 40 % of all allocation on the round trip).
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            // The limits are the document's, not Jackson's: depth is checked here (with its own
            // message), names and numbers may be as long as an entry.
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(EntryCodec.MAX_DEPTH + 1)
                    .maxNameLength(EntryCodec.MAX_ENTRY_BYTES).maxNumberLength(EntryCodec.MAX_ENTRY_BYTES).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The entry's object, and the JSON pointers of the integers written with a minus sign. */
    record Tree(ObjectNode root, Set<String> signed) {
    }

    private EntryJson() {
    }

    static Tree read(byte[] bytes) {
        String text = utf8(bytes);
        if (bytes.length == 0 || bytes[0] != '{') {
            throw new MalformedEntryException(Rule.F_OUTSIDE, "entry does not begin with '{' (nothing, not even white "
                    + "space or a byte order mark, may come before the object)");
        }
        if (bytes[bytes.length - 1] != '}') {
            throw new MalformedEntryException(Rule.F_OUTSIDE, "entry does not end with '}' (nothing, not even white "
                    + "space or a line feed, may come after the object)");
        }
        return parse(text);
    }

    private static String utf8(byte[] bytes) {
        if (ascii(bytes)) {
            // Bytes under 0x80 are valid UTF-8, one character each: no decoder and no char buffer
            // (which were 6 % of all allocation on the round trip).
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException ex) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            decoder.reset().decode(in, CharBuffer.allocate(bytes.length + 1), true);
            throw new MalformedEntryException(Rule.F_UTF8, "entry is not valid UTF-8 at byte " + in.position()
                    + " (an invalid byte, an overlong form, an encoded surrogate or a cut sequence)", ex);
        }
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads the tokens once, building the tree and checking what a tree would not keep. */
    private static Tree parse(String text) {
        Set<String> signed = new HashSet<>();
        // Valid UTF-8 holds no surrogate: only a \\u escape can make one, so without any the
        // strings need not be looked at.
        boolean escapes = text.contains("\\u");
        Deque<JsonNode> open = new ArrayDeque<>();
        ObjectNode root = null;
        boolean closed = false;
        String name = null;
        try (JsonParser p = FACTORY.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (closed) {
                    throw new MalformedEntryException(Rule.F_OUTSIDE, "entry has more JSON after its closing '}'");
                }
                JsonNode value;
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        if (open.size() + 1 > EntryCodec.MAX_DEPTH) {
                            throw new MalformedEntryException(Rule.F_DEPTH, "entry nests objects and arrays "
                                    + (open.size() + 1) + " deep at " + pointer(p) + "; the limit is " + EntryCodec.MAX_DEPTH);
                        }
                        JsonNode container = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
                        if (open.isEmpty()) {
                            root = (ObjectNode) container;
                        } else {
                            add(open.peek(), name, container);
                        }
                        open.push(container);
                        continue;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        open.pop();
                        closed = open.isEmpty();
                        continue;
                    }
                    case FIELD_NAME -> {
                        name = p.currentName();
                        if (escapes) {
                            noLoneSurrogate(name, "key at " + pointer(p));
                        }
                        continue;
                    }
                    case VALUE_STRING -> {
                        String s = p.getText();
                        if (escapes) {
                            noLoneSurrogate(s, "string at " + pointer(p));
                        }
                        value = NODES.textNode(s);
                    }
                    case VALUE_NUMBER_INT -> {
                        if (p.getText().startsWith("-")) {
                            signed.add(pointer(p));
                        }
                        value = NODES.numberNode(p.getBigIntegerValue());
                    }
                    case VALUE_NUMBER_FLOAT -> value = NODES.numberNode(p.getDoubleValue());
                    case VALUE_TRUE, VALUE_FALSE -> value = NODES.booleanNode(t == JsonToken.VALUE_TRUE);
                    case VALUE_NULL -> value = NODES.nullNode();
                    default -> throw new MalformedEntryException(Rule.F_JSON, "entry holds a token JSON does not have: " + t);
                }
                // bytes[0] is '{', so every value lies inside an open container.
                add(open.peek(), name, value);
            }
        } catch (StreamReadException ex) {
            String m = ex.getOriginalMessage();
            if (m != null && m.startsWith("Duplicate field")) {
                throw new MalformedEntryException(Rule.F_DUPLICATE_KEY, "entry has a duplicate key at "
                        + pointer(ex.getProcessor()) + ": " + m, ex);
            }
            if (closed) {
                throw new MalformedEntryException(Rule.F_OUTSIDE, "entry has bytes after its closing '}'", ex);
            }
            if (m != null && m.contains("surrogate")) {
                // Jackson checks the escapes of keys itself (those of values are checked above).
                throw new MalformedEntryException(Rule.F_ESCAPE, "entry key at " + pointer(ex.getProcessor())
                        + " escapes a lone surrogate: " + firstLine(m), ex);
            }
            throw new MalformedEntryException(Rule.F_JSON, "entry is not JSON (RFC 8259): " + firstLine(m), ex);
        } catch (IOException ex) {
            throw new MalformedEntryException(Rule.F_JSON, "entry is not JSON (RFC 8259): " + firstLine(ex.getMessage()), ex);
        }
        if (!closed) {
            throw new MalformedEntryException(Rule.F_JSON, "entry is not JSON (RFC 8259): its object is not closed");
        }
        return new Tree(root, signed);
    }

    private static void add(JsonNode container, String name, JsonNode value) {
        if (container instanceof ObjectNode o) {
            o.set(name, value);
        } else {
            ((ArrayNode) container).add(value);
        }
    }

    private static String pointer(Object processor) {
        if (processor instanceof JsonParser p) {
            String ptr = p.getParsingContext().pathAsPointer().toString();
            return ptr.isEmpty() ? "/" : ptr;
        }
        return "?";
    }

    private static void noLoneSurrogate(String s, String where) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new MalformedEntryException(Rule.F_ESCAPE, "entry " + where + " escapes a lone surrogate \\u"
                        + HexFormat.of().withUpperCase().toHexDigits(c) + "; a character above U+FFFF is written as UTF-8 "
                        + "or as a \\uD8xx\\uDCxx pair");
            }
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
