package org.macm.link;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The WARN lines one class of the link logs while a test runs: what an operator reads about
 * outages, refusals and faults. Attach with {@link #of}, read, and close to detach.
 */
final class WarnLog implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private WarnLog(Class<?> source) {
        this.logger = (Logger) LoggerFactory.getLogger(source);
        appender.start();
        logger.addAppender(appender);
    }

    /** Starts collecting what {@code source} logs. */
    static WarnLog of(Class<?> source) {
        return new WarnLog(source);
    }

    /** The WARN events so far, with their key-value pairs. */
    List<ILoggingEvent> events() {
        return appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    }

    /** The WARN lines so far, as formatted for the log. */
    List<String> lines() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
