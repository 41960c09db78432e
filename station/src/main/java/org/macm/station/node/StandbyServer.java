package org.macm.station.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.macm.station.StationLayout;
import org.macm.station.api.ApiToken;
import org.macm.station.config.ConfigFile;
import org.macm.station.config.StationConfig;
import org.macm.station.run.StationRuntime;
import org.macm.station.run.UrlFile;
import org.macm.station.web.WebServer;

/**
 * The standby's web server: {@link StandbySite} on the station's API address, its URL in
 * {@code DIR/api.url} as a running station writes it, so {@code macm status} finds the
 * standby as it finds the active node. Opened when the node stands by, closed before it
 * starts the station (which listens on the same address).
 */
final class StandbyServer implements AutoCloseable {
    private final StationLayout layout;
    private final ApiToken token;
    private final Supplier<ObjectNode> status;
    private final Supplier<String> active;
    private WebServer web;
    private String url;

    StandbyServer(StationLayout layout, ApiToken token, Supplier<ObjectNode> status, Supplier<String> active) {
        this.layout = layout;
        this.token = token;
        this.status = status;
        this.active = active;
    }

    /** Serves, if it does not yet; throws {@link org.macm.station.StationException} when it cannot listen. */
    void open() {
        if (web != null) {
            return;
        }
        StationConfig config = new ConfigFile().read(layout.config());
        web = new WebServer(List.of(new StandbySite(config.api(), token, status, active))).start();
        url = StationRuntime.url("http", web.address("api"));
        UrlFile.write(layout.dir().resolve("api.url"), url);
    }

    /** The URL it serves on while open. */
    Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** Stops serving and deletes api.url if it is still ours; nothing when not open. */
    @Override
    public void close() {
        if (web == null) {
            return;
        }
        web.close();
        web = null;
        UrlFile.deleteIfOurs(layout.dir().resolve("api.url"), url);
        url = null;
    }
}
