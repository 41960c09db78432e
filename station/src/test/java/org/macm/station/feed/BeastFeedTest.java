package org.macm.station.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.feed.FakeReadsb.concat;
import static org.macm.station.feed.ModeSExamples.EVEN;
import static org.macm.station.feed.ModeSExamples.IDENT;
import static org.macm.station.feed.ModeSExamples.ODD;
import static org.macm.station.feed.ModeSExamples.VELOCITY;
import static org.macm.testkit.Await.awaitValue;
import static org.macm.testkit.BeastRecords.frame;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.encounter.feed.FeedFormat;

/**
 * Beast feeds (readsb/dump1090 port 30005) over real loopback sockets and real files: every
 * complete frame reaches the watch as its AVR line, in order, across a dropped connection;
 * what is no frame is counted, never fatal.
 */
class BeastFeedTest {
    @TempDir
    Path tmp;

    /** A Mode A/C reply: readsb forwards them; the decoder counts them as unsupported. */
    private static final String MODE_AC = "1234";

    @Test
    @Timeout(30)
    void tcpClient_readsbDropsAndComesBack_everyCompleteFrameArrivesInOrder_andTheRestIsCounted() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (FakeReadsb readsb = new FakeReadsb();
                TcpClientSource source = new TcpClientSource(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        readsb.port()), Framing.BEAST, Duration.ofMillis(100), Duration.ofSeconds(1))) {
            source.start(got::add);
            byte[] cut = frame(EVEN, 3, 40);
            // Session 1: 5 bytes of noise before the first frame (a client joins mid-stream), a
            // timestamp holding 0x1A (sent doubled), and a frame cut by the drop.
            readsb.serveAndDrop(concat("hello".getBytes(StandardCharsets.US_ASCII),
                    frame(IDENT, 0x00001A2B3C4DL, 0x1A), frame(ODD, 2, 50), Arrays.copyOf(cut, 9)));
            awaitValue("session 1's frames", Duration.ofSeconds(20), () -> List.copyOf(got), l -> l.size() == 2);
            // Session 2: a frame cut short by the next frame's escape, then whole frames.
            byte[] shortened = Arrays.copyOf(frame(VELOCITY, 4, 60), 8);
            readsb.serveAndDrop(concat(frame(EVEN, 3, 40), shortened, frame(VELOCITY, 5, 61), frame(MODE_AC, 6, 7)));
            awaitValue("session 2's frames", Duration.ofSeconds(20), () -> List.copyOf(got), l -> l.size() == 5);
            assertThat(source.connections()).isEqualTo(2);
            assertThat(source.lines()).isEqualTo(5);
            FramingCounts.Snapshot dropped = source.dropped();
            assertThat(dropped.skippedBytes()).as("the noise before the first frame").isEqualTo(5);
            assertThat(dropped.brokenFrames()).as("the frame cut short by an escape, and the one cut by the drop").isEqualTo(2);
        }
        assertThat(got).containsExactly(
                "@00001A2B3C4D" + IDENT + ";",
                "@000000000002" + ODD + ";",
                "@000000000003" + EVEN + ";",
                "@000000000005" + VELOCITY + ";",
                "@000000000006" + MODE_AC + ";");
    }

    @Test
    @Timeout(30)
    void tcpServer_takesBeastPushedByTwoReceivers_eachConnectionFramedOnItsOwn() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (TcpServerSource source = new TcpServerSource(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Framing.BEAST)) {
            source.start(got::add);
            byte[] odd = frame(ODD, 7, 1);
            try (Socket a = new Socket(InetAddress.getLoopbackAddress(), source.port());
                    Socket b = new Socket(InetAddress.getLoopbackAddress(), source.port())) {
                // Receiver a's frame arrives in two pieces with b's whole frame in between.
                a.getOutputStream().write(Arrays.copyOf(odd, 10));
                a.getOutputStream().flush();
                b.getOutputStream().write(frame(IDENT, 8, 1));
                b.getOutputStream().flush();
                awaitValue("b's frame", Duration.ofSeconds(20), () -> List.copyOf(got), l -> l.size() == 1);
                a.getOutputStream().write(Arrays.copyOfRange(odd, 10, odd.length));
            }
            awaitValue("both frames", Duration.ofSeconds(20), () -> List.copyOf(got), l -> l.size() == 2);
            assertThat(source.dropped()).isEqualTo(FramingCounts.Snapshot.NONE);
        }
        assertThat(got).containsExactly("@000000000008" + IDENT + ";", "@000000000007" + ODD + ";");
    }

    @Test
    void beastLines_giveEveryFrameHoweverTheBytesAreCutIntoReads_andCountEveryByteOfNoise() throws Exception {
        Random random = new Random(13);
        for (int round = 0; round < 200; round++) {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            List<String> expected = new ArrayList<>();
            long noise = 0;
            for (int i = 0; i < 20; i++) {
                byte[] frame = new byte[random.nextBoolean() ? 14 : 7];
                random.nextBytes(frame);
                frame[random.nextInt(frame.length)] = 0x1A;
                long timestamp = random.nextLong() >>> 16;
                String hex = HexFormat.of().withUpperCase().formatHex(frame);
                stream.writeBytes(frame(hex, timestamp, random.nextInt(256)));
                expected.add(String.format(Locale.ROOT, "@%012X%s;", timestamp, hex));
                int junk = random.nextInt(4);
                for (int j = 0; j < junk; j++) {
                    stream.write(0x20 + random.nextInt(0x60));
                }
                noise += junk;
            }
            FramingCounts counts = new FramingCounts();
            LineStream lines = Framing.BEAST.open(new ChoppedStream(stream.toByteArray(), random), counts);
            List<String> got = new ArrayList<>();
            for (String line; (line = lines.next()) != null; ) {
                got.add(line);
            }
            assertThat(got).as("round %d", round).isEqualTo(expected);
            assertThat(counts.snapshot()).as("round %d", round).isEqualTo(new FramingCounts.Snapshot(0, noise));
        }
    }

    /** Bytes handed out 1 to 40 at a time, as TCP segments arrive. */
    private static final class ChoppedStream extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int pos;

        ChoppedStream(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(40)), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void sniff_tellsBeastFromAvrByTheEscapeByte_andLeavesTheStreamWhereItWas() throws Exception {
        byte[] beast = frame(IDENT, 1, 1);
        byte[] avr = ("*" + IDENT + ";\n").getBytes(StandardCharsets.US_ASCII);
        try (BufferedInputStream b = new BufferedInputStream(new ByteArrayInputStream(beast));
                BufferedInputStream a = new BufferedInputStream(new ByteArrayInputStream(avr))) {
            assertThat(Framing.sniff(b)).isEqualTo(Framing.BEAST);
            assertThat(b.readAllBytes()).isEqualTo(beast);
            assertThat(Framing.sniff(a)).isEqualTo(Framing.TEXT);
            assertThat(a.readAllBytes()).isEqualTo(avr);
        }
    }
}
