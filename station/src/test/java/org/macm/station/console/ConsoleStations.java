package org.macm.station.console;

import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.macm.link.LinkState;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.demo.ScenarioGenerator;
import org.macm.station.officer.Officer;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import org.macm.station.run.StationRuntime;
import org.macm.template.Language;
import org.macm.testkit.Await;

/**
 * Stations with console accounts, started on loopback the way an operator sets them up:
 * {@link StationPair} creates and pins them, accounts are added with {@link OfficerRegistry}
 * as {@code macm officer add} does, and console settings are a {@code [console]} section in
 * station.toml. Every account gets {@link #PASSWORD}.
 */
final class ConsoleStations {
    /** The password of every test account (at least {@link Password#MIN_LENGTH} characters). */
    static final String PASSWORD = "watch-floor-2026";

    private ConsoleStations() {
    }

    /** Adds a console account to the station in {@code layout} (before or while it runs). */
    static Officer officer(StationLayout layout, String name, String display, Role role, Optional<Language> language) {
        try (Password p = Password.of(PASSWORD.toCharArray())) {
            return new OfficerRegistry(layout, Clock.systemUTC(), new SecureRandom()).add(name, display, role, language, p);
        }
    }

    /** Appends a {@code [console]} section with these lines ({@code idle-timeout = "10m"}) to the station's config. */
    static void consoleSection(StationLayout layout, String... lines) {
        appendToConfig(layout, "\n[console]\n" + String.join("\n", lines) + "\n");
    }

    /** Appends {@code text} (a section of TOML) to the station's config. */
    static void appendToConfig(StationLayout layout, String text) {
        try {
            Files.writeString(layout.config(), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A {@code [watch]} section that replays the demo scenario {@link ScenarioGenerator} wrote
     * in {@code scenario}: its units, its zones when {@code zones}, and its AIS feed (ecs.aivdm)
     * at {@code speed} times real time (0: as fast as it is read), watching for {@code side}
     * against {@code otherSide}. More {@code [[watch.sources]]} may follow it.
     */
    static String demoWatch(Path scenario, boolean zones, String side, String otherSide, int speed) {
        return "[watch]\n"
                + "units = \"" + scenario.resolve("units.toml") + "\"\n"
                + (zones ? "zones = \"" + scenario.resolve("zones.geojson") + "\"\n" : "")
                + "side = \"" + side + "\"\n"
                + "other-side = \"" + otherSide + "\"\n"
                + "[[watch.sources]]\n"
                + "kind = \"replay\"\n"
                + "format = \"ais\"\n"
                + "file = \"" + scenario.resolve("ecs.aivdm") + "\"\n"
                + "speed = " + speed + "\n";
    }

    /**
     * Starts cn-mnd alone under {@code root} on {@code clock}, after {@code setup} has added its
     * accounts and console settings to its freshly written config.
     */
    static StationRuntime startCn(Path root, Clock clock, BiConsumer<StationPair, StationLayout> setup) {
        StationPair pair = StationPair.create(root);
        pair.write(pair.spec(CN));
        setup.accept(pair, pair.cn());
        return StationRuntime.start(pair.cn(), clock, "test");
    }

    /** Both stations running, linked: cn-mnd listens, jp-mod dials. Closing stops both. */
    record Linked(StationPair pair, StationRuntime jp, StationRuntime cn) implements AutoCloseable {
        StationRuntime of(org.macm.core.log.StationId station) {
            return station.equals(JP) ? jp : cn;
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

    /**
     * Starts jp-mod and cn-mnd under {@code root}, linked over loopback, after {@code setup}
     * has prepared each station's folder (accounts, {@code [console]}); returns once the link is UP.
     */
    static Linked startPair(Path root, BiConsumer<org.macm.core.log.StationId, StationLayout> setup)
            throws InterruptedException {
        StationPair pair = StationPair.create(root).withHeartbeat(Duration.ofMillis(500), 4);
        pair.write(pair.listening(CN, loopback(0)));
        setup.accept(CN, pair.cn());
        StationRuntime cn = StationRuntime.start(pair.cn(), Clock.systemUTC(), "test");
        try {
            pair.write(pair.dialling(JP, loopback(cn.linkPorts())));
            setup.accept(JP, pair.jp());
            StationRuntime jp = StationRuntime.start(pair.jp(), Clock.systemUTC(), "test");
            Linked linked = new Linked(pair, jp, cn);
            try {
                Await.await("link up between jp-mod and cn-mnd", Duration.ofSeconds(20),
                        () -> jp.links().status(CN).map(s -> s.state() == LinkState.UP).orElse(false)
                                && cn.links().status(JP).map(s -> s.state() == LinkState.UP).orElse(false),
                        () -> jp.links().status(CN) + " / " + cn.links().status(JP));
            } catch (InterruptedException | RuntimeException | AssertionError e) {
                linked.close();
                throw e;
            }
            return linked;
        } catch (RuntimeException e) {
            cn.close();
            throw e;
        }
    }
}
