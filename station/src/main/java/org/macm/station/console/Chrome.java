package org.macm.station.console;

import java.util.List;
import org.macm.station.officer.Officer;

/**
 * What every page's frame shows (templates' {@code layout.jte}): the station, the officer and
 * their role, the page's title and which menu entry is current, the CSRF token its forms and
 * htmx requests carry, the alarms not yet dismissed, and the id of the newest live event the
 * page already shows (its event stream resumes from there).
 */
public record Chrome(UiText t, String station, Officer officer, String csrf, String active, String title,
        List<ConsoleAlarm> alarms, long lastEventId) {
    public Chrome {
        alarms = List.copyOf(alarms);
    }

    /** The officer's role in the officer's language. */
    public String role() {
        return t.get("common.role." + officer.role().word());
    }
}
