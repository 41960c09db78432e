package org.macm.station.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.station.api.LinkTermsJson;
import org.macm.station.traffic.DutyTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code macm status}: links, paths, heads, heartbeats, link tests, deadlines, clock checks and escalations. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show links (UP / DEGRADED / DOWN), paths, heads, link tests and escalations.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StationDirOption dir;

    @Option(names = "--json", description = "Print JSON for machines.")
    private boolean json;

    /** The running station's console URL, which it writes to console.url when it starts. */
    private Optional<String> consoleUrl() {
        Path file = dir.layout().dir().resolve("console.url");
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Integer call() throws JsonProcessingException {
        ApiClient api = new ApiClient(dir.layout());
        JsonNode s = api.get("/api/v1/status");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(api.json().writerWithDefaultPrettyPrinter().writeValueAsString(s));
            return 0;
        }
        out.println("Station " + s.path("station").asText() + " at " + s.path("time").asText());
        consoleUrl().ifPresent(url -> out.println("console " + url + "   (log in with an officer account: macm officer add)"));
        Instant now = Instant.parse(s.path("time").asText());
        node(out, s.path("node"), now);
        JsonNode store = s.path("store");
        if (!store.path("ok").asBoolean(true)) {
            out.println("  STORE FAILING since " + store.path("since").asText() + ": " + store.path("error").asText());
        }
        for (JsonNode l : s.path("links")) {
            String peer = l.path("peer").asText();
            out.printf("  link to %-8s %s since %s%s%n", peer, l.path("state").asText(),
                    DutyTime.sinceToday(Instant.parse(l.path("since").asText()), now),
                    l.path("catalogMatches").asBoolean() ? "" : "   WARNING: template catalogs differ");
            out.printf("    our log: head %d, peer holds %d   their log: we hold %d%n", l.path("ownHead").path("seq").asLong(),
                    l.path("peerHoldsOurs").path("seq").asLong(), l.path("heldPeerHead").path("seq").asLong());
            if (l.hasNonNull("peerStopped")) {
                // Said apart from an outage: the peer stopped in order, so there is no fault to chase on our side.
                out.printf("    the peer stopped in order (SHUTDOWN) at %s; the link comes back when it does%n",
                        DutyTime.sinceToday(Instant.parse(l.path("peerStopped").asText()), now));
            }
            if (l.path("refusedClaims").asLong() > 0) {
                out.printf("    refused claims: %d path(s) refused because the peer claimed to hold our log beyond its head"
                        + " (HEAD_BEYOND_LOG; was either station restored from a backup?)%n", l.path("refusedClaims").asLong());
            }
            if (l.hasNonNull("fork")) {
                JsonNode fork = l.path("fork");
                out.printf("    FORK: the peer holds our seq %d with hash %s, ours is %s (seen %s): the two copies of our log"
                        + " differ (HEAD_MISMATCH); compare both stations' exports at that seq%n",
                        fork.path("claimed").path("seq").asLong(), shortHash(fork.path("claimed").path("hash").asText()),
                        shortHash(fork.path("ours").asText()),
                        DutyTime.sinceToday(Instant.parse(fork.path("seen").asText()), now));
            }
            if (l.path("paths").isEmpty() && l.path("endpoints").asInt() == 0) {
                out.printf("    no endpoints configured for %s: waiting for it to dial in%n", peer);
            }
            for (JsonNode p : l.path("paths")) {
                out.println(path(p, peer));
            }
            JsonNode t = l.path("linkTests");
            out.printf("    link tests: %d sent, %d answered, %d missed, last %s%n", t.path("sent").asInt(),
                    t.path("answered").asInt(), t.path("missed").asInt(), t.path("last").asText("never"));
            if (l.has("deadlines")) {
                LinkTermsJson.read(l.path("deadlines")).lines().forEach(line -> out.println("    " + line));
            }
            if (l.path("refusedEntries").asLong() > 0) {
                out.printf("    refused entries from the peer: %d (see the station log)%n", l.path("refusedEntries").asLong());
            }
            intake(out, l, peer);
        }
        for (JsonNode f : s.path("feeds")) {
            out.printf("  feed %s: %d lines, %d decoded, rejected %s%n", f.path("source").asText(), f.path("lines").asLong(),
                    f.path("decoded").asLong(), f.path("rejected").isEmpty() ? "none" : f.path("rejected").toString());
        }
        JsonNode esc = s.path("escalations");
        out.println(esc.isEmpty() ? "  no escalations" : "  ESCALATIONS (not acknowledged by the deadline):");
        for (JsonNode m : esc) {
            out.printf("    %-12s %-9s due %s  %s%n", m.path("id").asText(), m.path("precedence").asText(),
                    m.path("deadline").asText(), m.path("summary").asText());
        }
        return 0;
    }

    /**
     * On a node of an active/standby pair: its role, and who holds the lease at which epoch
     * until when (by the database's clock). A standby's status has nothing else to show.
     */
    private static void node(PrintWriter out, JsonNode node, Instant now) {
        if (!node.isObject()) {
            return;
        }
        String role = node.path("role").asText();
        out.printf("  node %s: %s%s%n", node.path("name").asText(), role.toUpperCase(Locale.ROOT),
                "standby".equals(role) ? " (read-only; it takes over when the lease is free)" : "");
        JsonNode lease = node.path("lease");
        if (lease.isObject()) {
            out.printf("    lease held by %s, epoch %d, until %s (renewed %s)%n", lease.path("holder").asText(),
                    lease.path("epoch").asLong(), DutyTime.sinceToday(Instant.parse(lease.path("expiresAt").asText()), now),
                    DutyTime.sinceToday(Instant.parse(lease.path("renewedAt").asText()), now));
        } else {
            out.println("    lease: not read yet (is the database reachable?)");
        }
    }

    /** The first twelve hex digits of a hash, as the link's own messages about a fork write it. */
    private static String shortHash(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    /** What intake found wrong with the peer's entries: each an alarm, since the evidence itself is at stake. */
    private static void intake(PrintWriter out, JsonNode l, String peer) {
        JsonNode held = l.path("held");
        if (held.isObject()) {
            out.printf("    ALARM: %s's log is held at seq %d: its entry %d was refused %s. Kept as evidence; %s's "
                    + "station must be fixed (this direction stays up)%n", peer, held.path("heldAt").asLong(),
                    held.path("heldAt").asLong() + 1, held.path("message").asText(), peer);
        }
        if (l.path("voidEntries").asLong() > 0) {
            out.printf("    ALARM: %d entries of %s break an agree rule and are void, last: %s%n",
                    l.path("voidEntries").asLong(), peer, l.path("lastVoid").path("message").asText());
        }
        if (l.path("equivocations").asLong() > 0) {
            JsonNode first = l.path("firstEquivocation");
            out.printf("    ALARM: %s signed two different entries at one seq: %d seen, the first at seq %d (%s); "
                    + "both versions kept as evidence%n", peer, l.path("equivocations").asLong(), first.path("seq").asLong(),
                    first.path("seen").asText());
        }
    }

    /**
     * One path: where it goes (or, inbound, where the peer dialled from), whether it is
     * connected, when it was last heard. Why it last closed is shown only while it is down: an
     * error from an earlier attempt beside "connected" would read as a fault now.
     */
    private static String path(JsonNode p, String peer) {
        boolean connected = p.path("connected").asBoolean();
        String name = p.path("name").asText();
        String where = p.path("inbound").asBoolean()
                ? "inbound from " + name.replaceFirst("^inbound from /?", "") + " (" + peer + " dialled in)"
                : name;
        return String.format(Locale.ROOT, "    path %-28s %-12s last heard %s%s", where,
                connected ? "connected" : "disconnected", p.path("lastHeard").asText("never"),
                !connected && p.has("lastError") ? "  (" + p.path("lastError").asText() + ")" : "");
    }
}
