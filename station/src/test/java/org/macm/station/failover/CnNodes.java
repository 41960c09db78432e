package org.macm.station.failover;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.chaos.StationProcess;
import org.macm.station.config.ConfigSpec;
import org.macm.station.node.NodeFolders;
import org.macm.station.node.NodeHttp;

/**
 * The two nodes of cn-mnd, each a {@code macm run} child process on a folder of its own, set
 * up by {@link NodeFolders} as an operator does it: the pair's cn-mnd folder copied (same
 * identity, keys and pinned peers), its own link port, one PostgreSQL database through a
 * {@code [store]} table, the password in {@code keys/store.password} (mode 0600; never in
 * station.toml or a process argument).
 *
 * <p>The pair's own cn-mnd folder is never run: it is pointed at the same database (node
 * cn-a's station.toml and password file) so that the final checks ({@code FinalChecks},
 * {@code macm export}) read cn-mnd's logs from it once every node has stopped, as an auditor
 * would. Which node is active is read from each node's own status ({@code node.role}), never
 * assumed.
 */
final class CnNodes implements AutoCloseable {
    private static final String PASSWORD_FILE = "keys/store.password";

    private final List<Node> nodes;

    /**
     * One node: its name in the lease ({@code [store] node}), its link port, its process and
     * its API client ({@link NodeHttp}: short timeouts, so that a poll that meets a standby's
     * listener as it closes for the takeover does not hang and add its wait to a measured
     * takeover).
     */
    record Node(String name, int linkPort, StationProcess process, NodeHttp http) {
        @Override
        public String toString() {
            return name;
        }
    }

    private CnNodes(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Writes node cn-a's folder ({@code ROOT/node-a/cn-a}, link on {@code ports.get(0)}) and
     * cn-b's ({@code ROOT/node-b/cn-b}, on {@code ports.get(1)}), ROOT being the pair's folder;
     * each node's output goes next to its folder. Points the pair's cn-mnd folder at the database.
     */
    static CnNodes write(StationPair stations, List<Integer> ports, StoreUrl store, Duration lease, String classPath) {
        Path root = stations.cn().dir().getParent();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String name = i == 0 ? "cn-a" : "cn-b";
            StationLayout layout = NodeFolders.node(stations, root.resolve("node-" + name.substring(3)), name,
                    store.url(), store.password(), lease, ConfigSpec.loopback(ports.get(i)));
            nodes.add(new Node(name, ports.get(i), new StationProcess(StationPair.CN, layout, classPath),
                    new NodeHttp(layout)));
        }
        StationLayout a = nodes.get(0).process().layout();
        try {
            Files.copy(a.config(), stations.cn().config(), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(a.dir().resolve(PASSWORD_FILE), stations.cn().dir().resolve(PASSWORD_FILE),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot point " + stations.cn().dir() + " at the database", e);
        }
        return new CnNodes(nodes);
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

    /** The node's own status, or empty while it does not answer (down, starting, between roles). */
    static Optional<JsonNode> status(Node n) {
        // api.url is replaced by a rename (run/UrlFile), so it is never read half-written.
        return n.http().get("/api/v1/status").filter(a -> a.status() == 200).map(NodeHttp.Answer::json);
    }

    /** The node's role as its own status says ("active", "standby"), or empty while it does not answer. */
    static Optional<String> role(Node n) throws InterruptedException {
        if (!n.process().alive()) {
            return Optional.empty();
        }
        return status(n).map(CnNodes::role);
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
        return status(n).map(s -> s.path("node"))
                .filter(node -> node.path("role").asText().equals("active")
                && node.path("lease").path("holder").asText().equals(node.path("name").asText())
                && node.path("lease").has("epoch")).map(node -> node.path("lease").path("epoch").asLong());
    }

    /** What each node's status says about it ({@code node} of the status), for the run's log. */
    String describe() throws InterruptedException {
        StringBuilder s = new StringBuilder();
        for (Node n : nodes) {
            s.append(n).append(": ").append(n.process().alive()
                    ? status(n).map(st -> st.path("node").toString()).orElse("no answer")
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

    /** Waits until one node says it is active and the other that it is standby; returns the active one. */
    Node awaitOneActive(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Node> active = active();
            if (active.isPresent() && role(other(active.get())).filter("standby"::equals).isPresent()) {
                return active.get();
            }
            for (Node n : nodes) {
                if (!n.process().alive()) {
                    throw new AssertionError("node " + n + " exited while starting; see " + n.process().outputFiles());
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not one node active and one standby within " + limit + ": " + describe());
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
}
