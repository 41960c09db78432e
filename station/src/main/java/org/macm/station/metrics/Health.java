package org.macm.station.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.macm.store.LogStore;

/**
 * The answers of {@code /healthz} (the process is up and serving) and {@code /readyz} (the
 * station can do its job: the store takes writes, the signing key is loaded, a link is
 * configured). Both are served without a token, so they say which check failed and nothing
 * else: no file paths, no peer names, no error text from below.
 *
 * @param storeFailure why the store's writes fail now, if they do
 * @param storeFolder  the store's folder, whose file system must have room left
 * @param keyLoaded    whether the station holds its signing key
 * @param linkCount    how many links (peers) the station runs
 */
public record Health(Supplier<Optional<LogStore.Failure>> storeFailure, Path storeFolder, BooleanSupplier keyLoaded,
        Supplier<Integer> linkCount) {
    /** A check's answer when it passes. */
    public static final String OK = "ok";

    /** The body of {@code /healthz}: it answers, so the process is up. */
    public ObjectNode liveness() {
        return JsonNodeFactory.instance.objectNode().put("status", "up");
    }

    /** Each check by name, {@code ok} or what is wrong, in a fixed order. */
    public Map<String, String> checks() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("store", store());
        checks.put("key", keyLoaded.getAsBoolean() ? OK : "no signing key loaded");
        checks.put("links", linkCount.get() > 0 ? OK : "no link configured: pin a peer with 'macm peer add'");
        return checks;
    }

    private String store() {
        Optional<LogStore.Failure> failure = storeFailure.get();
        if (failure.isPresent()) {
            return "failing since " + failure.get().since() + "; see the station's log";
        }
        try {
            if (Files.getFileStore(storeFolder).getUsableSpace() <= 0) {
                return "disk full";
            }
        } catch (IOException e) {
            return "cannot read the store folder's disk space";
        }
        return OK;
    }

    /** The body of {@code /readyz}; {@code ready} is false when any check is not {@code ok}. */
    public ObjectNode readiness(Map<String, String> checks) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("ready", ready(checks));
        ObjectNode c = body.putObject("checks");
        checks.forEach(c::put);
        return body;
    }

    /** Whether every check is {@code ok}. */
    public static boolean ready(Map<String, String> checks) {
        return checks.values().stream().allMatch(OK::equals);
    }
}
