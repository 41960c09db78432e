package org.macm.link;

import java.time.Instant;
import java.util.Optional;

/**
 * One path of a link as last seen.
 *
 * @param name      the endpoint dialled, or "inbound from ADDRESS"
 * @param connected whether a session is running on it now
 * @param lastHeard when the last frame arrived on it
 * @param lastError why it last closed, if it did
 */
public record PathStatus(String name, boolean connected, Optional<Instant> lastHeard, Optional<String> lastError) {
}
