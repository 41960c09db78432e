package org.macm.station.officer;

import java.util.Locale;

/**
 * What an officer may do at the console. A duty officer reads, acknowledges and sends; a
 * supervisor also sees readiness and every officer's record; an administrator also manages
 * accounts. The console checks the role on each route; the CLI manages accounts for whoever
 * can write the station folder.
 */
public enum Role {
    DUTY,
    SUPERVISOR,
    ADMIN;

    /** The word the CLI and the officers file use: {@code duty}, {@code supervisor}, {@code admin}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
