package org.macm.station.failover;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.chaos.StationProcess;
import org.macm.station.config.ConfigSpec;
import org.macm.station.config.StationConfigWriter;

/**
 * The two nodes of cn-mnd, each a {@code macm run} child process on a folder of its own: node
 * {@code cn-a} on the pair's cn-mnd folder, node {@code cn-b} on a copy of it (same identity,
 * keys and pinned peers), each listening on its own link port, both on one PostgreSQL database
 * through a {@code [store]} table and the password file {@code keys/store.password} (mode 0600;
 * the password is never in station.toml or a process argument).
 *
 * <p>Which node is active is read from each node's own status ({@code role}), never assumed.
 */
final class CnNodes implements AutoCloseable {
    /** Where the password file sits by default, relative to the station folder. */
    static final String PASSWORD_FILE = "keys/store.password";

    private final List<Node> nodes;

    /** One node: its name in the lease ({@code [store] node}) and its process. */
    record Node(String name, int linkPort, StationProcess process) {
        @Override
        public String toString() {
            return name;
        }
    }

    private CnNodes(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Writes both nodes' folders: {@code stations.cn()} becomes node cn-a, listening on
     * {@code ports.get(0)}; a copy next to it ({@code ROOT/node-b/cn-mnd}) becomes cn-b on
     * {@code ports.get(1)}. Each node's output goes next to its folder.
     */
    static CnNodes write(StationPair stations, List<Integer> ports, StoreUrl store, Duration lease, String classPath) {
        StationLayout a = stations.cn();
        StationLayout b = new StationLayout(a.dir().getParent().resolve("node-b").resolve(a.dir().getFileName()));
        copyTree(a.dir(), b.dir());
        writeNode(stations, a, ports.get(0), store, "cn-a", lease);
        writeNode(stations, b, ports.get(1), store, "cn-b", lease);
        return new CnNodes(List.of(new Node("cn-a", ports.get(0), new StationProcess(StationPair.CN, a, classPath)),
                new Node("cn-b", ports.get(1), new StationProcess(StationPair.CN, b, classPath))));
    }

    private static void writeNode(StationPair stations, StationLayout layout, int port, StoreUrl store, String node,
            Duration lease) {
        ConfigSpec spec = stations.listening(StationPair.CN, StationPair.loopback(port));
        String text = StationConfigWriter.render(spec);
        // The SQLite key goes; the store is the [store] table (docs/CONFIG.md "Store").
        String withoutFile = text.replaceFirst("(?m)^store = .*\\n", "");
        if (withoutFile.equals(text)) {
            throw new AssertionError("no 'store = ...' line in the rendered station.toml:\n" + text);
        }
        String table = """

                [store]
                url = "%s"
                password-file = "%s"
                node = "%s"
                lease = "%ds"
                """.formatted(store.url(), PASSWORD_FILE, node, lease.toSeconds());
        try {
            Files.writeString(layout.config(), withoutFile + table, StandardCharsets.UTF_8);
            Path password = layout.dir().resolve(PASSWORD_FILE);
            Files.deleteIfExists(password);
            Files.createFile(password,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(password, store.password() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write node " + node + "'s folder " + layout.dir(), e);
        }
    }

    List<Node> all() {
        return nodes;
    }

    Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name));
    }

    Node other(Node n) {
        return nodes.get(0).equals(n) ? nodes.get(1) : nodes.get(0);
    }

    /** The node's role as its own status says ("active", "standby"), or empty while it does not answer. */
    static Optional<String> role(Node n) throws InterruptedException {
        if (!n.process().alive()) {
            return Optional.empty();
        }
        return n.process().http().status().map(CnNodes::role);
    }

    /** The role in a status document ({@code node.role}; "active" when the station is not a pair). */
    static String role(JsonNode status) {
        JsonNode node = status.path("node");
        return node.path("role").asText(status.path("role").asText(""));
    }

    /**
     * The lease epoch node {@code n} says it holds: present only while it says it is active and
     * the lease it last read names it ({@code node.lease.holder} is its {@code node.name}).
     */
    static Optional<Long> heldEpoch(Node n) throws InterruptedException {
        if (!n.process().alive()) {
            return Optional.empty();
        }
        return n.process().http().status().map(s -> s.path("node"))
                .filter(node -> node.path("role").asText().equals("active")
                && node.path("lease").path("holder").asText().equals(node.path("name").asText())
                && node.path("lease").has("epoch")).map(node -> node.path("lease").path("epoch").asLong());
    }

    /** What each node's status says about it ({@code node} of the status), for the run's log. */
    String describe() throws InterruptedException {
        StringBuilder s = new StringBuilder();
        for (Node n : nodes) {
            s.append(n).append(": ").append(n.process().alive()
                    ? n.process().http().status().map(st -> st.path("node").toString()).orElse("no answer")
                    : "not running").append("; ");
        }
        return s.toString();
    }

    /** The one node that says it is active, if exactly one does. */
    Optional<Node> active() throws InterruptedException {
        List<Node> active = new java.util.ArrayList<>();
        for (Node n : nodes) {
            if (role(n).filter("active"::equals).isPresent()) {
                active.add(n);
            }
        }
        return active.size() == 1 ? Optional.of(active.get(0)) : Optional.empty();
    }

    /** Waits until {@code n} says it has {@code role}; fails if it died or {@code limit} passed. */
    static Duration awaitRole(Node n, String role, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        Optional<String> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            if (!n.process().alive()) {
                throw new AssertionError("node " + n + " exited while waiting for it to be " + role + "; see "
                        + n.process().outputFiles());
            }
            last = role(n);
            if (last.filter(role::equals).isPresent()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("node " + n + " was not " + role + " within " + limit + " (last said: "
                + last.orElse("nothing") + "); see " + n.process().outputFiles());
    }

    @Override
    public void close() {
        nodes.forEach(n -> n.process().close());
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the station folder " + from + " to " + to, e);
        }
    }
}
