package org.macm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy against a real echo server on loopback: each fault looks to the client as a real path fault does. */
@Timeout(30)
class FaultProxyTest {
    private ServerSocket echo;
    private Thread server;
    private FaultProxy proxy;

    @BeforeEach
    void startEchoServer() throws IOException {
        echo = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        server = Thread.ofVirtual().start(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException ignored) {
                            // The proxy reset the connection.
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
        proxy = FaultProxy.start("test", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        echo.close();
        server.join();
    }

    private Socket dial() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        s.setSoTimeout(2_000);
        return s;
    }

    private static int roundTrip(Socket s) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(42);
        out.flush();
        return s.getInputStream().read();
    }

    @Test
    void pass_echoes_thenCut_resetsTheOpenConnection_andHeal_letsANewOneThrough() throws Exception {
        try (Socket s = dial()) {
            assertThat(roundTrip(s)).isEqualTo(42);
            proxy.cut();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    roundTrip(s);
                }
            }).isInstanceOf(IOException.class);
        }
        proxy.heal();
        try (Socket s = dial()) {
            assertThat(roundTrip(s)).isEqualTo(42);
        }
    }

    @Test
    void blackhole_passesNothing_andKeepsTheConnectionOpen() throws Exception {
        try (Socket s = dial()) {
            proxy.blackhole();
            s.getOutputStream().write(42);
            InputStream in = s.getInputStream();
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void delay_holdsEveryChunkBack_inEachDirection() throws Exception {
        try (Socket s = dial()) {
            proxy.delay(Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThat(roundTrip(s)).isEqualTo(42);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }
}
