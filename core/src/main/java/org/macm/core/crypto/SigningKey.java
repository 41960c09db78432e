package org.macm.core.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.macm.core.MacmException;

/**
 * A station's Ed25519 private key. It never prints itself ({@link #toString()} says only
 * which public key it belongs to) and its raw bytes leave only through {@link #exportSeed()},
 * which the key-file writer calls. Signing is thread-safe.
 */
public final class SigningKey {
    private final Ed25519PrivateKeyParameters params;
    private final VerifyingKey verifyingKey;

    private SigningKey(Ed25519PrivateKeyParameters params) {
        this.params = params;
        this.verifyingKey = VerifyingKey.fromBytes(params.generatePublicKey().getEncoded());
    }

    public static SigningKey generate(SecureRandom random) {
        return new SigningKey(new Ed25519PrivateKeyParameters(random));
    }

    /** Rebuilds a key from its 32-byte seed (as stored in the key file). */
    public static SigningKey fromSeed(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new MacmException("an Ed25519 private key has 32 bytes, this one has " + seed.length);
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        params.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return signature;
    }

    public VerifyingKey verifyingKey() {
        return verifyingKey;
    }

    /** The 32-byte seed. Only key files may call this; callers must not log or keep it. */
    public byte[] exportSeed() {
        return params.getEncoded();
    }

    @Override
    public String toString() {
        return "SigningKey[for " + verifyingKey.fingerprintShort() + ", secret not shown]";
    }
}
