package org.macm.station.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.macm.station.officer.Role;
import picocli.CommandLine;

/**
 * Reads {@code --role} in any case ({@code duty}, {@code Duty}); a wrong value is a usage
 * error that lists the three roles. Registered once for every command in {@link Macm#commandLine}.
 */
final class RoleConverter implements CommandLine.ITypeConverter<Role> {
    @Override
    public Role convert(String value) {
        for (Role r : Role.values()) {
            if (r.word().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not a role; use one of "
                + String.join(", ", new Names()));
    }

    /** The values for help texts and shell completion: duty, supervisor, admin. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Role.values()).map(Role::word).iterator();
        }
    }
}
