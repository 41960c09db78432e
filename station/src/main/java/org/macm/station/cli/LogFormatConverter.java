package org.macm.station.cli;

import java.util.Arrays;
import java.util.Iterator;
import org.macm.station.logging.LogFormat;
import picocli.CommandLine;

/** Reads {@code --log-format} ({@code text} or {@code json}, any case); anything else is a usage error naming both. */
final class LogFormatConverter implements CommandLine.ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
        return LogFormat.fromWord(value).orElseThrow(() -> new CommandLine.TypeConversionException("'" + value
                + "' is not a log format; use text or json"));
    }

    /** The values for help texts and shell completion: text, json. */
    static final class Words implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(LogFormat.values()).map(LogFormat::word).iterator();
        }
    }
}
