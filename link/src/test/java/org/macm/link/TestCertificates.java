package org.macm.link;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS keys and certificates for the link tests, in the MACM profile (what {@code macm init}
 * makes) or out of it in one chosen way, so that each rule of {@link CertificateProfile} can be
 * broken alone.
 */
final class TestCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The kinds of TLS key a test station may have; only P-256 is in the profile. */
    enum TlsKey {
        P256("EC", "secp256r1", "SHA256withECDSA"),
        P384("EC", "secp384r1", "SHA384withECDSA"),
        RSA2048("RSA", null, "SHA256withRSA");

        private final String algorithm;
        private final String curve;
        final String signatureAlgorithm;

        TlsKey(String algorithm, String curve, String signatureAlgorithm) {
            this.algorithm = algorithm;
            this.curve = curve;
            this.signatureAlgorithm = signatureAlgorithm;
        }

        KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
                if (curve != null) {
                    generator.initialize(new ECGenParameterSpec(curve), RANDOM);
                } else {
                    generator.initialize(2048, RANDOM);
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new AssertionError("cannot make a " + this + " key: " + e.getMessage(), e);
            }
        }
    }

    private TestCertificates() {
    }

    /** A self-signed certificate for {@code keys} with subject {@code subject}, signed with {@code signatureAlgorithm}. */
    static X509Certificate selfSigned(String subject, KeyPair keys, String signatureAlgorithm) {
        return issued(subject, keys, subject, keys.getPrivate(), signatureAlgorithm);
    }

    /** A certificate for {@code keys} issued by {@code issuer}, whose key {@code issuerKey} signs it. */
    static X509Certificate issued(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
            String signatureAlgorithm) {
        try {
            Instant now = Instant.now();
            byte[] der = new JcaX509v3CertificateBuilder(new X500Name(issuer), new BigInteger(64, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject),
                    keys.getPublic()).build(new JcaContentSignerBuilder(signatureAlgorithm).build(issuerKey)).getEncoded();
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new AssertionError("cannot make a test certificate: " + e.getMessage(), e);
        }
    }
}
