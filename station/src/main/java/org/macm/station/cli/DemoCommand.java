package org.macm.station.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.macm.core.log.Body;
import org.macm.core.log.EntryKind;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.link.LinkState;
import org.macm.link.LinkStatus;
import org.macm.station.Station;
import org.macm.station.StationException;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.export.ExportFile;
import org.macm.station.export.ExportVerifier;
import org.macm.station.export.KeyRing;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.engine.EncounterConfig;
import org.macm.encounter.unit.Parties;
import org.macm.encounter.watch.EncounterWatch;
import org.macm.station.run.StationRuntime;
import org.macm.station.watch.AlertText;
import org.macm.station.watch.EncounterNotices;
import org.macm.station.feed.MergedReplay;
import org.macm.station.demo.ScenarioGenerator;
import org.macm.template.Catalog;
import org.macm.template.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code macm demo}: two stations, jp-mod and cn-mnd, in one working folder, pinned to each
 * other and running on loopback over mutually authenticated TLS with two paths; a short
 * realistic exchange (an encounter notice, its receipt and acknowledgement, a reply in
 * Chinese, a link test); jp-mod's encounter watch replaying an East China Sea scenario and
 * the first alert's draft sent as a notice; both logs exported and verified together. Each
 * station's duty-officer console is printed with an account {@code duty} (display names
 * "Cdr Sato Kenji", ja, and "Lt Col Wang Hao", zh-Hans) whose password is made anew each
 * run and printed only then, so that the consoles can be tried at once; then, unless
 * {@code --once}, the stations keep running until Ctrl-C so that you can send more with {@code macm send}. Re-running reuses
 * the folder and adds to the same logs.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run two stations (jp-mod, cn-mnd) on this machine, linked over TLS, through an exchange.")
final class DemoCommand implements Callable<Integer> {
    static final StationId JP = StationPair.JP;
    static final StationId CN = StationPair.CN;
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The console account the demo gives each station. */
    static final String OFFICER = "duty";
    /** Letters and digits that cannot be mistaken for one another when read off a terminal. */
    private static final String PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @ParentCommand
    private Macm macm;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", defaultValue = "macm-demo",
            description = "Working folder for the two stations (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Option(names = "--once", description = "Stop after the exchange instead of running until Ctrl-C.")
    private boolean once;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        StationPair pair = StationPair.create(dir, macm.random(), macm.clock(),
                (station, layout) -> out.println("Created station " + station + " in " + layout.dir()))
                .withHeartbeat(Duration.ofMillis(500), 4).withLinkTests(Duration.ofMinutes(10), false);
        StationLayout jpLayout = pair.jp();
        StationLayout cnLayout = pair.cn();
        out.println("Stations pinned to each other (fingerprints):");
        out.println("  " + JP + "  " + pair.identity(JP).fingerprint());
        out.println("  " + CN + "  " + pair.identity(CN).fingerprint());
        out.println();

        String jpPassword = officer(jpLayout, "Cdr Sato Kenji", Language.JA);
        String cnPassword = officer(cnLayout, "Lt Col Wang Hao", Language.ZH_HANS);

        // cn-mnd listens on two ports (two paths); jp-mod dials both once it knows them.
        pair.write(pair.listening(CN, StationPair.loopback(0, 0)));
        StationRuntime cn = StationRuntime.start(cnLayout, macm.clock());
        StationRuntime jp = null;
        try {
            pair.write(pair.dialling(JP, StationPair.loopback(cn.linkPorts())));
            jp = StationRuntime.start(jpLayout, macm.clock());
            out.println("Duty-officer consoles (account '" + OFFICER + "', a new password each run, shown only here):");
            out.println("  " + JP + "  " + jp.consoleUrl() + "  " + OFFICER + " / " + jpPassword + "  (Cdr Sato Kenji, ja)");
            out.println("  " + CN + "  " + cn.consoleUrl() + "  " + OFFICER + " / " + cnPassword + "  (Lt Col Wang Hao, zh-Hans)");
            out.println();
            awaitUp(jp, out);
            exchange(jp, cn, out);
            watchAndNotify(jp, cn, out);
            settled(jp, cn);
            verify(jp, jpLayout, cnLayout, out);
            out.println();
            out.println(once ? "The stations stop now (--once). Run 'macm demo' without --once to keep them running, then try:"
                    : "The stations keep running. In another terminal:");
            out.println("  ./macm send --dir " + jpLayout.dir() + " --to cn-mnd --precedence FLASH --text \"...\"");
            out.println("  ./macm inbox --dir " + cnLayout.dir());
            out.println("  ./macm ack --dir " + cnLayout.dir() + " jp-mod/SEQ --officer \"Lt Col Wang Hao\"");
            out.println("  ./macm status --dir " + jpLayout.dir());
            if (once) {
                return 0;
            }
            out.println("Local APIs (token in each station's api.token):");
            out.println("  jp-mod  http://127.0.0.1:" + jp.apiAddress().getPort() + "/api/v1/status");
            out.println("  cn-mnd  http://127.0.0.1:" + cn.apiAddress().getPort() + "/api/v1/status");
            out.println("Consoles: " + JP + " " + jp.consoleUrl() + ", " + CN + " " + cn.consoleUrl()
                    + " (account '" + OFFICER + "', passwords above)");
            out.println("Press Ctrl-C to stop both stations.");
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            StationRuntime jpRuntime = jp;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                jpRuntime.close();
                cn.close();
                stop.countDown();
            }, "macm-demo-shutdown"));
            jp = null;
            stop.await();
            return 0;
        } finally {
            if (jp != null) {
                jp.close();
            }
            if (once || jp != null) {
                cn.close();
            }
        }
    }

    /**
     * Gives {@code layout}'s station the duty account {@link #OFFICER} with a fresh random
     * password (adding it on the first run, replacing the password on later ones) and returns
     * the password, which the demo prints once.
     */
    private String officer(StationLayout layout, String display, Language language) {
        char[] chars = new char[16];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = PASSWORD_CHARS.charAt(macm.random().nextInt(PASSWORD_CHARS.length()));
        }
        OfficerRegistry officers = new OfficerRegistry(layout, macm.clock(), macm.random());
        try (Password password = Password.of(chars)) {
            if (officers.find(OFFICER).isPresent()) {
                officers.setEnabled(OFFICER, true);
                officers.changePassword(OFFICER, password);
            } else {
                officers.add(OFFICER, display, Role.DUTY, Optional.of(language), password);
            }
        }
        return new String(chars);
    }

    private static void awaitUp(StationRuntime jp, PrintWriter out) throws InterruptedException {
        await("the link to come up", () -> jp.links().status(CN).map(s -> s.state() == LinkState.UP && s.paths().size() == 2)
                .orElse(false));
        LinkStatus s = jp.links().status(CN).orElseThrow();
        out.println("Link " + JP + " <-> " + CN + " is " + s.state() + " over " + s.paths().size()
                + " paths (TLS 1.3, pinned certificates):");
        s.paths().forEach(p -> out.println("  path " + p.name()));
        out.println();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new StationException("demo: timed out after " + WAIT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits until the link is quiet: each station holds all the other wrote, and has receipted
     * every entry of the other's that wants a receipt (receipts are not receipted in turn, so
     * nothing more is written). Both stations' copies of both logs are then the same, which is
     * what the exports at the end, and anyone who exports after {@code --once}, rely on.
     */
    private static void settled(StationRuntime a, StationRuntime b) throws InterruptedException {
        await("both stations to hold and receipt each other's entries", () -> holdsAndReceipted(a, b)
                && holdsAndReceipted(b, a));
    }

    /** Whether {@code to} holds {@code from}'s whole log and its last receipt covers every non-receipt entry. */
    private static boolean holdsAndReceipted(StationRuntime from, StationRuntime to) {
        Station a = from.station();
        Station b = to.station();
        if (b.store().head(b.peerLog(a.id())).seq() < a.store().head(a.ownLog(b.id())).seq()) {
            return false;
        }
        long wantsReceipt = 0;
        for (SignedEntry e : b.store().read(b.peerLog(a.id()), 1, Integer.MAX_VALUE)) {
            if (e.entry().kind() != EntryKind.RECEIPT) {
                wantsReceipt = e.seq();
            }
        }
        long receipted = 0;
        for (SignedEntry e : b.store().read(b.ownLog(a.id()), 1, Integer.MAX_VALUE)) {
            if (e.entry().body() instanceof Body.Receipt r) {
                receipted = Math.max(receipted, r.upTo().seq());
            }
        }
        return receipted >= wantsReceipt;
    }

    /** Waits until {@code to} holds everything {@code from} wrote to it. */
    private static void delivered(StationRuntime from, StationRuntime to) throws InterruptedException {
        Station a = from.station();
        Station b = to.station();
        await("delivery to " + b.id(), () -> b.store().head(b.peerLog(a.id())).seq() >= a.store().head(a.ownLog(b.id())).seq());
    }

    private void exchange(StationRuntime jpRun, StationRuntime cnRun, PrintWriter out) throws InterruptedException {
        Station jp = jpRun.station();
        Station cn = cnRun.station();
        Instant now = macm.clock().instant();
        Catalog catalog = Catalog.builtIn();
        MessageContent.Template notice = catalog.message("encounter-notice", encounterFields(now));
        SignedEntry flash = jp.write(CN, new Body.Message(Precedence.FLASH, notice));
        say(out, jp, flash);
        delivered(jpRun, cnRun);
        out.println();
        out.println("  The signed entry carries the form and its typed fields; each station renders it for its reader.");
        out.println("  As cn-mnd's duty officer reads it (zh-Hans, Beijing time):");
        catalog.render(notice, Language.ZH_HANS).text().lines().forEach(l -> out.println("    | " + l));
        out.println("  As jp-mod's duty officer reads the same entry (ja, JST):");
        catalog.render(notice, Language.JA).text().lines().limit(4).forEach(l -> out.println("    | " + l));
        out.println("    | ...");
        out.println();
        say(out, cn, cn.acknowledge(JP, flash.seq(), "Lt Col Wang Hao", Optional.of("Read. Reply follows.")));
        SignedEntry reply = cn.write(JP, new Body.Message(Precedence.IMMEDIATE, new MessageContent.FreeText("zh-Hans",
                "我舰正在执行例行巡逻，航向090，航速12节，将保持安全距离并在16频道保持守听。")));
        say(out, cn, reply);
        delivered(cnRun, jpRun);
        say(out, jp, jp.acknowledge(CN, reply.seq(), "Cdr Sato Kenji", Optional.empty()));
        say(out, jp, jp.write(CN, new Body.LinkTest(now, false)));
        settled(jpRun, cnRun);
        out.println("  (each station writes its receipt in the commit that stores what it received, and sends it"
                + " once that commit is durable)");
    }

    /** A realistic notice: a JMSDF destroyer and a PLAN destroyer with its helicopter in the East China Sea. */
    private static ObjectNode encounterFields(Instant now) {
        ObjectNode f = JsonMapper.builder().build().createObjectNode();
        f.put("time", now.truncatedTo(ChronoUnit.MINUTES).toString());
        f.putObject("position").put("lat", 29.81).put("lon", 125.29);
        f.putArray("ownUnits").addObject().put("side", "jp").put("type", "escort-ship").put("name", "KIRISAME")
                .put("number", "104").put("mmsi", "431999104").put("callSign", "JSKS");
        var others = f.putArray("otherUnits");
        others.addObject().put("side", "cn").put("type", "destroyer").put("name", "NANCHANG").put("number", "101")
                .put("mmsi", "412000101");
        others.addObject().put("side", "cn").put("type", "helicopter").put("number", "68").put("icao", "7808A2");
        f.put("closestDistance", 1.8);
        f.put("ownActivity", "patrol");
        f.put("ownCourse", 215);
        f.put("ownSpeed", 16);
        f.putObject("remarks").put("lang", "ja").put("text", "貴方ヘリコプターは我が方護衛艦の右舷側を低高度で2回通過した。");
        return f;
    }

    /**
     * The other half of the mechanism: jp-mod's encounter watch replays the East China Sea
     * scenario, and the first encounter's draft goes to cn-mnd over the link as a real notice.
     */
    private void watchAndNotify(StationRuntime jpRun, StationRuntime cnRun, PrintWriter out) throws InterruptedException {
        Path scenario = dir.resolve("scenario");
        new ScenarioGenerator(20261129L).generate(scenario);
        out.println();
        out.println("Encounter watch at jp-mod: replaying the East China Sea scenario (" + scenario + "):");
        List<AlertEvent.Raised> raised = new java.util.ArrayList<>();
        EncounterWatch watch = EncounterWatch.builder(EncounterConfig.defaults(Parties.of("JP", "CN")))
                .units(scenario.resolve("units.toml")).zones(scenario.resolve("zones.geojson")).build(event -> {
                    if (!(event instanceof AlertEvent.Updated)) {
                        out.println("  " + AlertText.line(event));
                    }
                    if (event instanceof AlertEvent.Raised r) {
                        raised.add(r);
                    }
                });
        MergedReplay.ofFiles(List.of(scenario.resolve("ecs.aivdm"), scenario.resolve("ecs.sbs")), 0)
                .play(MergedReplay.Target.into(watch));
        Catalog catalog = Catalog.builtIn();
        EncounterNotices notices = new EncounterNotices(catalog);
        Optional<MessageContent.Template> notice = raised.stream().map(r -> notices.notice(r.draft(), "JP"))
                .flatMap(Optional::stream).findFirst();
        if (notice.isEmpty()) {
            return;
        }
        SignedEntry sent = jpRun.station().write(CN, new Body.Message(Precedence.IMMEDIATE, notice.get()));
        out.println();
        out.println("  jp-mod's duty officer sends the first alert's draft notice over the link:");
        say(out, jpRun.station(), sent);
        delivered(jpRun, cnRun);
        out.println("  cn-mnd reads it in Chinese:");
        catalog.render(notice.get(), Language.ZH_HANS).text().lines().limit(8).forEach(l -> out.println("    | " + l));
        out.println("    | ...");
    }

    private static void verify(StationRuntime jp, StationLayout jpLayout, StationLayout cnLayout, PrintWriter out) {
        Path exports = jpLayout.dir().getParent().resolve("exports");
        Path jpExport = exports.resolve(JP + ".jsonl");
        Path cnExport = exports.resolve(CN + ".jsonl");
        try {
            Files.createDirectories(exports);
        } catch (IOException e) {
            throw new StationException("cannot create " + exports + ": " + e.getMessage(), e);
        }
        ExportFile.write(jpExport, jp.station().store().read(jp.station().ownLog(CN), 1, Integer.MAX_VALUE));
        ExportFile.write(cnExport, jp.station().store().read(jp.station().peerLog(CN), 1, Integer.MAX_VALUE));
        out.println();
        out.println("Both logs, as held by " + JP + ", exported and verified with the two public identities:");
        KeyRing keys = new KeyRing().add(jpLayout.identity().toString()).add(cnLayout.identity().toString());
        ExportVerifier.Report report = ExportVerifier.verify(List.of(jpExport, cnExport), keys);
        report.lines().forEach(l -> out.println("  " + l));
        out.println("  Check it yourself: ./macm verify " + jpExport + " " + cnExport + " --key " + jpLayout.identity()
                + " --key " + cnLayout.identity());
        if (!report.verified()) {
            throw new StationException("demo: the exported logs did not verify (see above)");
        }
    }

    private static void say(PrintWriter out, Station who, SignedEntry e) {
        String what = switch (e.entry().body()) {
            case Body.Message m -> m.precedence() + " message: " + switch (m.content()) {
                case MessageContent.FreeText t -> "[" + t.lang() + ", free text] " + t.text();
                case MessageContent.Template t -> "form " + t.id() + " v" + t.version() + ": "
                        + Catalog.builtIn().render(t, Language.EN).title();
            };
            case Body.Receipt r -> "receipt: holds the peer's entries up to seq " + r.upTo().seq();
            case Body.Acknowledgement a -> "acknowledgement by " + a.officer() + " of message " + a.message().seq()
                    + a.remark().map(x -> " (\"" + x + "\")").orElse("");
            case Body.LinkTest t -> "link test";
        };
        out.printf("  %-6s seq %-3d %s%n", who.id(), e.seq(), what);
        out.flush();
    }
}
