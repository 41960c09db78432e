package org.macm.station.watch;

import java.time.Instant;
import java.util.List;
import org.macm.encounter.alert.EncounterAlert;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.zone.Zone;

/**
 * What the encounter watch sees at one moment, copied out under its lock for display (the
 * console's map): every current track, the active encounters with their closest points of
 * approach, the announced zones, and every alert with its latest event. All parts are
 * immutable, so a page may read them while the watch goes on.
 *
 * @param time the watch's present: the newest report's time when replaying, else the clock's
 * @param side this station's side code, e.g. {@code JP}
 * @param otherSide the peer's side code, e.g. {@code CN}
 */
public record WatchPicture(Instant time, String side, String otherSide, List<TrackState> tracks,
        List<EncounterAlert> encounters, List<Zone> zones, List<WatchService.AlertRecord> alerts) {
    public WatchPicture {
        tracks = List.copyOf(tracks);
        encounters = List.copyOf(encounters);
        zones = List.copyOf(zones);
        alerts = List.copyOf(alerts);
    }
}
