package org.macm.link;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.macm.core.log.EntryCodec;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

/**
 * Frames on the wire. Every frame is a length, a type and a payload; all integers are
 * unsigned big-endian.
 *
 * <pre>
 * frame      = u32 length | u8 type | payload            (length counts type + payload, 1..MAX_FRAME_BYTES)
 *
 * 0x01 HELLO     JSON (UTF-8): {"protocol":1,"station":S,"link":L,"head":H,"peerHead":H,"catalog":C}
 *                              H = {"seq":N,"hash":"64 hex"}, C = 64 hex; exactly these keys ({@link HelloJson})
 * 0x02 ENTRIES   u16 count (1..1024) | count x ( u32 n | n bytes entry | 64 bytes Ed25519 signature )
 * 0x03 HEARTBEAT u64 head.seq | 32 head.hash | u64 peerHead.seq | 32 peerHead.hash
 * 0x04 RESEND    u64 fromSeq (1 .. 2^63-1)
 * 0x05 ERROR     JSON (UTF-8): {"code":"MALFORMED_FRAME"[,"message":"..."]}
 * </pre>
 *
 * Reading is strict: a length out of range, an unknown type, trailing bytes inside a frame
 * or a malformed payload throws {@link LinkException}, and the connection is closed. The
 * entries of an ENTRIES frame are not read here (see {@link Frame.Entries}).
 */
public final class FrameCodec {
    public static final int PROTOCOL_VERSION = 1;
    /** The largest frame: room for one maximal entry and more than enough for the rest. */
    public static final int MAX_FRAME_BYTES = 1024 * 1024;
    public static final int MAX_ENTRIES_PER_FRAME = 1024;

    static final int HELLO = 0x01;
    static final int ENTRIES = 0x02;
    static final int HEARTBEAT = 0x03;
    static final int RESEND = 0x04;
    static final int ERROR = 0x05;

    private static final ObjectMapper JSON = JsonMapper.builder(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    private FrameCodec() {
    }

    /** Writes one frame and flushes it. */
    public static void write(OutputStream out, Frame frame) throws IOException {
        // Sized for an ENTRIES frame up front, so the buffer is not grown (and copied) while it is filled.
        ByteArrayOutputStream payload = new ByteArrayOutputStream(frame instanceof Frame.Entries e ? entriesPayload(e) : 256);
        DataOutputStream p = new DataOutputStream(payload);
        int type = switch (frame) {
            case Frame.Hello h -> {
                p.write(HelloJson.write(h));
                yield HELLO;
            }
            case Frame.Entries e -> {
                if (e.entries().isEmpty() || e.entries().size() > MAX_ENTRIES_PER_FRAME) {
                    throw new LinkException(ErrorCode.MALFORMED_FRAME, "an ENTRIES frame carries 1 to "
                            + MAX_ENTRIES_PER_FRAME + " entries, not " + e.entries().size());
                }
                p.writeShort(e.entries().size());
                for (RawEntry s : e.entries()) {
                    p.writeInt(s.size());
                    s.writeTo(p);
                }
                yield ENTRIES;
            }
            case Frame.Heartbeat h -> {
                writeHead(p, h.head());
                writeHead(p, h.peerHead());
                yield HEARTBEAT;
            }
            case Frame.Resend r -> {
                p.writeLong(r.fromSeq());
                yield RESEND;
            }
            case Frame.Failure e -> {
                ObjectNode n = JSON.createObjectNode();
                n.put("code", e.code().name());
                e.message().ifPresent(m -> n.put("message", m));
                p.write(JSON.writeValueAsBytes(n));
                yield ERROR;
            }
        };
        int length = payload.size() + 1;
        if (length > MAX_FRAME_BYTES) {
            throw new LinkException(ErrorCode.FRAME_TOO_LARGE, "frame of " + length + " bytes exceeds " + MAX_FRAME_BYTES);
        }
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(length);
        d.writeByte(type);
        payload.writeTo(d);
        d.flush();
    }

    private static int entriesPayload(Frame.Entries e) {
        int size = 2;
        for (RawEntry r : e.entries()) {
            size += 4 + r.size() + RawEntry.SIGNATURE_BYTES;
        }
        return size;
    }

    /** The size an ENTRIES frame grows by when it carries {@code e}. */
    public static int entrySize(SignedEntry e) {
        return 4 + e.size() + 64;
    }

    /** Reads one frame; {@link EOFException} when the peer closed the connection cleanly between frames. */
    public static Frame read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 1 || length > MAX_FRAME_BYTES) {
            throw new LinkException(length > MAX_FRAME_BYTES ? ErrorCode.FRAME_TOO_LARGE : ErrorCode.MALFORMED_FRAME,
                    "frame length " + Integer.toUnsignedString(length) + " is outside 1.." + MAX_FRAME_BYTES);
        }
        int type = in.readUnsignedByte();
        byte[] payload = new byte[length - 1];
        in.readFully(payload);
        try {
            return decode(type, payload);
        } catch (LinkException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new LinkException(ErrorCode.MALFORMED_FRAME, "frame type " + type + ": " + e.getMessage(), e);
        }
    }

    private static Frame decode(int type, byte[] payload) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(payload);
        Frame frame = switch (type) {
            case HELLO -> {
                b.position(b.limit());
                yield HelloJson.read(payload);
            }
            case ENTRIES -> {
                int count = Short.toUnsignedInt(b.getShort());
                if (count < 1 || count > MAX_ENTRIES_PER_FRAME) {
                    throw new LinkException(ErrorCode.MALFORMED_FRAME, "ENTRIES frame says it carries " + count + " entries");
                }
                List<RawEntry> entries = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int n = b.getInt();
                    if (n < 1 || n > EntryCodec.MAX_ENTRY_BYTES || n + 64 > b.remaining()) {
                        throw new LinkException(ErrorCode.MALFORMED_FRAME, "entry " + (i + 1) + " of the frame claims "
                                + Integer.toUnsignedString(n) + " bytes");
                    }
                    // Not read here: an entry the station cannot read is its intake's finding, not a broken frame.
                    entries.add(RawEntry.take(b, n));
                }
                yield new Frame.Entries(entries);
            }
            case HEARTBEAT -> new Frame.Heartbeat(readHead(b), readHead(b));
            case RESEND -> new Frame.Resend(b.getLong());
            case ERROR -> {
                JsonNode n = json(payload);
                b.position(b.limit());
                ErrorCode code;
                try {
                    code = ErrorCode.valueOf(n.path("code").asText());
                } catch (IllegalArgumentException e) {
                    code = ErrorCode.INTERNAL;
                }
                yield new Frame.Failure(code, n.hasNonNull("message") ? Optional.of(n.get("message").asText())
                        : Optional.empty());
            }
            default -> throw new LinkException(ErrorCode.MALFORMED_FRAME, "unknown frame type " + type);
        };
        if (b.hasRemaining()) {
            throw new LinkException(ErrorCode.MALFORMED_FRAME, "frame type " + type + " has " + b.remaining()
                    + " bytes after its payload");
        }
        return frame;
    }

    private static JsonNode json(byte[] payload) throws IOException {
        JsonNode n = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        if (n == null || !n.isObject()) {
            throw new LinkException(ErrorCode.MALFORMED_FRAME, "payload is not a JSON object");
        }
        return n;
    }

    private static void writeHead(DataOutputStream out, Head h) throws IOException {
        out.writeLong(h.seq());
        out.write(h.hash().toBytes());
    }

    private static Head readHead(ByteBuffer b) {
        long seq = b.getLong();
        byte[] hash = new byte[EntryHash.LENGTH];
        b.get(hash);
        return new Head(seq, EntryHash.fromBytes(hash));
    }
}
