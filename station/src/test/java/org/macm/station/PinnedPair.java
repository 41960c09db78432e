package org.macm.station;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.macm.core.log.StationId;
import org.macm.station.identity.Identity;
import org.macm.station.identity.PeerRegistry;

/**
 * Two stations, jp-mod and cn-mnd, created in folders under a root and pinned to each other
 * as {@code macm init} and {@code macm peer add} would, then opened (store and keys, no link).
 */
public final class PinnedPair implements AutoCloseable {
    public static final StationId JP = StationId.of("jp-mod");
    public static final StationId CN = StationId.of("cn-mnd");

    public final StationLayout jpLayout;
    public final StationLayout cnLayout;
    public final Station jp;
    public final Station cn;

    public PinnedPair(Path root) {
        StationInit init = new StationInit(new SecureRandom(), Clock.systemUTC());
        jpLayout = new StationLayout(root.resolve("jp"));
        cnLayout = new StationLayout(root.resolve("cn"));
        Identity jpId = init.create(jpLayout, JP);
        Identity cnId = init.create(cnLayout, CN);
        new PeerRegistry(jpLayout).pin(jpId, cnId);
        new PeerRegistry(cnLayout).pin(cnId, jpId);
        jp = Station.open(jpLayout, Clock.systemUTC());
        cn = Station.open(cnLayout, Clock.systemUTC());
    }

    @Override
    public void close() {
        try {
            jp.close();
        } finally {
            cn.close();
        }
    }
}
