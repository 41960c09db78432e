package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.StationException;
import org.macm.station.officer.Role;
import org.macm.station.run.StationRuntime;

/**
 * The console over HTTPS with the operator's own PEM pair ({@code [console] tls-certificate},
 * {@code tls-key}): it serves https, its cookies are {@code Secure}; a file that is missing,
 * or a key that does not belong to the certificate, stops the station with one line naming
 * the file.
 */
class ConsoleTlsTest {
    @TempDir
    Path tmp;

    /** A self-signed certificate for 127.0.0.1, as {@code openssl req -x509} would make it. */
    private record Pem(X509Certificate certificate, KeyPair keys) {
        static Pem make() throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            KeyPair keys = g.generateKeyPair();
            X500Name name = new X500Name("CN=console.cn-mnd.test");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), name,
                    keys.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new Pem(cert, keys);
        }

        void write(Path certFile, Path keyFile) throws IOException {
            writePem(certFile, certificate);
            writeKey(keyFile, keys.getPrivate());
        }

        SSLContext trusting() throws Exception {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("console", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        }
    }

    private static void writePem(Path file, Object o) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o);
        }
    }

    /** A private key as {@code openssl genpkey} writes it: PKCS#8, "BEGIN PRIVATE KEY". */
    private static void writeKey(Path file, java.security.PrivateKey key) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
        }
    }

    private StationRuntime start(Path cert, Path key) {
        return ConsoleStations.startCn(tmp, Clock.systemUTC(), (pair, cn) -> {
            ConsoleStations.officer(cn, "zhao.lei", "Maj Zhao Lei", Role.DUTY, Optional.empty());
            ConsoleStations.consoleSection(cn, "tls-certificate = \"" + cert + "\"", "tls-key = \"" + key + "\"");
        });
    }

    @Test
    void certificatePair_servesHttps_andEveryCookieIsSecure() throws Exception {
        Pem pem = Pem.make();
        Path cert = tmp.resolve("console.crt");
        Path key = tmp.resolve("console.key");
        pem.write(cert, key);
        try (StationRuntime station = start(cert, key)) {
            assertThat(station.consoleUrl()).startsWith("https://127.0.0.1:");
            assertThat(Files.readString(station.station().layout().dir().resolve("console.url")))
                    .startsWith("https://127.0.0.1:");
            ConsoleClient c = new ConsoleClient(station.consoleUrl(), Optional.of(pem.trusting()));
            ConsoleClient.Answer page = c.get("/login");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.setCookie(ConsoleSite.LOGIN_COOKIE)).singleElement().asString()
                    .containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
            ConsoleClient.Answer login = c.login("zhao.lei", ConsoleStations.PASSWORD);
            assertThat(login.status()).isEqualTo(303);
            assertThat(login.setCookie(ConsoleSite.SESSION_COOKIE)).singleElement().asString()
                    .containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
            assertThat(c.get("/").status()).isEqualTo(200);
            ConsoleClient plain = new ConsoleClient(station.consoleUrl().replace("https://", "http://"));
            assertThat(catching(() -> plain.get("/login").status())).as("plain HTTP on the HTTPS port").isNotEqualTo(200);
        }
    }

    private static int catching(java.util.function.IntSupplier call) {
        try {
            return call.getAsInt();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Test
    void missingCertificateFile_isOneLineNamingIt() throws Exception {
        Pem pem = Pem.make();
        Path cert = tmp.resolve("absent.crt");
        Path key = tmp.resolve("console.key");
        writeKey(key, pem.keys().getPrivate());
        assertThatThrownBy(() -> start(cert, key).close()).isInstanceOf(StationException.class)
                .hasMessageContaining(cert.toString()).hasMessageNotContaining("\n")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void missingKeyFile_isOneLineNamingIt() throws Exception {
        Pem pem = Pem.make();
        Path cert = tmp.resolve("console.crt");
        Path key = tmp.resolve("absent.key");
        writePem(cert, pem.certificate());
        assertThatThrownBy(() -> start(cert, key).close()).isInstanceOf(StationException.class)
                .hasMessageContaining(key.toString()).hasMessageNotContaining("\n")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void keyOfAnotherCertificate_isRefusedAtStart_namingBothFiles() throws Exception {
        Path cert = tmp.resolve("console.crt");
        Path key = tmp.resolve("console.key");
        writePem(cert, Pem.make().certificate());
        writeKey(key, Pem.make().keys().getPrivate());
        assertThatThrownBy(() -> start(cert, key).close()).isInstanceOf(StationException.class)
                .hasMessageContaining(key.toString()).hasMessageContaining(cert.toString())
                .hasMessageContaining("does not match").hasMessageNotContaining("\n");
    }

    @Test
    void notAPemFile_isOneLineNamingIt() throws Exception {
        Path cert = tmp.resolve("console.crt");
        Path key = tmp.resolve("console.key");
        Files.writeString(cert, "this is not a certificate\n");
        writeKey(key, Pem.make().keys().getPrivate());
        assertThatThrownBy(() -> start(cert, key).close()).isInstanceOf(StationException.class)
                .hasMessageContaining(cert.toString()).hasMessageNotContaining("\n");
    }
}
