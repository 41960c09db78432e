package org.macm.station.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.macm.core.log.Precedence;
import picocli.CommandLine;

/**
 * Reads {@code --precedence} in any case ({@code flash}, {@code Flash}); a wrong value is a
 * usage error that lists the four precedences, so an officer is never shown a Java type.
 * Registered once for every command in {@link Macm#commandLine}.
 */
final class PrecedenceConverter implements CommandLine.ITypeConverter<Precedence> {
    @Override
    public Precedence convert(String value) {
        for (Precedence p : Precedence.values()) {
            if (p.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not a precedence; use one of "
                + String.join(", ", new Names()));
    }

    /** The values for help texts and shell completion: FLASH, IMMEDIATE, PRIORITY, ROUTINE. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Precedence.values()).map(Precedence::name).iterator();
        }
    }
}
