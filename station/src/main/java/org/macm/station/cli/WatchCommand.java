package org.macm.station.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.Lifecycle;
import org.macm.encounter.engine.EncounterConfig;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.watch.EncounterWatch;
import org.macm.station.StationException;
import org.macm.station.watch.AlertText;
import org.macm.station.watch.EncounterNotices;
import org.macm.template.Catalog;
import org.macm.template.Language;
import org.macm.station.demo.ScenarioGenerator;
import org.macm.station.feed.MergedReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm watch}: replays feeds through the encounter watch and prints alerts as they happen. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Replay recorded feeds (AIS .aivdm/.nmea, SBS-1 .sbs, JSON tracks .jsonl) through the encounter",
            "watch and print alerts (NEW / UPDATED / CLEARED) as they happen, on the recorded time."})
final class WatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--replay", paramLabel = "FILE", description = "A recorded feed; repeat for several.")
    private List<Path> replay = new ArrayList<>();

    @Option(names = "--units", paramLabel = "UNITS", description = "Unit registry (.toml or .csv); unknown units are third parties.")
    private Optional<Path> units;

    @Option(names = "--zones", paramLabel = "ZONES", description = "Zones (GeoJSON), e.g. announced exercise areas.")
    private Optional<Path> zones;

    @Option(names = "--parties", defaultValue = "JP,CN", paramLabel = "A,B",
            description = "The two sides whose units are watched (default ${DEFAULT-VALUE}).")
    private String parties;

    @Option(names = "--speed", defaultValue = "0", paramLabel = "X",
            description = "0 = as fast as possible (default), 1 = recorded pace, 10 = ten times faster.")
    private double speed;

    @Option(names = "--scenario", paramLabel = "DIR",
            description = "Generate the demo East China Sea scenario into DIR and replay it (ignores --replay/--units/--zones).")
    private Optional<Path> scenario;

    @Option(names = "--updates", description = "Also print UPDATED events (default: NEW and CLEARED only).")
    private boolean updates;

    @Option(names = "--as", defaultValue = "JP", paramLabel = "SIDE",
            description = "The side whose duty officer reads the drafts (default ${DEFAULT-VALUE}).")
    private String ownSide;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG", completionCandidates = LanguageConverter.Tags.class,
            description = "Language the draft notices are shown in: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    private Language lang;

    @Override
    public Integer call() throws InterruptedException {
        List<Path> files = replay;
        Optional<Path> unitFile = units;
        Optional<Path> zoneFile = zones;
        if (scenario.isPresent()) {
            new ScenarioGenerator(20261129L).generate(scenario.get());
            files = List.of(scenario.get().resolve("ecs.aivdm"), scenario.get().resolve("ecs.sbs"));
            unitFile = Optional.of(scenario.get().resolve("units.toml"));
            zoneFile = Optional.of(scenario.get().resolve("zones.geojson"));
        }
        if (files.isEmpty()) {
            throw new StationException("nothing to watch: give --replay FILE (with --units), or --scenario DIR");
        }
        if (unitFile.isEmpty()) {
            throw new StationException("--units is required: without a unit registry every unit is a third party");
        }
        String[] sides = parties.split(",", -1);
        if (sides.length != 2) {
            throw new StationException("--parties takes two sides separated by a comma, e.g. JP,CN");
        }
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = Catalog.builtIn();
        EncounterNotices notices = new EncounterNotices(catalog);
        Map<Lifecycle, Integer> counts = new EnumMap<>(Lifecycle.class);
        EncounterWatch.Builder builder = EncounterWatch.builder(
                EncounterConfig.defaults(Parties.of(sides[0].strip(), sides[1].strip()))).units(unitFile.get());
        zoneFile.ifPresent(builder::zones);
        EncounterWatch watch = builder.build(event -> {
            counts.merge(event.lifecycle(), 1, Integer::sum);
            if (updates || !(event instanceof AlertEvent.Updated)) {
                out.println(AlertText.line(event));
                if (event instanceof AlertEvent.Raised r) {
                    notices.notice(r.draft(), ownSide).ifPresent(n -> {
                        out.println("    draft " + n.id() + " v" + n.version() + ", ready to send as " + ownSide + ":");
                        catalog.render(n, lang).text().lines().forEach(l -> out.println("      | " + l));
                    });
                }
                out.flush();
            }
        });
        MergedReplay feed = MergedReplay.ofFiles(files, speed);
        feed.play(MergedReplay.Target.into(watch));
        out.printf("%d reports replayed (%d lines rejected); alerts: %d new, %d updates, %d cleared%n", feed.reports(),
                feed.rejected(), counts.getOrDefault(Lifecycle.NEW, 0), counts.getOrDefault(Lifecycle.UPDATED, 0),
                counts.getOrDefault(Lifecycle.CLEARED, 0));
        return 0;
    }
}
