package org.macm.station.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.macm.core.log.StationId;
import org.macm.station.FileProblem;
import org.macm.station.StationException;

/**
 * The station's TLS key pair and self-signed certificate. Peers pin the certificate itself
 * (not a CA), so it is long-lived; replacing it means the peer pins the new identity.
 */
public record TlsIdentity(PrivateKey privateKey, X509Certificate certificate) {
    private static final Duration VALIDITY = Duration.ofDays(3650);

    @Override
    public String toString() {
        return "TlsIdentity[" + certificate.getSubjectX500Principal().getName() + ", private key not shown]";
    }

    /** A fresh EC P-256 key pair and a self-signed certificate naming the station. */
    public static TlsIdentity generate(StationId station, SecureRandom random, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + station + ",O=MACM station");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(127, random).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
            X509CertificateHolder holder = builder.build(signer);
            return new TlsIdentity(pair.getPrivate(), parseCertificate(holder.getEncoded(), Path.of("(generated)")));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new StationException("cannot create the TLS certificate: " + e.getMessage(), e);
        }
    }

    static X509Certificate parseCertificate(byte[] der, Path source) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new StationException("file " + source + " does not hold a valid X.509 certificate: restore it from your backup, "
                    + "or ask the peer for a fresh identity file", e);
        }
    }

    /** Reads the certificate PEM text (as found in the certificate file or an identity file). */
    public static X509Certificate readCertificate(Path source, String pemText) {
        return parseCertificate(KeyFiles.parsePem(source, pemText, "CERTIFICATE").getContent(), source);
    }

    public static String certificatePem(X509Certificate certificate) {
        try {
            return KeyFiles.pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new StationException("cannot encode the certificate: " + e.getMessage(), e);
        }
    }

    public void write(Path keyFile, Path certificateFile) {
        KeyFiles.writePrivate(keyFile, KeyFiles.pem("PRIVATE KEY", privateKey.getEncoded()));
        try {
            Files.writeString(certificateFile, certificatePem(certificate),
                    StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new StationException("cannot write certificate " + certificateFile + ": " + FileProblem.reason(e), e);
        }
    }

    public static TlsIdentity read(Path keyFile, Path certificateFile) {
        byte[] der = KeyFiles.parsePem(keyFile, KeyFiles.readPrivate(keyFile), "PRIVATE KEY").getContent();
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new StationException("key file " + keyFile + " does not hold the EC P-256 TLS key 'macm init' makes: "
                    + "point tls-key in station.toml at keys/tls.key, or restore that file", e);
        }
        String pem;
        try {
            pem = Files.readString(certificateFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new StationException(FileProblem.cannotRead("certificate", certificateFile, e), e);
        }
        return new TlsIdentity(key, readCertificate(certificateFile, pem));
    }
}
