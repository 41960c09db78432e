package org.macm.station.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.macm.core.MacmException;
import org.macm.core.crypto.Fingerprint;
import org.macm.core.crypto.VerifyingKey;
import org.macm.core.log.StationId;
import org.macm.station.FileProblem;
import org.macm.station.StationException;

/**
 * A station's public identity: its name, Ed25519 verifying key and TLS certificate. It is
 * handed to the peer out of band ({@code identity.toml}) and pinned there. Its fingerprint
 * covers all three, so two operators who read the same fingerprint aloud to each other have
 * agreed on every key the link will trust.
 */
public record Identity(StationId station, VerifyingKey signingKey, X509Certificate tlsCertificate) {
    public static final String FORMAT = "macm-identity-v1";

    public Identity {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(tlsCertificate, "tlsCertificate");
    }

    record Raw(@JsonProperty("format") String format,
            @JsonProperty("station") String station,
            @JsonProperty("signing-key") String signingKey,
            @JsonProperty("tls-certificate") String tlsCertificate,
            @JsonProperty("fingerprint") String fingerprint) {
    }

    public Fingerprint fingerprint() {
        try {
            return Fingerprint.of("identity", station.value().getBytes(StandardCharsets.UTF_8), signingKey.toBytes(),
                    tlsCertificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new StationException("cannot encode the TLS certificate of " + station + ": " + e.getMessage(), e);
        }
    }

    /** The text of an identity file. The fingerprint is written for people; readers recompute it. */
    public String toToml() {
        return """
                # MACM station identity. Hand this file to the peer's operator out of band
                # and read the fingerprint aloud to each other before either side pins it.
                format = "%s"
                station = "%s"
                signing-key = "%s"
                fingerprint = "%s"
                tls-certificate = '''
                %s'''
                """.formatted(FORMAT, station, signingKey.toBase64(), fingerprint(),
                TlsIdentity.certificatePem(tlsCertificate).replace("\r\n", "\n"));
    }

    public void write(Path file) {
        try {
            Files.writeString(file, toToml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StationException("cannot write identity file " + file + ": " + FileProblem.reason(e), e);
        }
    }

    /**
     * Reads an identity file. If it states a fingerprint, that must match the recomputed one:
     * a mismatch means the file was altered after it was written.
     */
    public static Identity read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new StationException("identity file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new StationException(FileProblem.cannotRead("identity file", file, e), e);
        }
        Raw raw;
        try {
            raw = TomlMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(text, Raw.class);
        } catch (UnrecognizedPropertyException e) {
            throw new StationException("identity file " + file + ": unknown key '" + e.getPropertyName() + "'", e);
        } catch (JsonProcessingException e) {
            throw new StationException("identity file " + file + " is not a valid identity (TOML): "
                    + e.getOriginalMessage(), e);
        }
        if (raw == null || !FORMAT.equals(raw.format())) {
            throw new StationException("identity file " + file + ": key 'format' must be \"" + FORMAT + "\"");
        }
        require(file, "station", raw.station());
        require(file, "signing-key", raw.signingKey());
        require(file, "tls-certificate", raw.tlsCertificate());
        Identity identity;
        try {
            identity = new Identity(StationId.of(raw.station()), VerifyingKey.fromBase64(raw.signingKey()),
                    TlsIdentity.readCertificate(file, raw.tlsCertificate()));
        } catch (StationException e) {
            throw e;
        } catch (MacmException e) {
            throw new StationException("identity file " + file + ": " + e.getMessage(), e);
        }
        if (raw.fingerprint() != null && !raw.fingerprint().equals(identity.fingerprint().text())) {
            throw new StationException("identity file " + file + " states fingerprint " + raw.fingerprint()
                    + " but its keys have fingerprint " + identity.fingerprint()
                    + ": the file was altered; ask the peer for a fresh copy");
        }
        return identity;
    }

    private static void require(Path file, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new StationException("identity file " + file + ": required key '" + key + "' is missing");
        }
    }
}
