package org.macm.encounter.unit;

import java.util.Locale;
import org.macm.encounter.EncounterException;

/** Checks for the short texts that name units, shared by the identifier records. */
final class Names {
    private Names() {}

    /** {@code value} upper-cased, if it is 1..16 printable characters without spaces. */
    static String token(String what, String value) {
        if (value == null || value.isEmpty() || value.length() > 16) {
            throw new EncounterException("a " + what + " is 1..16 characters, got '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new EncounterException("a " + what + " is printable characters without spaces, got '" + value + "'");
            }
        }
        return value.toUpperCase(Locale.ROOT);
    }
}
