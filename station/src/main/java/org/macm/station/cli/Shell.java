package org.macm.station.cli;

import java.util.regex.Pattern;

/**
 * Writes a word of a command line that a person can paste into a POSIX shell (the commands
 * that 'macm verify' and 'macm transcript' print for re-checking evidence): plain words stay
 * as they are, anything else goes in single quotes.
 */
final class Shell {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Shell() {
    }

    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
