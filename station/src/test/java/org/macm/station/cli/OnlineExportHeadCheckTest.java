package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.EntryHash;

/**
 * The online export (through a running station's API) is written only when its last line is
 * the head the station announced before sending (X-Macm-Head, the hash of the last entry): an
 * answer whose last entry is another one is refused and nothing is written. The station here
 * is a stand-in on real HTTP that answers as a damaged or cut station would; a real station's
 * answer is checked the same way in OnlineExportTest.
 */
class OnlineExportHeadCheckTest {
    private static final String TOKEN = "test-token-0123456789";
    private static final byte[] FIRST = "{\"v\":1,\"first\":true}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LAST = "{\"v\":1,\"last\":true}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private Path jp;
    private HttpServer station;
    private volatile String announcedHead;

    @BeforeEach
    void aStationAnsweringExports() throws IOException {
        jp = CliRun.init(tmp.resolve("jp"), "jp-mod");
        station = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        station.createContext("/api/v1/exports/", exchange -> {
            byte[] body = (line(FIRST) + line(LAST)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/jsonl");
            exchange.getResponseHeaders().add("X-Macm-Entries", "2");
            exchange.getResponseHeaders().add("X-Macm-Head", announcedHead);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        station.start();
        Files.writeString(jp.resolve("api.url"), "http://127.0.0.1:" + station.getAddress().getPort() + "/\n");
        Files.writeString(jp.resolve("api.token"), TOKEN + "\n");
    }

    @AfterEach
    void stop() {
        station.stop(0);
    }

    private static String line(byte[] entry) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "{\"entry\":\"" + b64.encodeToString(entry) + "\",\"signature\":\"" + b64.encodeToString(new byte[64]) + "\"}\n";
    }

    private CliRun export(Path out) {
        return CliRun.run("export", "--dir", jp.toString(), "--link", "cn-mnd", "--out", out.toString());
    }

    @Test
    void anAnswerEndingAtTheAnnouncedHead_isWritten() {
        announcedHead = EntryHash.of(LAST).hex();
        Path out = tmp.resolve("jp-own.jsonl");
        CliRun r = export(out);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out).exists();
    }

    @Test
    void anAnswerWhoseLastEntryIsNotTheAnnouncedHead_isRefused_andNothingIsWritten() {
        announcedHead = EntryHash.of("another entry".getBytes(StandardCharsets.UTF_8)).hex();
        Path out = tmp.resolve("jp-own.jsonl");
        CliRun r = export(out);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).isEqualTo("macm: the last entry the station sent of log cn-mnd~jp-mod/jp-mod has hash "
                + EntryHash.of(LAST).hex() + ", but it announced head " + announcedHead + "; nothing written, try again");
        assertThat(out).doesNotExist();
        assertThat(tmp.resolve(".jp-own.jsonl.part")).as("the partial answer is removed").doesNotExist();
    }
}
