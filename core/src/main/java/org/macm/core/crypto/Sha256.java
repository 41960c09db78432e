package org.macm.core.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** SHA-256 over byte arrays; the only hash MACM uses for chaining and fingerprints. */
public final class Sha256 {
    private Sha256() {
    }

    public static byte[] digest(byte[] data) {
        return digest(data, 0, data.length);
    }

    public static byte[] digest(byte[] data, int offset, int length) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, offset, length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
