package org.macm.link;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
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
        return generate(name, "CN=" + name + ",O=MACM link test", TestCertificates.TlsKey.P256);
    }

    /**
     * A station whose self-signed TLS certificate has subject {@code subject} and a key of kind
     * {@code key}: out of the MACM profile when the subject's CN is not {@code name} or the key
     * is not P-256.
     */
    static TestStation generate(String name, String subject, TestCertificates.TlsKey key) {
        KeyPair pair = key.generate();
        return new TestStation(StationId.of(name), SigningKey.generate(RANDOM), pair,
                TestCertificates.selfSigned(subject, pair, key.signatureAlgorithm));
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
