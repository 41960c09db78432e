package org.macm.station.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.core.log.Body;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.StationInit;
import org.macm.station.StationLayout;
import org.macm.station.export.ExportFile;
import org.macm.station.export.ExportVerifier;
import org.macm.station.export.KeyRing;
import org.macm.station.identity.Identity;
import org.macm.station.identity.PeerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code macm demo}: two stations, jp-mod and cn-mnd, in one working folder, pinned to each
 * other; a short realistic exchange (an encounter notice, its receipt and acknowledgement, a
 * reply in Chinese, a link test); then both logs exported and verified together. Re-running
 * reuses the folder and adds another exchange to the same logs.
 *
 * <p>Until the network link lands, the two stations hand each other entries in process; each
 * still checks every entry against the other's pinned key before storing it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run two stations (jp-mod, cn-mnd) on this machine through a short exchange, then verify their logs.")
final class DemoCommand implements Callable<Integer> {
    static final StationId JP = StationId.of("jp-mod");
    static final StationId CN = StationId.of("cn-mnd");

    @ParentCommand
    private Macm macm;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", defaultValue = "macm-demo",
            description = "Working folder for the two stations (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StationLayout jpLayout = new StationLayout(dir.resolve(JP.value()));
        StationLayout cnLayout = new StationLayout(dir.resolve(CN.value()));
        Identity jpId = ensureStation(jpLayout, JP, out);
        Identity cnId = ensureStation(cnLayout, CN, out);
        new PeerRegistry(jpLayout).pin(jpId, cnId);
        new PeerRegistry(cnLayout).pin(cnId, jpId);
        out.println("Stations pinned to each other:");
        out.println("  " + JP + "  " + jpId.fingerprint());
        out.println("  " + CN + "  " + cnId.fingerprint());
        out.println();

        Path jpExport = dir.resolve("exports").resolve(JP + ".jsonl").toAbsolutePath();
        Path cnExport = dir.resolve("exports").resolve(CN + ".jsonl").toAbsolutePath();
        try (Station jp = Station.open(jpLayout, macm.clock()); Station cn = Station.open(cnLayout, macm.clock())) {
            exchange(jp, cn, out);
            Files.createDirectories(jpExport.getParent());
            ExportFile.write(jpExport, jp.store().read(jp.ownLog(CN), 1, Integer.MAX_VALUE));
            ExportFile.write(cnExport, jp.store().read(jp.peerLog(CN), 1, Integer.MAX_VALUE));
        } catch (java.io.IOException e) {
            throw new org.macm.station.StationException("cannot write exports in " + dir + ": " + e.getMessage(), e);
        }

        out.println();
        out.println("Both logs, as held by " + JP + ", exported and verified with the two public identities:");
        KeyRing keys = new KeyRing().add(jpLayout.identity().toString()).add(cnLayout.identity().toString());
        ExportVerifier.Report report = ExportVerifier.verify(List.of(jpExport, cnExport), keys);
        report.lines().forEach(l -> out.println("  " + l));
        out.println();
        out.println("Try it yourself:");
        out.println("  macm verify " + jpExport + " " + cnExport + " \\");
        out.println("      --key " + jpLayout.identity() + " --key " + cnLayout.identity());
        out.println("  (flip one character in an export line and run it again: verify names the entry)");
        out.println("  macm peer list --dir " + jpLayout.dir());
        out.println("Run 'macm demo' again to add another exchange to the same logs.");
        return report.verified() ? 0 : 1;
    }

    private Identity ensureStation(StationLayout layout, StationId id, PrintWriter out) {
        if (Files.exists(layout.config())) {
            return PeerCommand.self(layout);
        }
        Identity created = new StationInit(macm.random(), macm.clock()).create(layout, id);
        out.println("Created station " + id + " in " + layout.dir());
        return created;
    }

    private void exchange(Station jp, Station cn, PrintWriter out) {
        Instant now = macm.clock().instant();
        say(out, jp, jp.write(CN, new Body.Message(Precedence.FLASH, new MessageContent.FreeText("en",
                "Unplanned encounter: JS Suzutsuki (DD-117) and a PLAN Type 052D destroyer, 29°42.0'N 125°12.0'E, "
                        + "predicted CPA 1.8 nm in 14 minutes. Request your intentions."))));
        deliver(jp, cn, out);
        SignedEntry jpFlash = cn.store().read(cn.peerLog(JP), 1, Integer.MAX_VALUE).stream()
                .filter(e -> e.entry().body() instanceof Body.Message).reduce((a, b) -> b).orElseThrow();
        say(out, cn, cn.acknowledge(JP, jpFlash.seq(), "Lt Col Wang Hao", Optional.of("Read. Reply follows.")));
        say(out, cn, cn.write(JP, new Body.Message(Precedence.IMMEDIATE, new MessageContent.FreeText("zh-Hans",
                "我舰正在执行例行巡逻，航向090，航速12节，将保持安全距离并在16频道保持守听。"))));
        deliver(cn, jp, out);
        SignedEntry cnReply = jp.store().read(jp.peerLog(CN), 1, Integer.MAX_VALUE).stream()
                .filter(e -> e.entry().body() instanceof Body.Message).reduce((a, b) -> b).orElseThrow();
        say(out, jp, jp.acknowledge(CN, cnReply.seq(), "Cdr Sato Kenji", Optional.empty()));
        say(out, jp, jp.write(CN, new Body.LinkTest(now, false)));
        deliver(jp, cn, out);
        deliver(cn, jp, out);
    }

    /** Hands {@code to} what it lacks of {@code from}'s log, then has it write a receipt. */
    private static void deliver(Station from, Station to, PrintWriter out) {
        long held = to.store().head(to.peerLog(from.id())).seq();
        List<SignedEntry> missing = from.store().read(from.ownLog(to.id()), held + 1, Integer.MAX_VALUE);
        to.receive(from.id(), missing);
        to.receipt(from.id()).ifPresent(r -> say(out, to, r));
    }

    private static void say(PrintWriter out, Station who, SignedEntry e) {
        String what = switch (e.entry().body()) {
            case Body.Message m -> m.precedence() + " message: " + switch (m.content()) {
                case MessageContent.FreeText t -> "[" + t.lang() + "] " + t.text();
                case MessageContent.Template t -> "template " + t.id() + " v" + t.version();
            };
            case Body.Receipt r -> "receipt: holds the peer's entries up to seq " + r.upTo().seq();
            case Body.Acknowledgement a -> "acknowledgement by " + a.officer() + " of message " + a.message().seq()
                    + a.remark().map(x -> " (\"" + x + "\")").orElse("");
            case Body.LinkTest t -> "link test";
        };
        out.printf("  %-6s seq %-3d %s%n", who.id(), e.seq(), what);
    }
}
