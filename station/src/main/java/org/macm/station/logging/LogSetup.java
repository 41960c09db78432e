package org.macm.station.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.macm.station.StationException;
import org.slf4j.LoggerFactory;

/**
 * Configures logback from {@link LogSettings}, in code, once the command line (and for
 * {@code macm run} station.toml) has been read; until then {@code logback.xml} holds (WARN and
 * above to standard error as text). Logback's {@link LoggerContext} is the one global: this
 * class keeps no state of its own and replaces the context's whole configuration each time.
 */
public final class LogSetup {
    /**
     * The text line: UTC time, level, class, message, then the event's key/value pairs in
     * brackets when it has any. logback.xml writes the same.
     */
    public static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{0}: %msg"
            + "%replace(%kvp){'^(.+)$', ' [$1]'}%n";
    /** Libraries whose INFO is start-up chatter (Jetty's version banner, Javalin's): WARN and above only. */
    private static final String[] QUIET = {"org.eclipse.jetty", "io.javalin", "org.sqlite", "com.sun.net.httpserver", "sun.net.httpserver"};

    private final LoggerContext context;

    public LogSetup(LoggerContext context) {
        this.context = context;
    }

    /** The setup of this process's logback. */
    public static LogSetup forThisProcess() {
        return new LogSetup((LoggerContext) LoggerFactory.getILoggerFactory());
    }

    /**
     * Replaces the configuration with {@code s}: standard error at its level and format, and the
     * file, if any, at its own. Throws a one-line error if the log file cannot be written.
     */
    public void apply(LogSettings s) {
        s.file().ifPresent(LogSetup::checkWritable);
        context.reset();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level stderrLevel = Level.convertAnSLF4JLevel(s.stderrLevel());
        Level rootLevel = stderrLevel;
        root.addAppender(stderr(s.stderrFormat(), stderrLevel));
        if (s.file().isPresent()) {
            LogFile f = s.file().get();
            Level fileLevel = Level.convertAnSLF4JLevel(f.level());
            root.addAppender(file(f, fileLevel));
            rootLevel = fileLevel.isGreaterOrEqual(rootLevel) ? rootLevel : fileLevel;
        }
        root.setLevel(rootLevel);
        for (String name : QUIET) {
            context.getLogger(name).setLevel(Level.WARN);
        }
        // "Failed to start Javalin" repeats what ApiServer reports itself in one line.
        context.getLogger("io.javalin.Javalin").setLevel(Level.OFF);
        JulToSlf4j.install();
    }

    private ConsoleAppender<ILoggingEvent> stderr(LogFormat format, Level level) {
        ConsoleAppender<ILoggingEvent> a = new ConsoleAppender<>();
        a.setTarget("System.err");
        return started(a, "STDERR", format, level);
    }

    private RollingFileAppender<ILoggingEvent> file(LogFile f, Level level) {
        RollingFileAppender<ILoggingEvent> a = new RollingFileAppender<>();
        a.setContext(context);
        a.setFile(f.file().toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(a);
        policy.setFileNamePattern(rolledPattern(f.file()));
        policy.setMaxFileSize(new FileSize(f.maxFileSize()));
        policy.setMaxHistory(f.maxHistory());
        policy.setTotalSizeCap(new FileSize(f.totalSizeCap()));
        policy.start();
        a.setRollingPolicy(policy);
        started(a, "FILE", f.format(), level);
        if (!a.isStarted() || !policy.isStarted()) {
            throw new StationException("cannot write the log file " + f.file() + ": " + errors()
                    + "; check [log] in station.toml");
        }
        return a;
    }

    /** {@code log/macm.log} rolls over to {@code log/macm.2026-12-01.0.log}, {@code .1.log}, … */
    static String rolledPattern(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return file.resolveSibling(stem + ".%d{yyyy-MM-dd,UTC}.%i" + ext).toString();
    }

    private <A extends OutputStreamAppender<ILoggingEvent>> A started(A a, String name, LogFormat format, Level level) {
        a.setContext(context);
        a.setName(name);
        a.setEncoder(encoder(format));
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setContext(context);
        threshold.setLevel(level.toString());
        threshold.start();
        a.addFilter(threshold);
        a.start();
        return a;
    }

    private Encoder<ILoggingEvent> encoder(LogFormat format) {
        Encoder<ILoggingEvent> e;
        if (format == LogFormat.JSON) {
            e = new FlatJsonEncoder();
        } else {
            PatternLayoutEncoder p = new PatternLayoutEncoder();
            p.setPattern(TEXT_PATTERN);
            p.setCharset(StandardCharsets.UTF_8);
            e = p;
        }
        e.setContext(context);
        e.start();
        return e;
    }

    private String errors() {
        String found = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(st -> st.getLevel() == Status.ERROR).map(Status::getMessage).collect(Collectors.joining("; "));
        return found.isEmpty() ? "logback did not start it" : found;
    }

    /** A clear error before logback is touched, rather than its status lines and a file that stays empty. */
    private static void checkWritable(LogFile f) {
        Path dir = f.file().toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StationException("cannot create the log folder " + dir + " (" + e.getMessage()
                    + "); check [log] file in station.toml", e);
        }
        if (!Files.isWritable(dir) || (Files.exists(f.file()) && !Files.isWritable(f.file()))) {
            throw new StationException("cannot write the log file " + f.file() + ": permission denied; check [log] file "
                    + "in station.toml and who owns " + dir);
        }
    }
}
