package org.macm.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.macm.core.log.StationId;
import org.macm.link.TestCertificates.TlsKey;

/**
 * The certificate profile (docs/PROTOCOL.md §4): self-signed, subject CN the station's name,
 * EC P-256, SHA256withECDSA. Each rule broken alone is named; the refusal is one line that says
 * what to do.
 */
class CertificateProfileTest {
    private static final StationId JP = StationId.of("jp-mod");

    @Test
    void aCertificateAsMacmInitMakesIt_fits() {
        assertThat(CertificateProfile.problems(TestStation.generate("jp-mod").certificate(), JP)).isEmpty();
        assertThat(CertificateProfile.refusal(TestStation.generate("jp-mod").certificate(), JP)).isEmpty();
    }

    @Test
    void aCnOtherThanTheStationName_isRefused() {
        X509Certificate cert = TestStation.generate("jp-mod", "CN=cn-mnd,O=MACM station", TlsKey.P256).certificate();
        assertThat(CertificateProfile.problems(cert, JP)).containsExactly("its subject CN is 'cn-mnd', not the station name 'jp-mod'");
        X509Certificate none = TestStation.generate("jp-mod", "O=MACM station", TlsKey.P256).certificate();
        assertThat(CertificateProfile.problems(none, JP)).containsExactly("its subject CN is missing, not the station name 'jp-mod'");
    }

    @Test
    void rsa2048_isRefused_namingKeyAndSignature() {
        X509Certificate cert = TestStation.generate("jp-mod", "CN=jp-mod", TlsKey.RSA2048).certificate();
        assertThat(CertificateProfile.refusal(cert, JP)).hasValue("the TLS certificate of jp-mod does not fit the MACM "
                + "profile: its key is RSA-2048, not EC P-256; it is signed with SHA256withRSA, not SHA256withECDSA "
                + "(a station makes its certificate with 'macm init'; ask the peer for the identity.toml it wrote)");
    }

    @Test
    void p384_isRefused() {
        X509Certificate cert = TestStation.generate("jp-mod", "CN=jp-mod", TlsKey.P384).certificate();
        assertThat(CertificateProfile.problems(cert, JP)).containsExactly(
                "its key is EC on a 384-bit curve other than P-256, not EC P-256",
                "it is signed with SHA384withECDSA, not SHA256withECDSA");
    }

    @Test
    void p256SignedWithSha384_isRefused() {
        KeyPair keys = TlsKey.P256.generate();
        X509Certificate cert = TestCertificates.selfSigned("CN=jp-mod", keys, "SHA384withECDSA");
        assertThat(CertificateProfile.problems(cert, JP)).containsExactly("it is signed with SHA384withECDSA, not SHA256withECDSA");
    }

    @Test
    void aCertificateIssuedByAnotherKey_isNotSelfSigned() {
        KeyPair ca = TlsKey.P256.generate();
        X509Certificate cert = TestCertificates.issued("CN=jp-mod", TlsKey.P256.generate(), "CN=Some CA", ca.getPrivate(),
                "SHA256withECDSA");
        assertThat(CertificateProfile.problems(cert, JP)).containsExactly(
                "it is not self-signed (issued by 'CN=Some CA', or its signature does not verify with its own key)");
        X509Certificate sameNameOtherKey = TestCertificates.issued("CN=jp-mod", TlsKey.P256.generate(), "CN=jp-mod",
                ca.getPrivate(), "SHA256withECDSA");
        assertThat(CertificateProfile.problems(sameNameOtherKey, JP)).containsExactly(
                "it is not self-signed (issued by 'CN=jp-mod', or its signature does not verify with its own key)");
    }

    @Test
    void validity_isWithinItsDates() {
        X509Certificate cert = TestStation.generate("jp-mod").certificate();
        assertThat(CertificateProfile.validAt(cert, Instant.now())).isTrue();
        assertThat(CertificateProfile.validAt(cert, Instant.now().plus(Duration.ofDays(3)))).isFalse();
        assertThat(CertificateProfile.validAt(cert, Instant.now().minus(Duration.ofDays(3)))).isFalse();
    }
}
