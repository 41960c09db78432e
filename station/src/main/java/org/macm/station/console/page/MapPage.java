package org.macm.station.console.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.macm.station.console.ConsoleRequest;
import org.macm.station.console.ConsoleRoute;
import org.macm.station.officer.Role;
import org.macm.station.watch.WatchService;

/**
 * The Map page at {@code /map}: the encounter watch's tracks, encounters and zones on an
 * offline base map (Natural Earth coastlines served from the jar, no tile server), with the
 * alerts beside it, each with a link to send its draft. The page itself holds only the frame
 * and its labels; {@code assets/map.js} draws {@code /map/data} and re-reads it on each
 * {@code watch} event and every few seconds. A station without a watch says so and still
 * shows the coastlines.
 */
public final class MapPage {
    private final Optional<WatchService> watch;
    private final ObjectMapper json = JsonMapper.builder().build();

    public MapPage(Optional<WatchService> watch) {
        this.watch = watch;
    }

    public List<ConsoleRoute> routes() {
        return List.of(
                ConsoleRoute.get("/map", Role.DUTY, this::page),
                ConsoleRoute.get("/map/data", Role.DUTY, this::data));
    }

    private void page(ConsoleRequest r) {
        r.page("map.jte", r.chrome("map", "map.title"), Map.of("configured", watch.isPresent()));
    }

    private void data(ConsoleRequest r) throws JsonProcessingException {
        MapData data = MapData.of(watch.map(WatchService::picture), r.text());
        r.ctx().contentType("application/json; charset=utf-8");
        r.ctx().result(json.writeValueAsString(data));
    }
}
