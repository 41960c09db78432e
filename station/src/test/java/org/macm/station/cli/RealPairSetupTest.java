package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.StationId;
import org.macm.station.StationInit;
import org.macm.station.StationLayout;
import org.macm.station.config.ConfigFile;
import org.macm.station.config.StationConfig;

/** Setting up a real pair: addresses chosen at init, who dials, and the [[peers]] table to paste. */
class RealPairSetupTest {
    @TempDir
    Path tmp;

    private static List<Integer> ports(Path dir) {
        StationConfig c = new ConfigFile().read(dir.resolve("station.toml"));
        List<Integer> ports = new ArrayList<>(c.listen().stream().map(InetSocketAddress::getPort).toList());
        ports.add(c.api().getPort());
        return ports;
    }

    @Test
    void init_listenAndApiListen_areWrittenToStationToml_andPrinted() throws Exception {
        Path jp = tmp.resolve("jp");
        CliRun r = CliRun.run("init", "--station", "jp-mod", "--dir", jp.toString(), "--listen", "0.0.0.0:7701",
                "--listen", "[::1]:7702", "--api-listen", "127.0.0.1:7801");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String toml = Files.readString(jp.resolve("station.toml"));
        assertThat(toml).contains("listen = [\"0.0.0.0:7701\", \"[::1]:7702\"]").contains("listen = \"127.0.0.1:7801\"");
        assertThat(r.out()).contains("The link listens on 0.0.0.0:7701, [::1]:7702 (tell the peer's operator); see [link] "
                + "and [[peers]] in " + jp.resolve("station.toml"));
    }

    @Test
    void init_badListenAddress_isAUsageError() {
        CliRun r = CliRun.run("init", "--station", "jp-mod", "--dir", tmp.resolve("jp").toString(), "--listen", "7701");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("macm: Invalid value for option '--listen' (HOST:PORT): '7701' is not an address; write HOST:PORT, "
                + "e.g. 0.0.0.0:7701 or [::1]:7701 (see 'macm init --help')\n");
        assertThat(tmp.resolve("jp")).doesNotExist();
    }

    @Test
    void twoInitsOnOneHost_getFourDifferentFreePorts() {
        CliRun.init(tmp.resolve("jp-mod"), "jp-mod");
        CliRun.init(tmp.resolve("cn-mnd"), "cn-mnd");
        List<Integer> all = new ArrayList<>(ports(tmp.resolve("jp-mod")));
        all.addAll(ports(tmp.resolve("cn-mnd")));
        assertThat(all).hasSize(4).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isBetween(20000, 32767));
    }

    /** Two inits whose random sources are identical would pick the same ports; the second skips its neighbour's. */
    @Test
    void twoInitsWithTheSameRandomness_stillDoNotCollide_becauseNeighboursArePassedOver() throws Exception {
        for (String name : new String[] {"jp-mod", "cn-mnd"}) {
            SecureRandom same = SecureRandom.getInstance("SHA1PRNG");
            same.setSeed(9L);
            new StationInit(same, Clock.systemUTC()).create(new StationLayout(tmp.resolve(name)), StationId.of(name),
                    List.of(), Optional.empty());
        }
        HashSet<Integer> all = new HashSet<>(ports(tmp.resolve("jp-mod")));
        all.addAll(ports(tmp.resolve("cn-mnd")));
        assertThat(all).hasSize(4);
    }

    @Test
    void init_stationToml_saysWhoDials() throws Exception {
        Path jp = CliRun.init(tmp.resolve("jp"), "jp-mod");
        assertThat(Files.readString(jp.resolve("station.toml")))
                .contains("# Who dials: a station dials each peer that has a [[peers]] table here")
                .contains("# One side dialling is enough. If both dial, the link has paths both ways:")
                .contains("\"inbound from ...\", and the link is UP while any path is.");
    }

    @Test
    void peerAdd_printsThePeersTableToPaste_andTheConfigRefusesThePlaceholder() throws Exception {
        Path jp = CliRun.init(tmp.resolve("jp"), "jp-mod");
        Path cn = CliRun.init(tmp.resolve("cn"), "cn-mnd");
        CliRun add = CliRun.run("peer", "add", "--yes", "--dir", jp.toString(), cn.resolve("identity.toml").toString());
        assertThat(add.exitCode()).as(add.err()).isZero();
        String table = """
                [[peers]]
                station = "cn-mnd"
                # Replace HOST:PORT with the peer's [link] listen address; list one per path.
                endpoints = ["HOST:PORT"]
                """;
        assertThat(add.out()).endsWith("Pinned cn-mnd.\n\nIf this station is to dial cn-mnd (one side dialling is enough), "
                + "add to " + jp.resolve("station.toml") + ":\n\n" + table);
        Path config = jp.resolve("station.toml");
        Files.writeString(config, Files.readString(config) + "\n" + table);
        CliRun run = CliRun.run("run", "--dir", jp.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("macm: config file " + config + ": key 'peers[1].endpoints' still has the "
                + "placeholder HOST:PORT; put the peer's address there, e.g. 192.0.2.10:7701\n");
        Files.writeString(config, Files.readString(config).replace("HOST:PORT", "127.0.0.1:1"));
        CliRun again = CliRun.run("peer", "add", "--yes", "--dir", jp.toString(), cn.resolve("identity.toml").toString());
        assertThat(again.out()).endsWith("cn-mnd was already pinned with this identity.\n" + config + " already dials cn-mnd.\n");
    }

}
