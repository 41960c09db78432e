package org.macm.link;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.StationId;

/**
 * A station as the link tests need it: a name, a fresh Ed25519 key that signs its log, and a
 * fresh TLS key with a self-signed certificate, the way {@code macm init} makes them. Two
 * stations made with the same name are different stations: the second is an impostor.
 */
final class TestStation {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StationId id;
    private final SigningKey signingKey;
    private final KeyPair tlsKeys;
    private final X509Certificate certificate;

    private TestStation(StationId id, SigningKey signingKey, KeyPair tlsKeys, X509Certificate certificate) {
        this.id = id;
        this.signingKey = signingKey;
        this.tlsKeys = tlsKeys;
        this.certificate = certificate;
    }

    static TestStation generate(String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + name + ",O=MACM link test");
            Instant now = Instant.now();
            byte[] der = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
                    pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))
                    .getEncoded();
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new TestStation(StationId.of(name), SigningKey.generate(RANDOM), pair, certificate);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new AssertionError("cannot make a test station's keys: " + e.getMessage(), e);
        }
    }

    StationId id() {
        return id;
    }

    SigningKey signingKey() {
        return signingKey;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** The log this station writes on its link to {@code peer}. */
    LogId logTo(TestStation peer) {
        return new LogId(LinkId.between(id, peer.id), id);
    }

    /** This station's TLS, accepting exactly the certificates of {@code pinned}. */
    PinnedTls tlsPinning(TestStation... pinned) {
        Map<StationId, X509Certificate> pins = Arrays.stream(pinned)
                .collect(Collectors.toMap(TestStation::id, TestStation::certificate, (a, b) -> a));
        return new PinnedTls(tlsKeys.getPrivate(), certificate, pins, RANDOM);
    }

    @Override
    public String toString() {
        return "TestStation[" + id + ", keys not shown]";
    }
}
