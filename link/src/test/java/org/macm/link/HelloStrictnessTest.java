package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.link.LinkFixtures.rawFrame;
import static org.macm.link.LinkFixtures.start;
import static org.macm.testkit.Await.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HELLO is read as strictly as an entry (docs/PROTOCOL.md §9): exactly its six keys, each of its
 * JSON type, one object and nothing after it. Anything else closes the path with
 * MALFORMED_FRAME naming the key, before any claim in it is believed; a HELLO of another
 * protocol version is UNSUPPORTED_VERSION whatever else it holds, so that a later version may
 * change its HELLO. Each case runs over real TLS against a station dialling a scripted peer.
 */
class HelloStrictnessTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final String ZERO = "0".repeat(64);
    private static final String HEAD0 = "{\"seq\":0,\"hash\":\"" + ZERO + "\"}";

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);

    /** jp-mod's HELLO with {@code key}'s JSON text replaced by {@code value} ({@code -} removes the key, {@code +x} adds one). */
    private static String hello(String key, String value) {
        StringBuilder b = new StringBuilder("{");
        for (String[] kv : new String[][] {{"protocol", "1"}, {"station", "\"jp-mod\""}, {"link", "\"cn-mnd~jp-mod\""},
                {"head", HEAD0}, {"peerHead", HEAD0}, {"catalog", "\"" + MemoryLinkHost.CATALOG + "\""}}) {
            String v = kv[0].equals(key) ? value : kv[1];
            if (!v.equals("-")) {
                b.append(b.length() > 1 ? "," : "").append('"').append(kv[0]).append("\":").append(v);
            }
        }
        if (key.equals("+")) {
            b.append(",").append(value);
        }
        return b.append("}").toString();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "+        | \"version\":\"1.2\"                  | MALFORMED_FRAME     | MALFORMED_FRAME: HELLO has unknown key 'version'",
        "catalog  | -                                    | MALFORMED_FRAME     | MALFORMED_FRAME: HELLO lacks 'catalog'",
        "protocol | \"1\"                                | MALFORMED_FRAME     | MALFORMED_FRAME: HELLO 'protocol' must be an integer",
        "protocol | 1.0                                  | MALFORMED_FRAME     | MALFORMED_FRAME: HELLO 'protocol' must be an integer",
        "protocol | 4294967297                           | UNSUPPORTED_VERSION | UNSUPPORTED_VERSION: peer speaks protocol 4294967297, this station speaks 1",
        "station  | null                                 | MALFORMED_FRAME     | MALFORMED_FRAME: HELLO 'station' must be a string",
        "catalog  | 7                                    | MALFORMED_FRAME     | MALFORMED_FRAME: HELLO 'catalog' must be a string",
        "head     | `{\"seq\":0}`                        | MALFORMED_FRAME     | MALFORMED_FRAME: HELLO 'head' lacks 'hash'",
        "peerHead | `{\"seq\":-1,\"hash\":\"00\"}`       | MALFORMED_FRAME     | MALFORMED_FRAME: HELLO 'peerHead.seq' must be an integer from 0 to 2^63-1",
        "peerHead | `{\"seq\":1e0,\"hash\":\"00\"}`      | MALFORMED_FRAME     | MALFORMED_FRAME: HELLO 'peerHead.seq' must be an integer from 0 to 2^63-1",
        "head     | `{\"seq\":0,\"hash\":\"00\",\"x\":1}` | MALFORMED_FRAME    | MALFORMED_FRAME: HELLO 'head' has unknown key 'x'",
    })
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aHelloOutsideItsShape_closesThePath_namingTheKey(String key, String value, ErrorCode code, String message)
            throws Exception {
        assertRefused(hello(key.strip(), value.strip()), code, message);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aHelloFollowedByASecondJsonValue_isMalformed() throws Exception {
        assertRefused(hello("", "") + " {}", ErrorCode.MALFORMED_FRAME, "MALFORMED_FRAME: HELLO has more after its JSON object");
    }

    /** Sends {@code helloJson} as jp-mod's HELLO and expects an ERROR {@code code} whose message starts with {@code message}. */
    private void assertRefused(String helloJson, ErrorCode code, String message) throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn);
                Links cnLinks = start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(jpPeer.address())))
                        .withHeartbeat(Duration.ofSeconds(1), 30).withReconnect(Duration.ofSeconds(5), Duration.ofSeconds(5)))) {
            try (ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
                path.next(Frame.Hello.class, DEADLINE);
                path.sendBytes(rawFrame(FrameCodec.HELLO, helloJson.getBytes(StandardCharsets.UTF_8)));

                Frame.Failure refusal = path.next(Frame.Failure.class, DEADLINE);
                assertThat(refusal.code()).as("the code of the ERROR frame for %s", helloJson).isEqualTo(code);
                assertThat(refusal.message().orElseThrow()).startsWith(message);
                assertThat(path.closedByStation(DEADLINE)).as("the path is closed after the ERROR frame").isTrue();
            }
            await("cn-mnd's status says why the path closed", DEADLINE, () -> cnLinks.status(jp.id()).orElseThrow().paths()
                    .get(0).lastError().filter(e -> e.startsWith(message)).isPresent(), () -> cnLinks.status(jp.id()));
            LinkStatus status = cnLinks.status(jp.id()).orElseThrow();
            assertThat(status.state()).isEqualTo(LinkState.DOWN);
            assertThat(status.peerReportsHolding().seq()).as("nothing in a refused HELLO is believed").isZero();
            jpPeer.stopAnswering();
        }
    }
}
