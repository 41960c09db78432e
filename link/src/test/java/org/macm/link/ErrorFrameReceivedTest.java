package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.link.LinkFixtures.rawFrame;
import static org.macm.link.LinkFixtures.start;
import static org.macm.testkit.Await.await;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a station does on receiving ERROR (docs/PROTOCOL.md §9): it sends nothing back (the ERROR
 * was the peer's last frame), closes the path, counts it as a path error and shows the code as
 * the path's last error; a code that needs an operator is logged at WARN. An unknown code reads
 * as INTERNAL. This holds whether the ERROR comes instead of HELLO or after it.
 */
class ErrorFrameReceivedTest {
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final TestStation jp = TestStation.generate("jp-mod");
    private final TestStation cn = TestStation.generate("cn-mnd");
    private final MemoryLinkHost cnHost = new MemoryLinkHost(cn, jp);
    private final WarnLog log = WarnLog.of(Session.class);


    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void errorAfterHello_closesThePath_withoutAnswer_showsTheCode_andWarnsWhenAnOperatorMustLook() throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn); Links cnLinks = dialling(jpPeer)) {
            try (ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
                path.hello(DEADLINE);
                path.send(new Frame.Failure(ErrorCode.HEAD_MISMATCH, Optional.of("your copy of our log differs at seq 3")));

                assertThat(framesUntilClosed(path)).as("nothing but heartbeats, no ERROR sent back").allMatch(
                        f -> f instanceof Frame.Heartbeat);
            }
            String shown = "peer closed the path: HEAD_MISMATCH (your copy of our log differs at seq 3)";
            await("cn-mnd's status shows the peer's code", DEADLINE, () -> lastError(cnLinks).equals(Optional.of(shown)),
                    () -> cnLinks.status(jp.id()));
            assertThat(cnLinks.status(jp.id()).orElseThrow().closedForErrors()).isEqualTo(1);
            assertThat(warnings()).contains("path " + jpPeer.address().getHostString() + ":" + jpPeer.address().getPort()
                    + " to jp-mod was refused by the peer: " + shown);
            jpPeer.stopAnswering();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void errorInsteadOfHello_withAnUnknownCode_readsAsInternal_isNotAnswered_andIsNoWarning() throws Exception {
        try (ScriptedPeer jpPeer = new ScriptedPeer(jp, cn); Links cnLinks = dialling(jpPeer)) {
            try (ScriptedPeer.Connection path = jpPeer.accept(DEADLINE)) {
                path.next(Frame.Hello.class, DEADLINE);
                path.sendBytes(rawFrame(FrameCodec.ERROR, "{\"code\":\"BUSY_LATER\",\"message\":\"try again\",\"retryIn\":5}"
                        .getBytes(StandardCharsets.UTF_8)));

                assertThat(framesUntilClosed(path)).as("no ERROR sent back").allMatch(f -> f instanceof Frame.Heartbeat);
            }
            await("cn-mnd's status shows the code as INTERNAL", DEADLINE,
                    () -> lastError(cnLinks).equals(Optional.of("peer closed the path: INTERNAL (try again)")),
                    () -> cnLinks.status(jp.id()));
            assertThat(warnings()).isEmpty();
            jpPeer.stopAnswering();
        }
    }

    private static List<Frame> framesUntilClosed(ScriptedPeer.Connection path) throws IOException {
        List<Frame> frames = new ArrayList<>();
        try {
            while (true) {
                frames.add(path.next(Frame.class, DEADLINE));
            }
        } catch (EOFException e) {
            return frames;
        } catch (IOException e) {
            return frames; // reset or the TLS close: closed either way
        }
    }

    private Optional<String> lastError(Links links) {
        return links.status(jp.id()).orElseThrow().paths().get(0).lastError();
    }

    private List<String> warnings() {
        return log.lines();
    }

    private Links dialling(ScriptedPeer jpPeer) {
        return start(cn, jp, cnHost, LinkConfig.of(cn.id(), List.of(), Map.of(jp.id(), List.of(jpPeer.address())))
                .withHeartbeat(Duration.ofSeconds(1), 30).withReconnect(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }
}
