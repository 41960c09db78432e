package org.macm.station.officer;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.macm.station.StationException;

/**
 * A password stored as an Argon2id hash (RFC 9106) in the PHC string format, the form
 * libargon2, argon2-cffi and most password libraries read:
 *
 * <pre>
 * $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH
 *            │    │       │   │   │    └ 32-byte tag, base64 without padding
 *            │    │       │   │   └ 16 random bytes, base64 without padding
 *            │    │       │   └ lanes
 *            │    │       └ passes
 *            │    └ memory in KiB
 *            └ Argon2 version 1.3 (0x13)
 * </pre>
 *
 * Verification recomputes the tag with the parameters and salt stored in the string, so
 * hashes made at an older {@link Argon2Cost} keep verifying, and compares in constant time.
 * {@link #verify} returns nothing and throws when the password is wrong. {@link #toString}
 * names the algorithm and cost, never the salt or the tag.
 */
public final class PasswordHash {
    static final int SALT_BYTES = 16;
    static final int TAG_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final Argon2Cost cost;
    private final byte[] salt;
    private final byte[] tag;

    private PasswordHash(Argon2Cost cost, byte[] salt, byte[] tag) {
        this.cost = cost;
        this.salt = salt;
        this.tag = tag;
    }

    /** Hashes {@code password} with a fresh random salt at {@code cost}. */
    public static PasswordHash create(Password password, Argon2Cost cost, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(cost, salt, derive(password, cost, salt, TAG_BYTES));
    }

    /** Reads a stored PHC string; refuses anything but Argon2id version 19 within {@link Argon2Cost}'s bounds. */
    public static PasswordHash parse(String encoded) {
        Matcher m = PHC.matcher(Objects.requireNonNull(encoded, "encoded"));
        if (!m.matches()) {
            throw new StationException("not an Argon2id password hash in PHC form ($argon2id$v=19$m=…,t=…,p=…$salt$hash)");
        }
        Argon2Cost cost = new Argon2Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        Base64.Decoder decoder = Base64.getDecoder();
        try {
            return new PasswordHash(cost, decoder.decode(m.group(4)), decoder.decode(m.group(5)));
        } catch (IllegalArgumentException e) {
            throw new StationException("the password hash's salt or tag is not valid base64", e);
        }
    }

    /** The PHC string to store. */
    public String encoded() {
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(tag);
    }

    /** The cost this hash was made at. */
    public Argon2Cost cost() {
        return cost;
    }

    /** Returns when {@code password} is the one hashed; throws {@link WrongPasswordException} otherwise. */
    public void verify(Password password) {
        byte[] candidate = derive(password, cost, salt, tag.length);
        try {
            if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(candidate, tag)) {
                throw new WrongPasswordException();
            }
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    private static byte[] derive(Password password, Argon2Cost cost, byte[] salt, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] secret = password.utf8();
        try {
            byte[] out = new byte[length];
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "argon2id(m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + ")";
    }
}
