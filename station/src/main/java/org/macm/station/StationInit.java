package org.macm.station;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.StationId;
import org.macm.station.config.ConfigSpec;
import org.macm.station.config.HostPort;
import org.macm.station.config.StationConfigWriter;
import org.macm.station.identity.Identity;
import org.macm.station.identity.KeyFiles;
import org.macm.station.identity.TlsIdentity;

/**
 * Creates a new station folder: keys, certificate, config and public identity. It refuses
 * to touch a folder that already holds an identity, because a station that silently got
 * new keys would no longer be the one its peer pinned.
 */
public final class StationInit {
    /** Where {@link #freePorts} draws from. */
    static final List<Integer> PORTS = List.of(20000, 32767);
    private static final Pattern PORT_IN_CONFIG = Pattern.compile(":(\\d{1,5})\"");

    private final SecureRandom random;
    private final Clock clock;

    public StationInit(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Creates the station with its link and API on free loopback ports (see {@link #freePorts}). */
    public Identity create(StationLayout layout, StationId station) {
        return create(layout, station, List.of(), Optional.empty());
    }

    /**
     * Creates the station; the link listens on {@code listen} (a free loopback port when
     * empty) and the local API on {@code api} (likewise).
     */
    public Identity create(StationLayout layout, StationId station, List<HostPort> listen, Optional<HostPort> api) {
        for (Path existing : new Path[] {layout.config(), layout.identity(), layout.signingKey(), layout.tlsKey()}) {
            if (Files.exists(existing)) {
                throw new StationException(layout.dir() + " already holds a station (found " + existing
                        + "); refusing to overwrite its identity. Use another --dir, or delete the folder "
                        + "if you really mean to start a new station");
            }
        }
        try {
            Files.createDirectories(layout.dir());
            if (!Files.isDirectory(layout.keys())) {
                Files.createDirectory(layout.keys(),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createDirectories(layout.peers());
            Files.createDirectories(layout.defaultStore().getParent());
        } catch (IOException e) {
            throw new StationException(FileProblem.cannotCreateFolder("station folder", layout.dir(), e), e);
        }
        SigningKey signingKey = SigningKey.generate(random);
        TlsIdentity tls = TlsIdentity.generate(station, random, clock.instant());
        KeyFiles.writeSigningKey(layout.signingKey(), signingKey);
        tls.write(layout.tlsKey(), layout.tlsCertificate());
        Iterator<Integer> free = freePorts((listen.isEmpty() ? 1 : 0) + (api.isEmpty() ? 1 : 0),
                portsOfNeighbours(layout)).iterator();
        List<InetSocketAddress> link = listen.isEmpty() ? List.of(ConfigSpec.loopback(free.next()))
                : listen.stream().map(StationInit::unresolved).toList();
        InetSocketAddress local = api.map(StationInit::unresolved).orElseGet(() -> ConfigSpec.loopback(free.next()));
        StationConfigWriter.create(ConfigSpec.initial(station).withListen(link).withApi(Optional.of(local)),
                layout.config());
        Identity identity = new Identity(station, signingKey.verifyingKey(), tls.certificate());
        identity.write(layout.identity());
        return identity;
    }

    /** As written, without a name lookup: the host may only resolve on the station's own network. */
    private static InetSocketAddress unresolved(HostPort a) {
        return InetSocketAddress.createUnresolved(a.host(), a.port());
    }

    /**
     * {@code count} different ports that nothing listens on now and no station folder beside
     * this one names, drawn at random from {@link #PORTS} (below Linux's ephemeral range, so an
     * outgoing connection will not be holding one when the station starts). Two stations made
     * on one host thus get different ports, whether the first is running or not.
     */
    List<Integer> freePorts(int count, Set<Integer> taken) {
        List<Integer> ports = new ArrayList<>();
        for (int tries = 0; ports.size() < count; tries++) {
            if (tries > 1000) {
                throw new StationException("cannot find a free port for the station between " + PORTS.getFirst()
                        + " and " + PORTS.getLast() + "; give them with --listen HOST:PORT and --api-listen HOST:PORT");
            }
            int port = PORTS.getFirst() + random.nextInt(PORTS.getLast() - PORTS.getFirst() + 1);
            if (!ports.contains(port) && !taken.contains(port) && free(port)) {
                ports.add(port);
            }
        }
        return ports;
    }

    /** The ports written in the station.toml of the folders beside this one (e.g. jp/ and cn/ on one host). */
    private static Set<Integer> portsOfNeighbours(StationLayout layout) {
        Set<Integer> ports = new HashSet<>();
        Path parent = layout.dir().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return ports;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, Files::isDirectory)) {
            for (Path folder : folders) {
                Path config = new StationLayout(folder).config();
                if (Files.isRegularFile(config)) {
                    Matcher m = PORT_IN_CONFIG.matcher(Files.readString(config, StandardCharsets.UTF_8));
                    while (m.find()) {
                        ports.add(Integer.parseInt(m.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            // Only a hint for choosing ports: an unreadable neighbour is checked when it runs.
            return ports;
        }
        return ports;
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}
