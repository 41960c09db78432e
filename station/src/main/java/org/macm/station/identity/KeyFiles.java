package org.macm.station.identity;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.macm.core.crypto.SigningKey;
import org.macm.station.FileProblem;
import org.macm.station.PrivateFile;
import org.macm.station.StationException;

/**
 * Private key files: PKCS#8 PEM (readable by OpenSSL), created with mode 0600 from the
 * first byte, never overwritten, and refused on load when others may read them, as SSH
 * refuses a private key that is not private.
 */
public final class KeyFiles {
    private KeyFiles() {
    }

    /** Writes {@code pem} to a new file that only the owner can read; refuses to replace one. */
    static void writePrivate(Path file, String pem) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PrivateFile.OWNER_ONLY));
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new StationException("key file " + file + " already exists; refusing to overwrite a key", e);
        } catch (IOException e) {
            throw new StationException("cannot write key file " + file + ": " + FileProblem.reason(e), e);
        }
    }

    /** Reads a private key file after checking that nobody but its owner can read it. */
    static String readPrivate(Path file) {
        try {
            Optional<String> open = PrivateFile.openMode(file);
            if (open.isPresent()) {
                throw new StationException("key file " + file + " can be read by others (mode "
                        + open.get() + "): run 'chmod 600 " + file + "' and keep the key private");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new StationException("key file " + file + " is missing: restore it from your backup, "
                    + "or create a new station with 'macm init' (peers must then pin the new identity)", e);
        } catch (IOException e) {
            throw new StationException(FileProblem.cannotRead("key file", file, e), e);
        }
    }

    static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new StationException("cannot encode " + type + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    static PemObject parsePem(Path file, String text, String expectedType) {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            PemObject object = parser.readPemObject();
            if (object == null || !object.getType().equals(expectedType)) {
                throw new StationException("file " + file + " is not a PEM " + expectedType
                        + (object == null ? "" : " (found " + object.getType() + ")"));
            }
            return object;
        } catch (IOException e) {
            throw new StationException("file " + file + " is not valid PEM text: restore it from your backup", e);
        }
    }

    /** Writes the station's Ed25519 signing key as PKCS#8. */
    public static void writeSigningKey(Path file, SigningKey key) {
        try {
            PrivateKeyInfo info = PrivateKeyInfoFactory.createPrivateKeyInfo(
                    new Ed25519PrivateKeyParameters(key.exportSeed(), 0));
            writePrivate(file, pem("PRIVATE KEY", info.getEncoded()));
        } catch (IOException e) {
            throw new StationException("cannot encode the signing key: " + e.getMessage(), e);
        }
    }

    public static SigningKey readSigningKey(Path file) {
        PemObject pem = parsePem(file, readPrivate(file), "PRIVATE KEY");
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(pem.getContent());
        } catch (IOException | RuntimeException e) {
            throw new StationException("key file " + file + " does not hold a readable private key (PKCS#8): restore it from your backup", e);
        }
        if (!(key instanceof Ed25519PrivateKeyParameters ed)) {
            throw new StationException("key file " + file + " holds " + kind(key) + ", not the Ed25519 signing key "
                    + "'macm init' makes: point signing-key in station.toml at keys/signing.key, or restore that file");
        }
        return SigningKey.fromSeed(ed.getEncoded());
    }

    /** What kind of key a file holds, as a person names it (the TLS key is EC, so that is the likely mix-up). */
    private static String kind(AsymmetricKeyParameter key) {
        return switch (key) {
            case ECPrivateKeyParameters ec -> "an EC (ECDSA) key, such as the TLS key";
            case RSAKeyParameters rsa -> "an RSA key";
            default -> "another kind of key";
        };
    }
}
