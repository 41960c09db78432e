package org.macm.station.logging;

import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Sends what is logged through {@code java.util.logging} (the JDK's own loggers, such as its
 * HTTP server's {@code sun.net.httpserver}, and any library that uses it) to SLF4J, so that it
 * comes out in the configured format and file instead of as JUL's own two-line text on standard
 * error. A few lines of our own instead of the {@code jul-to-slf4j} artifact, which would be a
 * dependency for one class.
 */
final class JulToSlf4j extends Handler {
    /** Replaces JUL's handlers with this one; JUL passes on INFO and above (FINE and below cost a record each). */
    static void install() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(java.util.logging.Level.INFO);
        root.addHandler(new JulToSlf4j());
    }

    @Override
    public void publish(LogRecord r) {
        if (r == null) {
            return;
        }
        String name = r.getLoggerName() == null ? "jul" : r.getLoggerName();
        int v = r.getLevel().intValue();
        Level level = v >= java.util.logging.Level.SEVERE.intValue() ? Level.ERROR
                : v >= java.util.logging.Level.WARNING.intValue() ? Level.WARN
                : v >= java.util.logging.Level.INFO.intValue() ? Level.INFO
                : v >= java.util.logging.Level.FINE.intValue() ? Level.DEBUG : Level.TRACE;
        String message = r.getMessage();
        if (message != null && r.getParameters() != null && r.getParameters().length > 0) {
            try {
                message = java.text.MessageFormat.format(message, r.getParameters());
            } catch (IllegalArgumentException e) {
                // Not a MessageFormat pattern: keep the message as it was written.
            }
        }
        LoggerFactory.getLogger(name).atLevel(level).setCause(r.getThrown()).log(message);
    }

    @Override
    public void flush() {
        // Nothing buffered here: logback's appenders flush themselves.
    }

    @Override
    public void close() {
        // Nothing held here.
    }
}
