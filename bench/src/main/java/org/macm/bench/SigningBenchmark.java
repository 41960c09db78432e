package org.macm.bench;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.macm.core.crypto.SigningKey;
import org.macm.core.crypto.VerifyingKey;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ed25519 over a real entry of about 300 bytes: MACM's signer and verifier (BouncyCastle's
 * lightweight API) against the JDK's own provider, in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {
    private byte[] entryBytes;
    private byte[] macmSignature;
    private SigningKey macmKey;
    private VerifyingKey macmVerifyingKey;
    private KeyPair jdkPair;
    private byte[] jdkSignature;

    @Setup
    public void setUp() throws GeneralSecurityException {
        byte[] seed = new byte[32];
        seed[0] = 1;
        macmKey = SigningKey.fromSeed(seed);
        macmVerifyingKey = macmKey.verifyingKey();
        LinkId link = LinkId.between(StationId.of("jp-mod"), StationId.of("cn-mnd"));
        LogWriter writer = new LogWriter(new LogId(link, StationId.of("jp-mod")), macmKey,
                Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), ZoneOffset.UTC));
        SignedEntry entry = writer.next(Head.EMPTY, Head.EMPTY, new Body.Message(Precedence.FLASH,
                new MessageContent.FreeText("en", "Unplanned encounter 29°42.0'N 125°12.0'E, CPA 1.8 nm.")));
        entryBytes = entry.bytes();
        macmSignature = entry.signature();
        jdkPair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(jdkPair.getPrivate());
        s.update(entryBytes);
        jdkSignature = s.sign();
    }

    public int entrySize() {
        return entryBytes.length;
    }

    @Benchmark
    public byte[] macmSign() {
        return macmKey.sign(entryBytes);
    }

    @Benchmark
    public void macmVerify() {
        macmVerifyingKey.verify(entryBytes, macmSignature);
    }

    @Benchmark
    public byte[] jdkSign() throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(jdkPair.getPrivate());
        s.update(entryBytes);
        return s.sign();
    }

    @Benchmark
    public boolean jdkVerify() throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(jdkPair.getPublic());
        s.update(entryBytes);
        return s.verify(jdkSignature);
    }
}
