package org.macm.core.log;

import java.time.Duration;

/**
 * Military message-handling precedence, highest first. Each has a default deadline for the
 * human acknowledgement, taken from speed-of-service practice; stations may configure others.
 */
public enum Precedence {
    FLASH(Duration.ofMinutes(5)),
    IMMEDIATE(Duration.ofMinutes(30)),
    PRIORITY(Duration.ofHours(3)),
    ROUTINE(Duration.ofHours(6));

    private final Duration defaultAckDeadline;

    Precedence(Duration defaultAckDeadline) {
        this.defaultAckDeadline = defaultAckDeadline;
    }

    public Duration defaultAckDeadline() {
        return defaultAckDeadline;
    }
}
