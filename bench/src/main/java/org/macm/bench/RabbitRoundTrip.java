package org.macm.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.macm.testkit.FreePort;

/**
 * The durable yardstick: a single RabbitMQ node on loopback, started by the bench with its
 * own data folder, and two AMQP clients in this JVM. A publishes each request persistent
 * (delivery mode 2) to the quorum queue {@code macm.req} with publisher confirms on; B
 * consumes it with manual acks, publishes the reply the same way to the quorum queue
 * {@code macm.rep}, and acks the request only once the reply is confirmed; A consumes replies
 * with automatic acks. A's round trip ends when it holds both the confirm of its request and
 * the reply. A quorum queue appends each message to its Raft log and fsyncs that log before
 * it confirms or delivers it (single node: a quorum of one), so both hops pay an fsync, as
 * MACM's do.
 */
final class RabbitRoundTrip implements OpenLoop.Target, AutoCloseable {
    private static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");
    private static final Path CTL = Path.of("/usr/lib/rabbitmq/bin/rabbitmqctl");
    private static final List<Path> EPMD = List.of(Path.of("/usr/bin/epmd"), Path.of("/usr/lib/erlang/bin/epmd"));
    private static final String REQUESTS = "macm.req";
    private static final String REPLIES = "macm.rep";
    /** Requests B may hold unacked (their replies not yet confirmed); far above what any step needs. */
    private static final int PREFETCH = 10_000;
    private static final int CONFIRMED = 1;
    private static final int REPLIED = 2;
    private static final Duration BOOT = Duration.ofSeconds(90);

    private final Broker broker;
    private final Connection a;
    private final Connection b;
    private final Channel aPublish;
    private final Channel bConsume;
    private final Channel bPublish;
    private final int payloadBytes;
    /** Publisher confirms A waits for: sequence number -> (step << 32 | index). */
    private final ConcurrentNavigableMap<Long, Long> aUnconfirmed = new ConcurrentSkipListMap<>();
    /** Replies B waits to see confirmed: sequence number -> the request's delivery tag. */
    private final ConcurrentNavigableMap<Long, Long> bUnconfirmed = new ConcurrentSkipListMap<>();
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicLong errors = new AtomicLong();
    private final Object lock = new Object();
    private volatile Round round = new Round(0, 0);

    /** One step's state: when each round trip ended, and which of confirm and reply each has seen. */
    private record Round(int step, AtomicLongArray done, AtomicIntegerArray seen) {
        Round(int step, int n) {
            this(step, new AtomicLongArray(n), new AtomicIntegerArray(n));
        }
    }

    private RabbitRoundTrip(Broker broker, Connection a, Connection b, int payloadBytes) throws IOException {
        this.broker = broker;
        this.a = a;
        this.b = b;
        this.payloadBytes = payloadBytes;
        Map<String, Object> quorum = Map.of("x-queue-type", "quorum");
        Channel setup = a.createChannel();
        setup.queueDeclare(REQUESTS, true, false, false, quorum);
        setup.queueDeclare(REPLIES, true, false, false, quorum);
        aPublish = a.createChannel();
        aPublish.confirmSelect();
        aPublish.addConfirmListener((seq, multiple) -> aConfirmed(seq, multiple, true),
                (seq, multiple) -> aConfirmed(seq, multiple, false));
        bPublish = b.createChannel();
        bPublish.confirmSelect();
        bPublish.addConfirmListener((seq, multiple) -> bConfirmed(seq, multiple, true),
                (seq, multiple) -> bConfirmed(seq, multiple, false));
        bConsume = b.createChannel();
        bConsume.basicQos(PREFETCH);
        bConsume.basicConsume(REQUESTS, false, new DefaultConsumer(bConsume) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                reply(envelope.getDeliveryTag(), body);
            }
        });
        Channel aConsume = a.createChannel();
        aConsume.basicConsume(REPLIES, true, new DefaultConsumer(aConsume) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                ByteBuffer p = ByteBuffer.wrap(body);
                mark(p.getInt(), p.getInt(), REPLIED);
            }
        });
    }

    /** The RabbitMQ server script, if the Debian package is installed. */
    static Optional<Path> binary() {
        return Files.isExecutable(SERVER) && Files.isExecutable(CTL) && epmdBinary().isPresent() ? Optional.of(SERVER)
                : Optional.empty();
    }

    private static Optional<Path> epmdBinary() {
        return EPMD.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts a node in {@code dir} (free loopback ports for AMQP, Erlang distribution and
     * epmd, so a system RabbitMQ, if any, is not disturbed) and connects both clients.
     */
    static RabbitRoundTrip start(Path dir, int payloadBytes) throws IOException, InterruptedException {
        Broker broker = Broker.start(dir);
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost("127.0.0.1");
            factory.setPort(broker.amqpPort());
            // Nagle off, as MACM's sockets and the broker's (its default) have it.
            factory.setSocketConfigurator(socket -> socket.setTcpNoDelay(true));
            factory.setAutomaticRecoveryEnabled(false);
            Connection a = broker.connect(factory, "macm-bench-a");
            Connection b = factory.newConnection("macm-bench-b");
            return new RabbitRoundTrip(broker, a, b, payloadBytes);
        } catch (IOException | TimeoutException | RuntimeException e) {
            broker.close();
            throw e instanceof IOException io ? io : new IOException("RabbitMQ clients could not connect: " + e, e);
        }
    }

    /** Confirm nacks and publish failures so far (a failed request simply never completes). */
    long errors() {
        return errors.get();
    }

    @Override
    public void begin(int n) {
        round = new Round(round.step() + 1, n);
        remaining.set(n);
    }

    @Override
    public void request(int i) {
        byte[] payload = new byte[payloadBytes];
        int step = round.step();
        ByteBuffer.wrap(payload).putInt(step).putInt(i);
        try {
            // The sequence number and the publish must pair up: one publisher at a time.
            synchronized (aPublish) {
                aUnconfirmed.put(aPublish.getNextPublishSeqNo(), (long) step << 32 | i);
                aPublish.basicPublish("", REQUESTS, MessageProperties.PERSISTENT_BASIC, payload);
            }
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
        }
    }

    /** B: publishes the reply to one request; the request is acked when the reply is confirmed. */
    private void reply(long deliveryTag, byte[] body) {
        try {
            synchronized (bPublish) {
                bUnconfirmed.put(bPublish.getNextPublishSeqNo(), deliveryTag);
                bPublish.basicPublish("", REPLIES, MessageProperties.PERSISTENT_BASIC, body);
            }
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
        }
    }

    private void aConfirmed(long seq, boolean multiple, boolean ack) {
        for (long packed : take(aUnconfirmed, seq, multiple)) {
            if (ack) {
                mark((int) (packed >>> 32), (int) packed, CONFIRMED);
            } else {
                errors.incrementAndGet();
            }
        }
    }

    private void bConfirmed(long seq, boolean multiple, boolean ack) throws IOException {
        for (long deliveryTag : take(bUnconfirmed, seq, multiple)) {
            if (ack) {
                bConsume.basicAck(deliveryTag, false);
            } else {
                errors.incrementAndGet();
                bConsume.basicNack(deliveryTag, false, true); // the broker delivers it again
            }
        }
    }

    /** Removes and returns what a confirm covers: {@code seq} alone, or everything up to it. */
    private static List<Long> take(ConcurrentNavigableMap<Long, Long> unconfirmed, long seq, boolean multiple) {
        List<Long> out = new ArrayList<>();
        if (multiple) {
            ConcurrentNavigableMap<Long, Long> head = unconfirmed.headMap(seq, true);
            for (Map.Entry<Long, Long> e : head.entrySet()) {
                if (head.remove(e.getKey()) != null) {
                    out.add(e.getValue());
                }
            }
        } else {
            Long v = unconfirmed.remove(seq);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** Notes the confirm or the reply of round trip {@code i}; the round trip ends when both are in. */
    private void mark(int step, int i, int what) {
        long now = System.nanoTime();
        Round r = round;
        if (step != r.step() || i < 0 || i >= r.done().length()) {
            return; // an earlier step's straggler
        }
        int before = r.seen().getAndUpdate(i, s -> s | what);
        if ((before | what) == (CONFIRMED | REPLIED) && before != (CONFIRMED | REPLIED)) {
            r.done().set(i, now);
            if (remaining.decrementAndGet() == 0) {
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        }
    }

    @Override
    public long[] await(Duration drain) throws InterruptedException {
        long deadline = System.nanoTime() + drain.toNanos();
        synchronized (lock) {
            OpenLoop.waitUntil(lock, () -> remaining.get() == 0, deadline);
        }
        AtomicLongArray d = round.done();
        long[] out = new long[d.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = d.get(i);
        }
        return out;
    }

    @Override
    public boolean settle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        await(limit);
        while ((!aUnconfirmed.isEmpty() || !bUnconfirmed.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return remaining.get() == 0 && aUnconfirmed.isEmpty() && bUnconfirmed.isEmpty();
    }

    /** This JVM (the two AMQP clients) plus the broker's process tree (beam.smp and its helpers) and epmd. */
    @Override
    public long cpuNanos() {
        return OpenLoop.jvmCpuNanos() + broker.cpuNanos();
    }

    @Override
    public void close() {
        for (Connection c : new Connection[] {a, b}) {
            try {
                c.close(2_000);
            } catch (IOException | RuntimeException e) {
                c.abort(1_000); // going away anyway
            }
        }
        broker.close();
    }

    /**
     * One RabbitMQ node and the epmd it registers with, both children of this JVM, with
     * everything they write under one folder.
     */
    private record Broker(Process server, Process epmd, Path dir, int amqpPort, Map<String, String> env,
            String node, Thread killer) implements AutoCloseable {
        static Broker start(Path dir) throws IOException {
            List<Integer> ports = FreePort.loopback(3);
            int amqp = ports.get(0);
            String node = "macmbench-" + amqp + "@localhost";
            Path home = Files.createDirectories(dir.resolve("home")); // the Erlang cookie goes here
            Path config = dir.resolve("rabbitmq.conf");
            Files.writeString(config, """
                    # Generated by the MACM bench: one node on loopback, its own folders (see the environment).
                    listeners.tcp.default = 127.0.0.1:%d
                    log.file.level = warning
                    """.formatted(amqp));
            Path plugins = dir.resolve("enabled_plugins");
            Files.writeString(plugins, "[].\n"); // no plugins: no management UI on a fixed port
            Map<String, String> env = new HashMap<>();
            env.put("HOME", home.toString());
            env.put("RABBITMQ_NODENAME", node);
            env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
            env.put("RABBITMQ_NODE_PORT", Integer.toString(amqp));
            env.put("RABBITMQ_DIST_PORT", Integer.toString(ports.get(1)));
            env.put("ERL_EPMD_PORT", Integer.toString(ports.get(2)));
            env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
            env.put("RABBITMQ_MNESIA_BASE", Files.createDirectories(dir.resolve("mnesia")).toString());
            env.put("RABBITMQ_LOG_BASE", Files.createDirectories(dir.resolve("log")).toString());
            env.put("RABBITMQ_CONFIG_FILE", config.toString());
            env.put("RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString());
            // Our own epmd, started before the node so the node does not start a daemon that outlives it.
            Process epmd = spawn(List.of(epmdBinary().orElseThrow().toString(), "-address", "127.0.0.1", "-port",
                    env.get("ERL_EPMD_PORT")), env, dir,
                    dir.resolve("epmd.out"));
            // The script under /usr/lib/rabbitmq/bin runs as the calling user (root included);
            // the /usr/sbin wrapper would switch to the rabbitmq user, who cannot write here.
            Process server;
            try {
                server = spawn(List.of(SERVER.toString()), env, dir, dir.resolve("rabbitmq.out"));
            } catch (IOException e) {
                epmd.destroyForcibly();
                throw e;
            }
            // A bench stopped with Ctrl-C must not leave a node running: kill the tree on the way out.
            Thread killer = new Thread(() -> killTree(server, epmd), "rabbitmq-killer");
            Runtime.getRuntime().addShutdownHook(killer);
            return new Broker(server, epmd, dir, amqp, Map.copyOf(env), node, killer);
        }

        private static Process spawn(List<String> command, Map<String, String> env, Path dir, Path out)
                throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            pb.environment().putAll(env);
            return pb.start();
        }

        /** Connects once the node accepts AMQP connections (it boots in several seconds). */
        Connection connect(ConnectionFactory factory, String name) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + BOOT.toNanos();
            while (true) {
                try {
                    return factory.newConnection(name);
                } catch (IOException | TimeoutException e) {
                    if (!server.isAlive()) {
                        throw new IOException("RabbitMQ exited while starting (code " + server.exitValue()
                                + "), its last words: " + lastLines(), e);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IOException("RabbitMQ did not accept connections on 127.0.0.1:" + amqpPort
                                + " within " + BOOT.toSeconds() + " s, its last words: " + lastLines(), e);
                    }
                    Thread.sleep(100);
                }
            }
        }

        /** Kills whatever is left of the node's process tree and its epmd, and waits (briefly) until they are gone. */
        private static void killTree(Process server, Process epmd) {
            List<ProcessHandle> left = new ArrayList<>(server.descendants().toList());
            left.add(server.toHandle());
            left.add(epmd.toHandle());
            left.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle p : left) {
                p.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> p).join();
            }
        }

        /** The end of the node's console output, for a message (the folder is removed on close). */
        private String lastLines() {
            try {
                List<String> lines = Files.readAllLines(dir.resolve("rabbitmq.out")).stream()
                        .map(String::strip).filter(l -> !l.isEmpty()).toList();
                return String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")";
            }
        }

        long cpuNanos() {
            return Stream.concat(Stream.of(server.toHandle(), epmd.toHandle()), server.descendants())
                    .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
        }

        /** Stops the node (rabbitmqctl stop, then kills what is left), stops epmd, removes the folder. */
        @Override
        public void close() {
            try {
                if (server.isAlive()) {
                    Process ctl = spawn(List.of(CTL.toString(), "-n", node, "stop"), env, dir, dir.resolve("stop.out"));
                    if (!ctl.waitFor(30, TimeUnit.SECONDS)) {
                        ctl.destroyForcibly();
                    }
                    server.waitFor(15, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                System.err.println("rabbitmqctl stop failed (" + e.getMessage() + "); killing the node");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            killTree(server, epmd);
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs too, harmlessly.
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                System.err.println("could not remove RabbitMQ's folder " + dir + ": " + e.getMessage());
            }
        }
    }
}
