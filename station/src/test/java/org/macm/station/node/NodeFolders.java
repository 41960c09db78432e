package org.macm.station.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.macm.station.StationLayout;
import org.macm.station.StationPair;
import org.macm.station.config.StationConfigWriter;
import org.macm.testkit.PostgresCluster;

/**
 * Folders for the nodes of cn-mnd on one PostgreSQL, set up as an operator does it: the
 * station folder copied (same keys, same pinned peers) to one folder per node, each with its
 * own link port and any free API and console port, and a {@code [store]} table naming the
 * database, the node and the lease; the password in {@code keys/store.password} (0600).
 * Public for the failover tests, which run the same pairs under load.
 */
public final class NodeFolders {
    private static final Set<String> NOT_COPIED = Set.of("store", "api.url", "console.url", "station.toml");

    private NodeFolders() {
    }

    /**
     * cn-mnd's folder of {@code pair} copied to {@code root/NAME} as node {@code name}, its link
     * on {@code listen}, its store the database {@code url} (role {@code macm}, password
     * {@code password}), the lease {@code lease}.
     */
    public static StationLayout node(StationPair pair, Path root, String name, String url, String password, Duration lease,
            InetSocketAddress listen) {
        Path from = pair.cn().dir();
        Path to = root.resolve(name);
        copy(from, to);
        String toml = StationConfigWriter.render(pair.listening(StationPair.CN, List.of(listen)))
                .replaceFirst("(?m)^store = .*$", "");
        toml += "\n[console]\nlisten = \"127.0.0.1:0\"\n"
                + "\n[store]\nurl = \"" + url.replace("postgresql://", "postgresql://" + PostgresCluster.USER + "@")
                + "\"\nnode = \"" + name + "\"\nlease = \"" + lease.toMillis() + "ms\"\n";
        try {
            Files.writeString(to.resolve("station.toml"), toml, StandardCharsets.UTF_8);
            Path pw = to.resolve("keys/store.password");
            Files.writeString(pw, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StationLayout(to);
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path rel = from.relativize(f);
                if (rel.getNameCount() > 0 && NOT_COPIED.contains(rel.getName(0).toString())) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** How long to wait for anything a node does: generous, since 2 cores run several JVMs. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);
}
