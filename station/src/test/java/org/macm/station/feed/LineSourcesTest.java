package org.macm.station.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.testkit.Await.awaitValue;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Feeds over real loopback sockets and real files. */
class LineSourcesTest {
    @TempDir
    Path tmp;

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static void serveOnce(ServerSocket server, String text) throws Exception {
        try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    @Timeout(30)
    void tcpClient_reconnectsAfterTheFeedDrops_andLosesNoLineOfEitherSession() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        int port;
        try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK)) {
            port = server.getLocalPort();
            try (TcpClientSource source = new TcpClientSource(new InetSocketAddress(LOOPBACK, port))) {
                source.start(got::add);
                serveOnce(server, "!AIVDM,one\r\n!AIVDM,two\n");
                awaitValue("2 lines", Duration.ofSeconds(20), () -> List.copyOf(got), l -> l.size() == 2);
                serveOnce(server, "!AIVDM,three\n!AIVDM,four\nlast without newline");
                awaitValue("5 lines", Duration.ofSeconds(20), () -> List.copyOf(got), l -> l.size() == 5);
                assertThat(source.connections()).isEqualTo(2);
            }
        }
        assertThat(got).containsExactly("!AIVDM,one", "!AIVDM,two", "!AIVDM,three", "!AIVDM,four", "last without newline");
    }

    @Test
    @Timeout(30)
    void tcpServer_takesLinesFromSeveralFeedersAtOnce() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (TcpServerSource source = new TcpServerSource(new InetSocketAddress(LOOPBACK, 0))) {
            source.start(got::add);
            try (Socket a = new Socket(LOOPBACK, source.port()); Socket b = new Socket(LOOPBACK, source.port())) {
                a.getOutputStream().write("a1\na2\n".getBytes(StandardCharsets.US_ASCII));
                b.getOutputStream().write("b1\n".getBytes(StandardCharsets.US_ASCII));
            }
            awaitValue("3 lines", Duration.ofSeconds(20), () -> List.copyOf(got), l -> l.size() == 3);
        }
        assertThat(got).containsExactlyInAnyOrder("a1", "a2", "b1");
    }

    @Test
    @Timeout(30)
    void udp_splitsADatagramIntoItsLines() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (UdpSource source = new UdpSource(new InetSocketAddress(LOOPBACK, 0)); DatagramSocket out = new DatagramSocket()) {
            source.start(got::add);
            byte[] d = "!AIVDM,1\r\n!AIVDM,2\r\n!AIVDM,3".getBytes(StandardCharsets.US_ASCII);
            out.send(new DatagramPacket(d, d.length, LOOPBACK, source.port()));
            awaitValue("3 lines", Duration.ofSeconds(20), () -> List.copyOf(got), l -> l.size() == 3);
        }
        assertThat(got).containsExactly("!AIVDM,1", "!AIVDM,2", "!AIVDM,3");
    }

    @Test
    @Timeout(30)
    void replay_atRecordedPaceTimesTen_takesATenthOfTheRecordedTime() throws Exception {
        Path file = tmp.resolve("feed.jsonl");
        // Three reports recorded one second apart: at x10 the replay takes about 0.2 s, not 2 s.
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            b.append("{\"id\":\"431999001\",\"side\":\"JP\",\"kind\":\"vessel\",\"time\":\"2026-11-29T03:00:0")
                    .append(i).append("Z\",\"lat\":29.8,\"lon\":125.3,\"course\":90,\"speed\":10}\n");
        }
        Files.writeString(file, b);
        List<Instant> got = new CopyOnWriteArrayList<>();
        List<Instant> ticks = new CopyOnWriteArrayList<>();
        MergedReplay replay = MergedReplay.ofFiles(List.of(file), 10.0);
        long start = System.nanoTime();
        replay.start(new MergedReplay.Target() {
            @Override
            public void accept(org.macm.encounter.track.TrackEvent event) {
                got.add(event.time());
            }

            @Override
            public void tick(Instant now) {
                ticks.add(now);
            }
        }).await();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(replay.parts().get(0).reader().stats().snapshot().rejectedTotal()).as("the JSON lines decode").isZero();
        assertThat(got).containsExactly(Instant.parse("2026-11-29T03:00:00Z"), Instant.parse("2026-11-29T03:00:01Z"),
                Instant.parse("2026-11-29T03:00:02Z"));
        assertThat(ticks).as("a tick on each recorded second, before the report of that second")
                .containsExactly(Instant.parse("2026-11-29T03:00:01Z"), Instant.parse("2026-11-29T03:00:02Z"),
                        Instant.parse("2026-11-29T03:00:03Z"));
        assertThat(millis).isBetween(180L, 2_000L);
    }

    @Test
    void lineReader_cutsOverlongLines_andReadsAnyByte() throws Exception {
        byte[] input = new byte[LineSource.MAX_LINE * 3 + 2];
        java.util.Arrays.fill(input, (byte) 'x');
        input[input.length - 2] = (byte) 0xFF;
        input[input.length - 1] = '\n';
        LineReader r = new LineReader(new java.io.ByteArrayInputStream(input));
        String line = r.next();
        assertThat(line).hasSize(LineSource.MAX_LINE);
        assertThat(r.next()).isNull();
    }
}
