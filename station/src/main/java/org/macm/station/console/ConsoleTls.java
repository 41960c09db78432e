package org.macm.station.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.macm.station.FileProblem;
import org.macm.station.StationException;
import org.macm.station.config.ConsoleConfig;

/**
 * The console's HTTPS settings from a PEM certificate chain and its PEM private key (RSA or
 * EC, PKCS#8 or traditional), as an operator's own CA or {@code openssl req -x509} makes them.
 * TLS 1.3 and 1.2 only. A file that cannot be read or parsed stops the station with a sentence
 * naming the file.
 */
final class ConsoleTls {
    private ConsoleTls() {
    }

    static SslContextFactory.Server of(ConsoleConfig.Tls tls) {
        Certificate[] chain = chain(tls.certificate());
        PrivateKey key = key(tls.key());
        requireMatch(chain[0], key, tls);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] pass = new char[0];
            store.setKeyEntry("console", key, pass, chain);
            SslContextFactory.Server f = new SslContextFactory.Server();
            f.setKeyStore(store);
            f.setKeyStorePassword("");
            f.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            return f;
        } catch (GeneralSecurityException | IOException e) {
            throw new StationException("the console's key " + tls.key() + " does not match its certificate "
                    + tls.certificate() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a key that does not belong to the certificate: a keystore takes such a pair
     * without a word, and every browser would then fail the handshake with no hint why.
     */
    private static void requireMatch(Certificate cert, PrivateKey key, ConsoleConfig.Tls tls) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new StationException("the console's key file " + tls.key() + " holds a "
                    + key.getAlgorithm() + " key; use an RSA, EC or Ed25519 key");
        };
        byte[] probe = "macm console key check".getBytes(StandardCharsets.US_ASCII);
        boolean matches;
        try {
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(cert.getPublicKey());
            verify.update(probe);
            matches = verify.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw new StationException("the console's key " + tls.key() + " does not match its certificate "
                    + tls.certificate() + ": give the key the certificate was made for");
        }
    }

    private static Certificate[] chain(Path file) {
        try (var in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new StationException("the console's certificate file " + file + " holds no PEM certificate");
            }
            return certs.toArray(new Certificate[0]);
        } catch (IOException e) {
            throw new StationException(FileProblem.cannotRead("console certificate", file, e), e);
        } catch (GeneralSecurityException e) {
            throw new StationException("the console's certificate file " + file + " is not a PEM certificate: "
                    + e.getMessage(), e);
        }
    }

    private static PrivateKey key(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(in)) {
            Object o = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new StationException("the console's key file " + file + " holds no unencrypted PEM private key");
        } catch (IOException e) {
            throw new StationException(FileProblem.cannotRead("console key", file, e), e);
        }
    }
}
