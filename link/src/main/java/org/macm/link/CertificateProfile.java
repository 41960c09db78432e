package org.macm.link;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.macm.core.log.StationId;

/**
 * The one kind of TLS certificate a MACM station presents and pins (docs/PROTOCOL.md §4):
 * self-signed, its subject's CN the station's name, an EC P-256 key, signed with
 * SHA256withECDSA. Pinning makes any certificate "trusted", so the profile is what keeps a
 * peer from pinning a certificate that names another station, or one an independent peer's TLS
 * library would refuse; {@code macm peer add} and the link check it alike.
 */
public final class CertificateProfile {
    /** The only signature algorithm: ecdsa-with-SHA256 (RFC 5758). */
    static final String SHA256_WITH_ECDSA = "1.2.840.10045.4.3.2";
    private static final ECParameterSpec P256 = p256();

    private CertificateProfile() {
    }

    /**
     * What is wrong with {@code certificate} as the certificate of {@code station}, one phrase
     * per fault; empty when it fits the profile. Dates are not checked here: see
     * {@link #validAt}.
     */
    public static List<String> problems(X509Certificate certificate, StationId station) {
        List<String> problems = new ArrayList<>();
        Optional<String> cn = commonName(certificate);
        if (!cn.equals(Optional.of(station.value()))) {
            problems.add("its subject CN is " + cn.map(c -> "'" + c + "'").orElse("missing") + ", not the station name '"
                    + station + "'");
        }
        if (!isP256(certificate.getPublicKey())) {
            problems.add("its key is " + describe(certificate.getPublicKey()) + ", not EC P-256");
        }
        if (!SHA256_WITH_ECDSA.equals(certificate.getSigAlgOID())) {
            problems.add("it is signed with " + certificate.getSigAlgName() + ", not SHA256withECDSA");
        }
        if (!selfSigned(certificate)) {
            problems.add("it is not self-signed (issued by '" + certificate.getIssuerX500Principal().getName()
                    + "', or its signature does not verify with its own key)");
        }
        return problems;
    }

    /**
     * Whether {@code now} is within the certificate's validity. {@code macm peer add} refuses a
     * certificate that is not; the link does not look at dates (pinning replaces them, and a
     * hotline must not stop on a date), so a certificate is replaced before it expires.
     */
    public static boolean validAt(X509Certificate certificate, Instant now) {
        return !now.isBefore(certificate.getNotBefore().toInstant()) && !now.isAfter(certificate.getNotAfter().toInstant());
    }

    /** One line for a person: what is wrong and what to do, or empty when nothing is. */
    public static Optional<String> refusal(X509Certificate certificate, StationId station) {
        List<String> problems = problems(certificate, station);
        return problems.isEmpty() ? Optional.empty() : Optional.of("the TLS certificate of " + station + " does not fit"
                + " the MACM profile: " + String.join("; ", problems) + " (a station makes its certificate with 'macm init';"
                + " ask the peer for the identity.toml it wrote)");
    }

    private static Optional<String> commonName(X509Certificate certificate) {
        try {
            List<String> cns = new ArrayList<>();
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cns.add(String.valueOf(rdn.getValue()));
                }
            }
            return cns.size() == 1 ? Optional.of(cns.get(0)) : Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    private static boolean isP256(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            return false;
        }
        ECParameterSpec p = ec.getParams();
        return p.getCurve().equals(P256.getCurve()) && p.getGenerator().equals(P256.getGenerator())
                && p.getOrder().equals(P256.getOrder()) && p.getCofactor() == P256.getCofactor();
    }

    private static String describe(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            return "EC on a " + ec.getParams().getOrder().bitLength() + "-bit curve other than P-256";
        }
        if (key instanceof java.security.interfaces.RSAPublicKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        return key.getAlgorithm();
    }

    private static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks the EC curve P-256 (secp256r1)", e);
        }
    }
}
