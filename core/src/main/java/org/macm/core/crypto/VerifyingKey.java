package org.macm.core.crypto;

import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.macm.core.MacmException;

/**
 * An Ed25519 public key that checks entry signatures. {@link #verify} returns nothing and
 * throws {@link SignatureException} on any mismatch, so an unchecked result cannot slip
 * through. Instances are immutable and safe to share between threads.
 */
public final class VerifyingKey {
    public static final int LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;

    private final byte[] encoded;
    private final Ed25519PublicKeyParameters params;

    private VerifyingKey(byte[] encoded) {
        this.encoded = encoded.clone();
        this.params = new Ed25519PublicKeyParameters(this.encoded, 0);
    }

    /** Reads a 32-byte raw Ed25519 public key; rejects wrong lengths and invalid points. */
    public static VerifyingKey fromBytes(byte[] raw) {
        if (raw.length != LENGTH) {
            throw new MacmException("an Ed25519 public key has 32 bytes, this one has " + raw.length);
        }
        if (!Ed25519.validatePublicKeyFull(raw, 0)) {
            throw new MacmException("the 32 bytes given are not a valid Ed25519 public key");
        }
        return new VerifyingKey(raw);
    }

    /** Reads the base64 form written by {@link #toBase64()}. */
    public static VerifyingKey fromBase64(String text) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new MacmException("the public key is not valid base64: " + e.getMessage(), e);
        }
        return fromBytes(raw);
    }

    public void verify(byte[] message, byte[] signature) {
        verify(message, 0, message.length, signature);
    }

    /** Throws {@link SignatureException} unless {@code signature} is this key's signature of the bytes. */
    public void verify(byte[] message, int offset, int length, byte[] signature) {
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            throw new SignatureException("an Ed25519 signature has 64 bytes, this one has " + signature.length);
        }
        if (!params.verify(Ed25519.Algorithm.Ed25519, null, message, offset, length, signature, 0)) {
            throw new SignatureException("signature does not verify with key " + fingerprintShort());
        }
    }

    public byte[] toBytes() {
        return encoded.clone();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(encoded);
    }

    /** First groups of the key's fingerprint, enough to tell keys apart in an error message. */
    public String fingerprintShort() {
        return Fingerprint.of("ed25519", encoded).text().substring(0, 9);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifyingKey k && Arrays.equals(encoded, k.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "VerifyingKey[" + toBase64() + "]";
    }
}
