package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.identity.Identity;

/**
 * {@code macm peer add} pins only a certificate of the MACM profile (docs/PROTOCOL.md §4): CN the
 * station's name, EC P-256, SHA256withECDSA, self-signed, valid now. Anything else is refused
 * with one line saying what is wrong and what to do, before the operator is asked to compare
 * fingerprints, and nothing is pinned. A station whose own certificate breaks the profile
 * refuses to start.
 */
class PeerAddCertificateProfileTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String WHAT_TO_DO = " (a station makes its certificate with 'macm init'; ask the peer for the"
            + " identity.toml it wrote)";

    @TempDir
    Path tmp;

    private Path jp;
    private Identity cn;

    @BeforeEach
    void stations() {
        jp = CliRun.init(tmp.resolve("jp"), "jp-mod");
        cn = Identity.read(CliRun.init(tmp.resolve("cn"), "cn-mnd").resolve("identity.toml"));
    }

    @Test
    void aCnOtherThanTheStationName_isRefused_beforeTheFingerprintQuestion() throws Exception {
        CliRun add = addWithCertificate(certificate("CN=jp-mod,O=MACM station", ec("secp256r1"), "SHA256withECDSA", 1));
        assertThat(add.exitCode()).isEqualTo(1);
        assertThat(add.out()).as("the operator is not asked to confirm a file that is refused").isEmpty();
        assertThat(add.errorLine()).isEqualTo("macm: not pinned: the TLS certificate of cn-mnd does not fit the MACM "
                + "profile: its subject CN is 'jp-mod', not the station name 'cn-mnd'" + WHAT_TO_DO);
        assertThat(jp.resolve("peers/cn-mnd.toml")).doesNotExist();
    }

    @Test
    void rsa2048_isRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048, RANDOM);
        CliRun add = addWithCertificate(certificate("CN=cn-mnd", rsa.generateKeyPair(), "SHA256withRSA", 1));
        assertThat(add.errorLine()).isEqualTo("macm: not pinned: the TLS certificate of cn-mnd does not fit the MACM "
                + "profile: its key is RSA-2048, not EC P-256; it is signed with SHA256withRSA, not SHA256withECDSA"
                + WHAT_TO_DO);
        assertThat(jp.resolve("peers/cn-mnd.toml")).doesNotExist();
    }

    @Test
    void p384_isRefused() throws Exception {
        CliRun add = addWithCertificate(certificate("CN=cn-mnd", ec("secp384r1"), "SHA384withECDSA", 1));
        assertThat(add.errorLine()).isEqualTo("macm: not pinned: the TLS certificate of cn-mnd does not fit the MACM "
                + "profile: its key is EC on a 384-bit curve other than P-256, not EC P-256; it is signed with "
                + "SHA384withECDSA, not SHA256withECDSA" + WHAT_TO_DO);
        assertThat(jp.resolve("peers/cn-mnd.toml")).doesNotExist();
    }

    @Test
    void anExpiredCertificate_isRefused() throws Exception {
        X509Certificate expired = certificate("CN=cn-mnd", ec("secp256r1"), "SHA256withECDSA", -1);
        CliRun add = addWithCertificate(expired);
        assertThat(add.errorLine()).startsWith("macm: not pinned: the TLS certificate of cn-mnd is valid from "
                + expired.getNotBefore().toInstant() + " to " + expired.getNotAfter().toInstant() + ", not now (")
                .endsWith("); ask the peer for a current identity.toml, or check this computer's clock");
        assertThat(jp.resolve("peers/cn-mnd.toml")).doesNotExist();
    }

    @Test
    void aStationWhoseOwnCertificateBreaksTheProfile_refusesToStart() throws Exception {
        Identity own = Identity.read(jp.resolve("identity.toml"));
        new Identity(own.station(), own.signingKey(), certificate("CN=jp-mod", ec("secp384r1"), "SHA384withECDSA", 1))
                .write(jp.resolve("identity.toml"));
        CliRun run = CliRun.run("run", "--dir", jp.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errorLine()).isEqualTo("macm: " + jp.resolve("identity.toml") + ": this station's TLS certificate"
                + " does not fit the MACM profile: its key is EC on a 384-bit curve other than P-256, not EC P-256; it is"
                + " signed with SHA384withECDSA, not SHA256withECDSA; peers refuse it: make a new station with 'macm init'"
                + " and have the peers pin its identity");
    }

    /** cn-mnd's identity (its real signing key) with {@code certificate} instead of its own, offered to jp-mod's 'peer add'. */
    private CliRun addWithCertificate(X509Certificate certificate) {
        Path file = tmp.resolve("cn-identity.toml");
        new Identity(cn.station(), cn.signingKey(), certificate).write(file);
        assertThat(Files.exists(file)).isTrue();
        return CliRun.withInput("y\n", "peer", "add", "--dir", jp.toString(), file.toString());
    }

    private static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve), RANDOM);
        return g.generateKeyPair();
    }

    /** Self-signed; valid from a day ago for {@code days} days (a negative number: expired). */
    private static X509Certificate certificate(String subject, KeyPair keys, String signature, int days) throws Exception {
        Instant now = Instant.now();
        Instant from = days > 0 ? now.minus(Duration.ofDays(1)) : now.minus(Duration.ofDays(10));
        Instant to = days > 0 ? now.plus(Duration.ofDays(days)) : now.minus(Duration.ofDays(-days));
        X500Name name = new X500Name(subject);
        byte[] der = new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(from),
                Date.from(to), name, keys.getPublic()).build(new JcaContentSignerBuilder(signature).build(keys.getPrivate()))
                .getEncoded();
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
