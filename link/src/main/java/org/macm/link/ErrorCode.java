package org.macm.link;

/**
 * Why a station closes a connection. The code travels in an {@code ERROR} frame (when the
 * connection can still carry one) and appears in both stations' logs; docs/PROTOCOL.md lists
 * them.
 */
public enum ErrorCode {
    /** The frame could not be parsed: bad length, unknown type, malformed payload. */
    MALFORMED_FRAME,
    /** The frame is larger than {@link FrameCodec#MAX_FRAME_BYTES}. */
    FRAME_TOO_LARGE,
    /** A frame arrived that is not allowed at this point (e.g. entries before HELLO). */
    UNEXPECTED_FRAME,
    /** The peer speaks a protocol version this station does not. */
    UNSUPPORTED_VERSION,
    /** HELLO names a station or link other than the one the TLS certificate proves. */
    WRONG_PEER,
    /** No HELLO within the handshake timeout. */
    HANDSHAKE_TIMEOUT,
    /** The peer went silent for longer than the heartbeat allows. */
    PEER_SILENT,
    /**
     * The station is stopping in order: the last frame it sends on every path. The peer closes
     * the path quietly and says that its link is down because the peer stopped, not lost.
     */
    SHUTDOWN,
    /** The HELLO or HEARTBEAT claims to hold this station's log beyond its own head: the claim is false. */
    HEAD_BEYOND_LOG,
    /**
     * The HELLO or HEARTBEAT claims to hold an entry of this station's log at a seq this station
     * wrote, but with another hash: the two copies of the log differ (a fork), which is kept as evidence.
     */
    HEAD_MISMATCH,
    /** Something failed on this side (store error); the peer should retry later. */
    INTERNAL
}
